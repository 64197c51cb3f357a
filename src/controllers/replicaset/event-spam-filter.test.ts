import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../client/index.ts';
import { withSpamFilter } from './event-spam-filter.ts';

function recorded() {
  const messages: string[] = [];
  return { messages, recorder: { record: (_o: unknown, _t: string, _r: string, m: string) => void messages.push(m) } };
}

const rs = (name: string) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name, namespace: 'ns', uid: name } });

describe('withSpamFilter()', () => {
  it('passes a burst of 25 events about one object and drops the rest', () => {
    const { messages, recorder } = recorded();
    const filtered = withSpamFilter(recorder, new ManualClock());
    for (let i = 0; i < 30; i++) filtered.record(rs('a'), 'Normal', 'SuccessfulCreate', `Created pod: p${i}`);
    expect(messages).toHaveLength(25);
  });

  it('keeps a separate budget per object', () => {
    const { messages, recorder } = recorded();
    const filtered = withSpamFilter(recorder, new ManualClock());
    for (let i = 0; i < 30; i++) filtered.record(rs('a'), 'Normal', 'SuccessfulCreate', 'x');
    filtered.record(rs('b'), 'Normal', 'SuccessfulCreate', 'y');
    expect(messages.at(-1)).toBe('y');
  });

  it('lets one more event through every five minutes', () => {
    const { messages, recorder } = recorded();
    const clock = new ManualClock();
    const filtered = withSpamFilter(recorder, clock);
    for (let i = 0; i < 30; i++) filtered.record(rs('a'), 'Normal', 'SuccessfulCreate', 'x');
    clock.advance(5 * 60 * 1000);
    filtered.record(rs('a'), 'Normal', 'SuccessfulCreate', 'late');
    expect(messages.at(-1)).toBe('late');
  });
});
