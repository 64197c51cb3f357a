import { describe, expect, it } from 'vitest';
import { controllerUidIndex } from './controller-uid-index.ts';

describe('controllerUidIndex()', () => {
  it('indexes an owned object under its controller UID', () => {
    expect(controllerUidIndex({ metadata: { namespace: 'ns', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: 'u1', controller: true }] } })).toEqual(['u1']);
  });
  it('indexes an object without a controller as an orphan of its namespace', () => {
    expect(controllerUidIndex({ metadata: { namespace: 'ns', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'a', uid: 'u1' }] } })).toEqual(['orphan/ns']);
  });
});
