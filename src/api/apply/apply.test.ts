import { describe, expect, it } from 'vitest';
import { StatusError } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import { serverSideApply, type ServerSideApplyOptions } from './apply.ts';
import { LAST_APPLIED_ANNOTATION } from './last-applied.ts';
import { trackUpdate } from './update-tracking.ts';
import { deploymentSchema } from './test-schema.ts';

const T0 = new Date('2024-05-01T10:00:00.123Z');
const T1 = new Date('2024-05-01T10:05:00Z');

function deployment(spec: Record<string, unknown>, metadata: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', ...metadata }, spec };
}

function container(name: string, fields: Record<string, unknown> = {}) {
  return { name, image: `${name}:1`, ...fields };
}

function withContainers(...containers: unknown[]) {
  return { template: { spec: { containers } } };
}

function apply(live: KubeObject | undefined, applied: KubeObject, extra: Partial<ServerSideApplyOptions> = {}) {
  return serverSideApply({
    live,
    applied,
    manager: 'mgr-a',
    force: false,
    schema: deploymentSchema,
    apiVersion: 'apps/v1',
    now: T0,
    ...extra,
  });
}

function conflictOf(run: () => unknown): StatusError {
  try {
    run();
  } catch (err) {
    if (err instanceof StatusError) return err;
    throw err;
  }
  throw new Error('expected a conflict');
}

