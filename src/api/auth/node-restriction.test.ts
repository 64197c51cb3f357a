import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../meta/object.ts';
import { checkNodeRestriction, type NodeRestrictionRequest } from './node-restriction.ts';

const node1 = { username: 'system:node:n1', groups: ['system:nodes', 'system:authenticated'] };
const pod = (nodeName: string, labels: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default', labels },
  spec: { nodeName, containers: [{ name: 'c', image: 'nginx' }] },
});
const nodeObject = (name: string, options: { labels?: Record<string, string>; taints?: unknown[] } = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: options.labels ?? {} },
  spec: { taints: options.taints ?? [] },
});
const mirrorPod = (overrides: { spec?: Record<string, unknown>; owner?: Record<string, unknown> } = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'static-web-n1',
    namespace: 'default',
    annotations: { 'kubernetes.io/config.mirror': 'hash' },
    ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'n1', uid: 'node-uid', controller: true, ...overrides.owner }],
  },
  spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'nginx' }], ...overrides.spec },
});
const core = (resource: string, subresource = '') => ({ group: '', resource, subresource });

type Case = { name: string; request: Omit<NodeRestrictionRequest, 'user'> & { user?: NodeRestrictionRequest['user'] }; reason: string | undefined };
const cases: Case[] = [
  // Pod status
  { name: 'allows a node to update the status of a pod bound to it', request: { verb: 'update', ...core('pods', 'status'), namespace: 'default', name: 'web', oldObject: pod('n1'), object: pod('n1') }, reason: undefined },
  { name: 'allows a status patch of a pod bound to it', request: { verb: 'patch', ...core('pods', 'status'), namespace: 'default', name: 'web', oldObject: pod('n1'), object: pod('n1') }, reason: undefined },
  { name: 'rejects a status update of a pod bound to another node', request: { verb: 'update', ...core('pods', 'status'), namespace: 'default', name: 'web', oldObject: pod('n2'), object: pod('n2') }, reason: 'node "n1" can only update pod status for pods with spec.nodeName set to itself' },
  { name: 'rejects a status update that changes labels', request: { verb: 'update', ...core('pods', 'status'), namespace: 'default', name: 'web', oldObject: pod('n1'), object: pod('n1', { role: 'db' }) }, reason: 'node "n1" cannot update labels through pod status' },
  // Pods
  { name: 'allows a node to delete a pod bound to it', request: { verb: 'delete', ...core('pods'), namespace: 'default', name: 'web', oldObject: pod('n1') }, reason: undefined },
  { name: 'rejects deleting a pod bound to another node', request: { verb: 'delete', ...core('pods'), namespace: 'default', name: 'web', oldObject: pod('n2') }, reason: 'node "n1" can only delete pods with spec.nodeName set to itself' },
  { name: 'rejects a node updating a pod spec', request: { verb: 'update', ...core('pods'), namespace: 'default', name: 'web', oldObject: pod('n1'), object: pod('n1') }, reason: 'unexpected operation "UPDATE", node "n1" can only create and delete mirror pods' },
  { name: 'allows creating a mirror pod owned by the node', request: { verb: 'create', ...core('pods'), namespace: 'default', object: mirrorPod() }, reason: undefined },
  { name: 'rejects creating a pod that is not a mirror pod', request: { verb: 'create', ...core('pods'), namespace: 'default', object: pod('n1') }, reason: 'pod does not have "kubernetes.io/config.mirror" annotation, node "n1" can only create mirror pods' },
  { name: 'rejects a mirror pod bound to another node', request: { verb: 'create', ...core('pods'), namespace: 'default', object: mirrorPod({ spec: { nodeName: 'n2' } }) }, reason: 'node "n1" can only create pods with spec.nodeName set to itself' },
  { name: 'rejects a mirror pod owned by another node', request: { verb: 'create', ...core('pods'), namespace: 'default', object: mirrorPod({ owner: { name: 'n2' } }) }, reason: 'node "n1" can only create pods with an owner reference set to itself' },
  { name: 'rejects a mirror pod that mounts a secret', request: { verb: 'create', ...core('pods'), namespace: 'default', object: mirrorPod({ spec: { volumes: [{ name: 'v', secret: { secretName: 's' } }] } }) }, reason: 'node "n1" can not create pods that reference secrets' },
  { name: 'rejects a mirror pod that reads a configmap into its environment', request: { verb: 'create', ...core('pods'), namespace: 'default', object: mirrorPod({ spec: { containers: [{ name: 'c', envFrom: [{ configMapRef: { name: 'cm' } }] }] } }) }, reason: 'node "n1" can not create pods that reference configmaps' },
  { name: 'rejects a mirror pod that uses a service account', request: { verb: 'create', ...core('pods'), namespace: 'default', object: mirrorPod({ spec: { serviceAccountName: 'admin' } }) }, reason: 'node "n1" can not create pods that reference a service account' },
  { name: 'allows evicting a pod bound to the node', request: { verb: 'create', ...core('pods', 'eviction'), namespace: 'default', name: 'web', oldObject: pod('n1') }, reason: undefined },
  { name: 'rejects evicting a pod bound to another node', request: { verb: 'create', ...core('pods', 'eviction'), namespace: 'default', name: 'web', oldObject: pod('n2') }, reason: 'node n1 can only evict pods with spec.nodeName set to itself' },
  { name: 'rejects other pod subresources', request: { verb: 'create', ...core('pods', 'binding'), namespace: 'default', name: 'web' }, reason: `unexpected pod subresource "binding", only 'status' and 'eviction' are allowed` },
  { name: 'leaves reads of any pod to RBAC', request: { verb: 'get', ...core('pods'), namespace: 'default', name: 'web' }, reason: undefined },
  // Nodes
  { name: 'allows a node to register itself', request: { verb: 'create', ...core('nodes'), object: nodeObject('n1', { labels: { 'kubernetes.io/hostname': 'n1', 'node.kubernetes.io/instance-type': 'skiff' } }) }, reason: undefined },
  { name: 'rejects registering another node', request: { verb: 'create', ...core('nodes'), object: nodeObject('n2') }, reason: 'node "n1" is not allowed to modify node "n2"' },
  { name: 'rejects a node updating another Node', request: { verb: 'patch', ...core('nodes', 'status'), name: 'n2', object: nodeObject('n2'), oldObject: nodeObject('n2') }, reason: 'node "n1" is not allowed to modify node "n2"' },
  { name: 'allows a node to update its own status', request: { verb: 'update', ...core('nodes', 'status'), name: 'n1', object: nodeObject('n1'), oldObject: nodeObject('n1') }, reason: undefined },
  { name: 'rejects a node deleting another Node', request: { verb: 'delete', ...core('nodes'), name: 'n2' }, reason: 'node "n1" is not allowed to modify node "n2"' },
  { name: 'rejects a node removing its own taints', request: { verb: 'update', ...core('nodes'), name: 'n1', object: nodeObject('n1'), oldObject: nodeObject('n1', { taints: [{ key: 'k', effect: 'NoSchedule' }] }) }, reason: 'node "n1" is not allowed to modify taints' },
  { name: 'rejects a node setting a node-restriction label', request: { verb: 'update', ...core('nodes'), name: 'n1', object: nodeObject('n1', { labels: { 'node-restriction.kubernetes.io/pci': 'yes' } }), oldObject: nodeObject('n1') }, reason: 'is not allowed to modify labels: node-restriction.kubernetes.io/pci' },
  { name: 'rejects a node registering with a control-plane role label', request: { verb: 'create', ...core('nodes'), object: nodeObject('n1', { labels: { 'node-role.kubernetes.io/control-plane': 'true' } }) }, reason: 'node "n1" is not allowed to set the following labels: node-role.kubernetes.io/control-plane' },
  // Leases
  { name: 'allows a node to renew its own lease', request: { verb: 'update', group: 'coordination.k8s.io', resource: 'leases', namespace: 'kube-node-lease', name: 'n1' }, reason: undefined },
  { name: 'allows a node to create its own lease', request: { verb: 'create', group: 'coordination.k8s.io', resource: 'leases', namespace: 'kube-node-lease', object: { metadata: { name: 'n1' } } }, reason: undefined },
  { name: 'rejects a node touching another node lease', request: { verb: 'update', group: 'coordination.k8s.io', resource: 'leases', namespace: 'kube-node-lease', name: 'n2' }, reason: 'can only access node lease with the same name as the requesting node' },
  { name: 'rejects leases outside kube-node-lease', request: { verb: 'update', group: 'coordination.k8s.io', resource: 'leases', namespace: 'kube-system', name: 'n1' }, reason: 'can only access leases in the "kube-node-lease" system namespace' },
  // Other identities and resources
  { name: 'does not restrict users that are not nodes', request: { user: { username: 'alice', groups: [] }, verb: 'delete', ...core('nodes'), name: 'n2' }, reason: undefined },
  { name: 'needs the system:nodes group to treat a user as a node', request: { user: { username: 'system:node:n1', groups: [] }, verb: 'delete', ...core('nodes'), name: 'n2' }, reason: undefined },
  { name: 'rejects a node user without a node name', request: { user: { username: 'system:node:', groups: ['system:nodes'] }, verb: 'delete', ...core('nodes'), name: 'n2' }, reason: 'could not determine node from user "system:node:"' },
  { name: 'leaves events to RBAC', request: { verb: 'create', ...core('events'), namespace: 'default', object: { metadata: { name: 'e' } } }, reason: undefined },
];

describe('checkNodeRestriction()', () => {
  for (const { name, request, reason } of cases) {
    it(name, () => {
      expect(checkNodeRestriction({ user: node1, ...request })).toBe(reason);
    });
  }
});
