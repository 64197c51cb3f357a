import { describe, expect, it } from 'vitest';
import type { KubeObject, ManagedFieldsEntry } from '../meta/object.ts';
import { deploymentSchema } from './test-schema.ts';
import { fieldManagerFromUserAgent, resolveFieldManager, trackUpdate, type TrackUpdateOptions } from './update-tracking.ts';

const T0 = new Date('2024-05-01T10:00:00Z');
const T1 = new Date('2024-05-01T11:00:00Z');

function deployment(spec: Record<string, unknown>, metadata: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '5', creationTimestamp: '2024-05-01T10:00:00Z', ...metadata },
    spec,
  };
}

function track(options: Partial<TrackUpdateOptions> & Pick<TrackUpdateOptions, 'updated'>): ManagedFieldsEntry[] {
  return trackUpdate({ live: undefined, manager: 'kubectl-create', operation: 'Update', apiVersion: 'apps/v1', now: T0, schema: deploymentSchema, ...options });
}

function created(spec: Record<string, unknown>, metadata: Record<string, unknown> = {}): KubeObject {
  const object = deployment(spec, metadata);
  object.metadata.managedFields = track({ updated: object });
  return object;
}

describe('trackUpdate', () => {
  it('gives the creator every field it set, leaving out server-owned metadata, as upstream shows after kubectl create', () => {
    const entries = track({
      updated: deployment(
        { replicas: 1, strategy: { rollingUpdate: { maxSurge: '25%' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }] }] } } },
        { labels: { app: 'web' } },
      ),
    });
    expect(entries).toEqual([
      {
        manager: 'kubectl-create',
        operation: 'Update',
        apiVersion: 'apps/v1',
        time: '2024-05-01T10:00:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
          'f:spec': {
            'f:replicas': {},
            'f:strategy': { 'f:rollingUpdate': { '.': {}, 'f:maxSurge': {} } },
            'f:template': {
              'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
              'f:spec': {
                'f:containers': {
                  'k:{"name":"nginx"}': {
                    '.': {},
                    'f:image': {},
                    'f:name': {},
                    'f:ports': { '.': {}, 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {}, 'f:protocol': {} } },
                  },
                },
              },
            },
          },
        },
      },
    ]);
  });

  it('moves a changed field to the writer and drops emptied entries', () => {
    const live = created({ replicas: 1 });
    const entries = track({ live, updated: deployment({ replicas: 5 }), manager: 'kubectl-scale', now: T1 });
    expect(entries.map((e) => [e.manager, e.fieldsV1, e.time])).toEqual([['kubectl-scale', { 'f:spec': { 'f:replicas': {} } }, '2024-05-01T11:00:00Z']]);
  });

  it('takes removed fields away from their owner without giving them to the writer', () => {
    const live = created({ replicas: 1, paused: true });
    const entries = track({ live, updated: deployment({ replicas: 1 }), manager: 'kubectl-edit', now: T1 });
    expect(entries.map((e) => [e.manager, e.fieldsV1])).toEqual([['kubectl-create', { 'f:spec': { 'f:replicas': {} } }]]);
  });

  it('keeps the time of a writer whose write changed nothing', () => {
    const live = created({ replicas: 1 });
    const entries = track({ live, updated: deployment({ replicas: 1 }, { resourceVersion: '9' }), now: T1 });
    expect(entries.map((e) => e.time)).toEqual(['2024-05-01T10:00:00Z']);
  });

  it('records status writes with their subresource and keeps one Update entry per apiVersion', () => {
    const live = created({ replicas: 1 });
    const withStatus = { ...deployment({ replicas: 1 }), status: { replicas: 1 } };
    const entries = track({ live, updated: withStatus, manager: 'kube-controller-manager', subresource: 'status', now: T1 });
    expect(entries.map((e) => [e.manager, e.subresource])).toEqual([
      ['kubectl-create', undefined],
      ['kube-controller-manager', 'status'],
    ]);
    expect(entries[1].fieldsV1).toEqual({ 'f:status': { '.': {}, 'f:replicas': {} } });
  });

  it('resets managedFields when the client sends an empty list, and keeps them when it sends none', () => {
    const live = created({ replicas: 1 });
    const reset = deployment({ replicas: 1 }, { managedFields: [] });
    expect(track({ live, updated: reset, now: T1 })).toEqual([]);
    expect(track({ live, updated: deployment({ replicas: 1 }, { managedFields: [{}] }), now: T1 })).toEqual([]);
    expect(track({ live, updated: deployment({ replicas: 1 }), now: T1 })).toEqual(live.metadata.managedFields);
  });

  it('leaves reset fields (status on the main resource) to nobody', () => {
    const entries = track({ updated: { ...deployment({ replicas: 1 }), status: { replicas: 3 } }, ignoredPaths: [['status']] });
    expect(entries[0].fieldsV1).toEqual({ 'f:spec': { 'f:replicas': {} } });
  });

  it('folds the oldest of more than ten Update managers into ancient-changes', () => {
    let live = created({ replicas: 0 });
    for (let i = 1; i <= 11; i++) {
      const updated = deployment({ replicas: 0 }, { labels: { ...(live.metadata.labels ?? {}), [`l${i}`]: 'x' } });
      const managedFields = track({ live, updated, manager: `writer-${i}`, now: new Date(T0.getTime() + i * 60_000) });
      live = { ...updated, metadata: { ...updated.metadata, managedFields } };
    }
    const managers = live.metadata.managedFields!.map((e) => e.manager);
    expect(managers).toHaveLength(10);
    expect(managers).toContain('ancient-changes');
    expect(managers).not.toContain('kubectl-create');
  });
});

describe('fieldManagerFromUserAgent', () => {
  const cases: Array<[string | undefined, string]> = [
    ['kubectl/v1.20.0 (linux/amd64) kubernetes/af46c47', 'kubectl'],
    ['kube-controller-manager/v1.30.0 (linux/amd64) kubernetes/abc/system:serviceaccount:kube-system:deployment-controller', 'kube-controller-manager'],
    ['OpenAPI-Generator/29.0.0/python', 'OpenAPI-Generator'],
    ['bad\u0007agent/1', 'badagent'],
    [undefined, ''],
  ];
  for (const [agent, want] of cases) it(`names ${JSON.stringify(agent)} ${JSON.stringify(want)}`, () => expect(fieldManagerFromUserAgent(agent)).toBe(want));

  it('prefers an explicit fieldManager', () => expect(resolveFieldManager('helm', 'kubectl/1')).toBe('helm'));
});
