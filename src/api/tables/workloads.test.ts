import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../meta/object.ts';
import { cronJobPrinter, deploymentPrinter, jobPrinter, statefulSetPrinter } from './workloads.ts';

const now = new Date('2024-05-01T12:00:00Z');
const meta = { name: 'web', namespace: 'default', creationTimestamp: '2024-04-29T09:00:00Z' };
const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }, { name: 'sidecar', image: 'busybox' }] } };

describe('deploymentPrinter', () => {
  it('has upstream columns', () => {
    expect(deploymentPrinter.columns.map((c) => `${c.name}:${c.type}:${c.priority}`)).toEqual([
      'Name:string:0',
      'Ready:string:0',
      'Up-to-date:string:0',
      'Available:string:0',
      'Age:string:0',
      'Containers:string:1',
      'Images:string:1',
      'Selector:string:1',
    ]);
  });

  it('prints READY as ready/desired, counts, age and the wide cells', () => {
    const d: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta,
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }] }, template },
      status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
    };
    expect(deploymentPrinter.cells(d, now)).toEqual(['web', '2/3', 3, 2, '2d3h', 'nginx,sidecar', 'nginx:1.25,busybox', 'app=web,tier in (a,b)']);
  });

  it('prints zero counts before the controller reports status', () => {
    const d: KubeObject = { metadata: meta, spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template } };
    expect(deploymentPrinter.cells(d, now).slice(0, 4)).toEqual(['web', '0/1', 0, 0]);
  });

  it('prints <invalid> for a selector that does not convert', () => {
    const d: KubeObject = { metadata: meta, spec: { replicas: 1, selector: { matchExpressions: [{ key: 'a', operator: 'Bad' }] }, template } };
    expect(deploymentPrinter.cells(d, now)[7]).toBe('<invalid>');
  });
});

describe('statefulSetPrinter', () => {
  it('prints READY as ready/desired', () => {
    const s: KubeObject = { metadata: meta, spec: { replicas: 2, template }, status: { readyReplicas: 1 } };
    expect(statefulSetPrinter.cells(s, now)).toEqual(['web', '1/2', '2d3h', 'nginx,sidecar', 'nginx:1.25,busybox']);
  });
});

describe('jobPrinter', () => {
  const job = (spec: Record<string, unknown>, status: Record<string, unknown>, metadata: Record<string, unknown> = {}): KubeObject => ({
    metadata: { ...meta, ...metadata },
    spec: { template, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u1' } }, ...spec },
    status,
  });
  const cases: Array<{ name: string; job: KubeObject; status: string; completions: string; duration: string }> = [
    { name: 'a running job', job: job({ completions: 3 }, { succeeded: 1, startTime: '2024-05-01T11:58:00Z' }), status: 'Running', completions: '1/3', duration: '2m' },
    {
      name: 'a complete job',
      job: job({}, { succeeded: 1, startTime: '2024-05-01T11:00:00Z', completionTime: '2024-05-01T11:00:42Z', conditions: [{ type: 'Complete', status: 'True' }] }),
      status: 'Complete',
      completions: '1/1',
      duration: '42s',
    },
    { name: 'a parallel job without completions', job: job({ parallelism: 4 }, {}), status: 'Running', completions: '0/1 of 4', duration: '' },
    { name: 'a failed job', job: job({ completions: 1 }, { conditions: [{ type: 'Failed', status: 'True' }] }), status: 'Failed', completions: '0/1', duration: '' },
    { name: 'a suspended job', job: job({ completions: 1 }, { conditions: [{ type: 'Suspended', status: 'True' }] }), status: 'Suspended', completions: '0/1', duration: '' },
    { name: 'a job being deleted', job: job({ completions: 1 }, {}, { deletionTimestamp: '2024-05-01T11:59:00Z' }), status: 'Terminating', completions: '0/1', duration: '' },
  ];
  for (const c of cases) {
    it(`prints ${c.name}`, () => expect(jobPrinter.cells(c.job, now).slice(1, 4)).toEqual([c.status, c.completions, c.duration]));
  }
});

describe('cronJobPrinter', () => {
  it('prints schedule, time zone, suspend, active jobs and last schedule', () => {
    const cj: KubeObject = {
      metadata: meta,
      spec: { schedule: '*/5 * * * *', suspend: false, jobTemplate: { spec: { template } } },
      status: { active: [{ name: 'web-1' }], lastScheduleTime: '2024-05-01T11:55:00Z' },
    };
    expect(cronJobPrinter.cells(cj, now).slice(0, 7)).toEqual(['web', '*/5 * * * *', '<none>', 'False', 1, '5m', '2d3h']);
  });
});
