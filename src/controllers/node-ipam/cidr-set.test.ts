import { describe, expect, it } from 'vitest';
import { CidrSet } from './cidr-set.ts';

describe('CidrSet', () => {
  it('hands out /24 blocks of 10.42.0.0/16 lowest first', () => {
    const set = new CidrSet('10.42.0.0/16', 24);
    expect([set.allocate(), set.allocate(), set.allocate()]).toEqual(['10.42.0.0/24', '10.42.1.0/24', '10.42.2.0/24']);
  });
  it('skips blocks marked used and reuses released ones', () => {
    const set = new CidrSet('10.42.0.0/16', 24);
    expect(set.occupy('10.42.0.0/24')).toBe(true);
    expect(set.allocate()).toBe('10.42.1.0/24');
    set.release('10.42.0.0/24');
    expect(set.allocate()).toBe('10.42.0.0/24');
  });
  it('gives the preferred block back when it is free', () => {
    const set = new CidrSet('10.42.0.0/16', 24);
    expect(set.allocate({ preferred: '10.42.7.0/24' })).toBe('10.42.7.0/24');
    expect(set.allocate({ preferred: '10.42.7.0/24' })).toBe('10.42.0.0/24');
  });
  it('keeps blocks others may come back for while fresh blocks remain', () => {
    const set = new CidrSet('10.42.0.0/23', 24);
    expect(set.allocate({ avoid: ['10.42.0.0/24'] })).toBe('10.42.1.0/24');
    expect(set.allocate({ avoid: ['10.42.0.0/24'] })).toBe('10.42.0.0/24');
    expect(set.allocate({ avoid: ['10.42.0.0/24'] })).toBeUndefined();
  });
  it('answers undefined when every block is used', () => {
    const set = new CidrSet('10.42.0.0/23', 24);
    set.allocate();
    set.allocate();
    expect(set.allocate()).toBeUndefined();
  });
  it.each([
    { name: 'refuses a block outside the range', cidr: '10.43.0.0/24' },
    { name: 'refuses a block of another size', cidr: '10.42.0.0/25' },
    { name: 'refuses a misaligned block', cidr: '10.42.0.128/24' },
    { name: 'refuses text that is no CIDR', cidr: 'nope' },
  ])('$name', ({ cidr }) => expect(new CidrSet('10.42.0.0/16', 24).occupy(cidr)).toBe(false));
  it('works for IPv6 ranges', () => {
    const set = new CidrSet('fd00:42::/56', 64);
    expect([set.allocate(), set.allocate()]).toEqual(['fd00:42::/64', 'fd00:42:0:1::/64']);
  });
  it('rejects a node mask wider than the cluster range', () => {
    expect(() => new CidrSet('10.42.0.0/16', 8)).toThrow(/does not fit/);
  });
});
