import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../client/index.ts';
import { quotaStatus, sameQuotaStatus } from './quota-status.ts';

const now = new Date('2026-01-01T00:00:00Z');
const quota = { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: 'n' }, spec: { hard: { 'requests.memory': '1024Mi', pods: '2', 'count/widgets.example.com': '3', bogus: '1' } } } as KubeObject;
const pods = [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'n' }, spec: { containers: [{ name: 'c', resources: { requests: { memory: '512Mi' } } }] } } as KubeObject];

describe('quotaStatus', () => {
  it('copies spec.hard in canonical form and reports usage only for resources it can count', () => {
    const status = quotaStatus({ quota, objectsOf: (r) => (r === 'pods' ? pods : []), canCount: (r) => r === 'pods', now });
    expect(status).toEqual({
      hard: { bogus: '1', 'count/widgets.example.com': '3', pods: '2', 'requests.memory': '1Gi' },
      used: { pods: '1', 'requests.memory': '512Mi' },
    });
  });

  it('tells an unchanged status from a changed one', () => {
    const status = { hard: { pods: '2' }, used: { pods: '1' } };
    expect(sameQuotaStatus({ hard: { pods: '2' }, used: { pods: '1' } }, status)).toBe(true);
    expect(sameQuotaStatus({ hard: { pods: '2' }, used: { pods: '0' } }, status)).toBe(false);
    expect(sameQuotaStatus(undefined, status)).toBe(false);
  });
});
