import { describe, expect, it } from 'vitest';
import { Subscribers } from './subscribers.ts';
import type { StoreEvent } from './types.ts';

const event: StoreEvent = { type: 'create', revision: 1, kv: { key: '/a', value: 'v', modRevision: 1, createRevision: 1 } };

describe('Subscribers', () => {
  it('reports a throwing listener to onError and still calls the listeners after it', () => {
    const errors: unknown[] = [];
    const subscribers = new Subscribers((error) => errors.push(error));
    const seen: number[] = [];
    subscribers.add(() => {
      throw new Error('boom');
    });
    subscribers.add((e) => seen.push(e.revision));
    subscribers.emit(event);
    expect(seen).toEqual([1]);
    expect(errors).toHaveLength(1);
  });

  it('treats the same function subscribed twice as two subscriptions', () => {
    const subscribers = new Subscribers();
    let calls = 0;
    const listener = () => calls++;
    const first = subscribers.add(listener);
    subscribers.add(listener);
    first();
    subscribers.emit(event);
    expect(calls).toBe(1);
  });
});