describe('serverSideApply', () => {
  it('gives the first applier an Apply entry owning every field it set', () => {
    const { object, managedFields } = apply(undefined, deployment({ replicas: 2 }, { labels: { app: 'web' } }));
    expect(object.spec).toEqual({ replicas: 2 });
    expect(managedFields).toEqual([
      {
        manager: 'mgr-a',
        operation: 'Apply',
        apiVersion: 'apps/v1',
        time: '2024-05-01T10:00:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:metadata': { 'f:labels': { 'f:app': {} } }, 'f:spec': { 'f:replicas': {} } },
      },
    ]);
    expect(object.metadata.managedFields).toEqual(managedFields);
  });

  it('rejects a second applier changing an owned field with upstream\'s 409', () => {
    const first = apply(undefined, deployment({ replicas: 2 })).object;
    const err = conflictOf(() => apply(first, deployment({ replicas: 3 }), { manager: 'mgr-b' }));
    expect(err.code).toBe(409);
    expect(err.reason).toBe('Conflict');
    expect(err.message).toBe('Apply failed with 1 conflict: conflict with "mgr-a": .spec.replicas');
    expect(err.details?.causes).toEqual([{ reason: 'FieldManagerConflict', message: 'conflict with "mgr-a"', field: '.spec.replicas' }]);
  });

  it('lists several conflicts per manager in the message', () => {
    const first = apply(undefined, deployment({ replicas: 2, paused: false })).object;
    const err = conflictOf(() => apply(first, deployment({ replicas: 3, paused: true }), { manager: 'mgr-b' }));
    expect(err.message).toBe('Apply failed with 2 conflicts: conflicts with "mgr-a":\n- .spec.paused\n- .spec.replicas');
  });

  it('lets a forced apply take the field away from its owner', () => {
    const first = apply(undefined, deployment({ replicas: 2, paused: false })).object;
    const { object, managedFields } = apply(first, deployment({ replicas: 3 }), { manager: 'mgr-b', force: true, now: T1 });
    expect(object.spec).toEqual({ replicas: 3, paused: false });
    const byManager = Object.fromEntries(managedFields.map((e) => [e.manager, e.fieldsV1]));
    expect(byManager).toEqual({
      'mgr-a': { 'f:spec': { 'f:paused': {} } },
      'mgr-b': { 'f:spec': { 'f:replicas': {} } },
    });
  });

  it('removes a field the applier dropped from its configuration when nobody else owns it', () => {
    const first = apply(undefined, deployment({ replicas: 2, paused: true }, { labels: { app: 'web', tier: 'front' } })).object;
    const { object, managedFields } = apply(first, deployment({ replicas: 2 }, { labels: { app: 'web' } }), { now: T1 });
    expect(object.spec).toEqual({ replicas: 2 });
    expect(object.metadata.labels).toEqual({ app: 'web' });
    expect(managedFields[0].fieldsV1).toEqual({ 'f:metadata': { 'f:labels': { 'f:app': {} } }, 'f:spec': { 'f:replicas': {} } });
  });

  it('keeps a dropped field that another manager also owns', () => {
    const first = apply(undefined, deployment({ replicas: 2, paused: true })).object;
    const shared = apply(first, deployment({ paused: true }), { manager: 'mgr-b' }).object;
    const { object } = apply(shared, deployment({ replicas: 2 }), { now: T1 });
    expect(object.spec).toEqual({ replicas: 2, paused: true });
  });

  it('lets two appliers co-own a field they set to the same value', () => {
    const first = apply(undefined, deployment({ replicas: 2 })).object;
    const { object, managedFields, changed } = apply(first, deployment({ replicas: 2 }), { manager: 'mgr-b', now: T1 });
    expect(changed).toBe(false);
    expect(object.spec).toEqual({ replicas: 2 });
    // Sorted as upstream: an entry without time counts as time zero, so it comes first.
    expect(managedFields.map((e) => [e.manager, e.fieldsV1])).toEqual([
      ['mgr-b', { 'f:spec': { 'f:replicas': {} } }],
      ['mgr-a', { 'f:spec': { 'f:replicas': {} } }],
    ]);
    // As upstream: a no-op apply does not stamp a time on the entry.
    expect(managedFields.find((e) => e.manager === 'mgr-b')?.time).toBeUndefined();
  });

  it('merges the containers list by name, keeping other managers\' containers in place', () => {
    const first = apply(undefined, deployment(withContainers(container('app'), container('sidecar')))).object;
    const { object } = apply(
      first,
      deployment(withContainers(container('init-proxy'), container('sidecar', { image: 'sidecar:2' }))),
      { manager: 'mgr-b', force: true },
    );
    expect((object.spec as any).template.spec.containers).toEqual([
      container('app'),
      container('init-proxy'),
      container('sidecar', { image: 'sidecar:2' }),
    ]);
  });

  it('matches a port applied without protocol to the live TCP port', () => {
    const live = deployment(withContainers(container('app', { ports: [{ containerPort: 80, protocol: 'TCP' }] })));
    live.metadata.managedFields = trackUpdate({
      live: undefined, updated: live, manager: 'kubectl-create', operation: 'Update', apiVersion: 'apps/v1', now: T0, schema: deploymentSchema,
    });
    const { object, managedFields } = apply(live, deployment(withContainers(container('app', { ports: [{ containerPort: 80 }] }))), { now: T1 });
    expect((object.spec as any).template.spec.containers[0].ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    const applier = managedFields.find((e) => e.operation === 'Apply')!;
    expect((applier.fieldsV1 as any)['f:spec']['f:template']['f:spec']['f:containers']['k:{"name":"app"}']['f:ports']).toEqual({
      'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} },
    });
  });

  it('replaces atomic lists and maps whole', () => {
    const live = apply(undefined, deployment({ selector: { matchLabels: { a: '1', b: '2' } }, ...withContainers(container('app', { args: ['x', 'y'] })) })).object;
    const { object } = apply(live, deployment({ selector: { matchLabels: { c: '3' } }, ...withContainers(container('app', { args: ['z'] })) }));
    expect((object.spec as any).selector).toEqual({ matchLabels: { c: '3' } });
    expect((object.spec as any).template.spec.containers[0].args).toEqual(['z']);
  });

  it('treats lists of schema-less kinds as atomic', () => {
    const widget = (items: unknown[]) => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { items } });
    const live = apply(undefined, widget([{ name: 'a' }]), { schema: undefined, apiVersion: 'example.com/v1' }).object;
    const { object, managedFields } = apply(live, widget([{ name: 'b' }]), { schema: undefined, apiVersion: 'example.com/v1' });
    expect((object.spec as any).items).toEqual([{ name: 'b' }]);
    expect(managedFields[0].fieldsV1).toEqual({ 'f:spec': { '.': {}, 'f:items': {} } });
  });

  it('conflicts with an Update manager (kubectl create) that set a different value, naming its version', () => {
    const created = deployment({ replicas: 1 });
    created.metadata.managedFields = trackUpdate({
      live: undefined, updated: created, manager: 'kubectl-create', operation: 'Update', apiVersion: 'apps/v1', now: T0, schema: deploymentSchema,
    });
    const err = conflictOf(() => apply(created, deployment({ replicas: 3 }), { manager: 'kubectl' }));
    expect(err.message).toBe('Apply failed with 1 conflict: conflict with "kubectl-create" using apps/v1: .spec.replicas');
    // The same value is no conflict: the applier co-owns it.
    const { managedFields } = apply(created, deployment({ replicas: 1 }), { manager: 'kubectl' });
    expect(managedFields.map((e) => `${e.manager}/${e.operation}`)).toEqual(['kubectl/Apply', 'kubectl-create/Update']);
  });

  it('lets kubectl take over fields that still match the client-side last-applied annotation', () => {
    const lastApplied = JSON.stringify(deployment({ replicas: 1 }));
    const created = deployment({ replicas: 1 }, { annotations: { [LAST_APPLIED_ANNOTATION]: lastApplied } });
    created.metadata.managedFields = trackUpdate({
      live: undefined, updated: created, manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'apps/v1', now: T0, schema: deploymentSchema,
    });
    const { object, managedFields } = apply(created, deployment({ replicas: 4 }), { manager: 'kubectl', now: T1 });
    expect(object.spec).toEqual({ replicas: 4 });
    expect(managedFields.find((e) => e.manager === 'kubectl')?.fieldsV1).toEqual({ 'f:spec': { 'f:replicas': {} } });
    expect(JSON.parse(object.metadata.annotations![LAST_APPLIED_ANNOTATION])).toEqual(deployment({ replicas: 4 }));
    // Another manager name gets the conflict.
    expect(conflictOf(() => apply(created, deployment({ replicas: 4 }), { manager: 'other' })).code).toBe(409);
  });

  const refusals: Array<{ name: string; applied: KubeObject; code: number; message: RegExp }> = [
    { name: 'rejects a body without apiVersion and kind', applied: { metadata: { name: 'web' } }, code: 400, message: /^invalid object type: \/, Kind=$/ },
    {
      name: 'rejects a body of another version',
      applied: { apiVersion: 'apps/v1beta1', kind: 'Deployment', metadata: { name: 'web' } },
      code: 400,
      message: /^invalid object type: apps\/v1beta1, Kind=Deployment$/,
    },
    {
      name: 'rejects a body carrying managedFields',
      applied: deployment({}, { managedFields: [] }),
      code: 400,
      message: /^metadata.managedFields must be nil$/,
    },
    {
      name: 'rejects a container without its key as upstream does',
      applied: deployment(withContainers({ image: 'x' })),
      code: 500,
      message: /^failed to create typed patch object \(default\/web; apps\/v1, Kind=Deployment\): \.spec\.template\.spec\.containers: element 0: associative list with keys has an element that omits key field "name"/,
    },
  ];
  for (const r of refusals) {
    it(r.name, () => {
      const err = conflictOf(() => apply(undefined, r.applied, { kind: 'Deployment' }));
      expect(err.code).toBe(r.code);
      expect(err.message).toMatch(r.message);
    });
  }
});
