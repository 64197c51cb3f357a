import { describe, expect, it } from 'vitest';
import { podTemplateHash } from './pod-template-hash.ts';

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } };

describe('podTemplateHash()', () => {
  it('is the same for the same template whatever the key order', () => {
    const reordered = { spec: { containers: [{ image: 'nginx:1.25', name: 'c' }] }, metadata: { labels: { app: 'web' } } };
    expect(podTemplateHash(reordered)).toBe(podTemplateHash(template));
  });

  it('changes when the image changes', () => {
    expect(podTemplateHash({ ...template, spec: { containers: [{ name: 'c', image: 'nginx:1.26' }] } })).not.toBe(podTemplateHash(template));
  });

  it('changes with the collision count', () => {
    expect(podTemplateHash(template, 1)).not.toBe(podTemplateHash(template));
    expect(podTemplateHash(template, 1)).not.toBe(podTemplateHash(template, 2));
  });

  it('uses only safe characters, as a label value and a name suffix', () => {
    expect(podTemplateHash(template)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
  });

  it('is stable across releases (a restarted server must find the same ReplicaSet)', () => {
    // A golden value: changing the hash input renames every Deployment's ReplicaSet on upgrade.
    expect(podTemplateHash(template)).toBe('5bdcdff586');
  });
});
