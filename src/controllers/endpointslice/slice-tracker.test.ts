import { describe, expect, it } from 'vitest';
import type { EndpointSlice } from '../endpoints/types.ts';
import { SliceTracker } from './slice-tracker.ts';

const slice = (uid: string, resourceVersion: string): EndpointSlice => ({ metadata: { name: uid, uid, resourceVersion }, addressType: 'IPv4' });

describe('SliceTracker', () => {
  it('finds a cache stale while it lacks a slice we created', () => {
    const t = new SliceTracker();
    t.update('ns/web', slice('a', '5'));
    expect(t.stale('ns/web', [])).toBe(true);
    expect(t.stale('ns/web', [slice('a', '5')])).toBe(false);
  });

  it('finds a cache stale while it shows a version older than our update', () => {
    const t = new SliceTracker();
    t.update('ns/web', slice('a', '10'));
    expect(t.stale('ns/web', [slice('a', '9')])).toBe(true);
    expect(t.stale('ns/web', [slice('a', '11')])).toBe(false);
  });

  it('finds a cache stale while it still shows a slice we deleted', () => {
    const t = new SliceTracker();
    t.expectDeletion('ns/web', slice('a', '3'));
    expect(t.stale('ns/web', [slice('a', '3')])).toBe(true);
    expect(t.stale('ns/web', [])).toBe(false);
  });

  it('does not sync on the echo of our own write but does on a later change by someone else', () => {
    const t = new SliceTracker();
    t.update('ns/web', slice('a', '10'));
    expect(t.shouldSync('ns/web', slice('a', '10'))).toBe(false);
    expect(t.shouldSync('ns/web', slice('a', '12'))).toBe(true);
    expect(t.shouldSync('ns/web', slice('b', '1'))).toBe(true);
  });

  it('reports only unexpected deletions', () => {
    const t = new SliceTracker();
    t.expectDeletion('ns/web', slice('a', '3'));
    expect(t.handleDeletion('ns/web', slice('a', '3'))).toBe(false);
    t.update('ns/web', slice('b', '4'));
    expect(t.handleDeletion('ns/web', slice('b', '4'))).toBe(true);
  });
});
