/**
 * The NodeRestriction rule (DESIGN.md §3), as upstream's admission plugin
 * (plugin/pkg/admission/noderestriction): a node identity (`system:node:<name>` in
 * group `system:nodes`) may change only its own Node, its own Lease in
 * kube-node-lease, its own CSINode, and pods bound to it (status, eviction, deletion,
 * mirror pods). A pure check: the caller passes the object being written and the one
 * stored, and turns a returned reason into 403 Forbidden
 * (`<resource> "<name>" is forbidden: <reason>`). Reads are never restricted here.
 */
import type { KubeObject } from '../meta/object.ts';
import type { UserInfo } from './authenticate.ts';
import { mirrorPodViolation } from './node-restriction-mirror-pod.ts';

export interface NodeRestrictionRequest {
  user: UserInfo;
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  /** The object name from the URL; empty on create, where the name is read from `object`. */
  name?: string;
  /** The object being written (create, update, patch after applying the patch). */
  object?: KubeObject;
  /** The stored object (update, patch, delete), or for an eviction the pod being evicted. */
  oldObject?: KubeObject;
}

const NODE_USER_PREFIX = 'system:node:';
const NODES_GROUP = 'system:nodes';
const NODE_LEASE_NAMESPACE = 'kube-node-lease';
/** Subresources opened with CONNECT upstream, which NodeRestriction does not admit; RBAC decides alone. */
const CONNECT_SUBRESOURCES = new Set(['exec', 'attach', 'portforward', 'proxy']);

type Operation = 'CREATE' | 'UPDATE' | 'DELETE';

/** The node a user acts as, as upstream's NodeIdentifier: both the name prefix and the group are required. */
export function nodeNameOf(user: UserInfo): string | undefined {
  if (!user.groups.includes(NODES_GROUP) || !user.username.startsWith(NODE_USER_PREFIX)) return undefined;
  return user.username.slice(NODE_USER_PREFIX.length);
}

/** Undefined when allowed, else the reason the request is forbidden. */
export function checkNodeRestriction(request: NodeRestrictionRequest): string | undefined {
  const nodeName = nodeNameOf(request.user);
  if (nodeName === undefined) return undefined;
  const operation = operationOf(request.verb);
  if (!operation) return undefined;
  if (nodeName === '') return `could not determine node from user ${JSON.stringify(request.user.username)}`;

  const groupResource = `${request.resource}.${request.group}`;
  const subresource = request.subresource ?? '';
  switch (groupResource) {
    case 'pods.':
      if (CONNECT_SUBRESOURCES.has(subresource)) return undefined;
      return checkPod(nodeName, operation, subresource, request);
    case 'nodes.':
      return checkNode(nodeName, operation, request);
    case 'persistentvolumeclaims.':
      return subresource === 'status' ? undefined : 'may only update PVC status';
    case 'leases.coordination.k8s.io':
      return checkLease(nodeName, operation, request);
    case 'csinodes.storage.k8s.io':
      return targetName(operation, request) === nodeName ? undefined : 'can only access CSINode with the same name as the requesting node';
    default:
      return undefined;
  }
}

function operationOf(verb: string): Operation | undefined {
  switch (verb) {
    case 'create':
      return 'CREATE';
    case 'update':
    case 'patch':
      return 'UPDATE';
    case 'delete':
    case 'deletecollection':
      return 'DELETE';
    default:
      return undefined;
  }
}

/** Upstream reads the name from the URL, except on create where it comes from the new object. */
function targetName(operation: Operation, request: NodeRestrictionRequest): string {
  return (operation === 'CREATE' ? request.object?.metadata.name : undefined) || request.name || '';
}

function boundNode(pod: KubeObject | undefined): string | undefined {
  return (pod?.spec as { nodeName?: string } | undefined)?.nodeName;
}

function checkPod(nodeName: string, operation: Operation, subresource: string, request: NodeRestrictionRequest): string | undefined {
  const node = JSON.stringify(nodeName);
  switch (subresource) {
    case '':
      if (operation === 'CREATE') return mirrorPodViolation(nodeName, request.object);
      if (operation === 'DELETE') {
        return boundNode(request.oldObject) === nodeName ? undefined : `node ${node} can only delete pods with spec.nodeName set to itself`;
      }
      return `unexpected operation "${operation}", node ${node} can only create and delete mirror pods`;
    case 'status': {
      if (operation !== 'UPDATE') return `unexpected operation "${operation}"`;
      if (boundNode(request.oldObject) !== nodeName) return `node ${node} can only update pod status for pods with spec.nodeName set to itself`;
      if (!sameLabels(request.oldObject?.metadata.labels, request.object?.metadata.labels)) return `node ${node} cannot update labels through pod status`;
      return undefined;
    }
    case 'eviction':
      if (operation !== 'CREATE') return `unexpected operation ${operation}`;
      return boundNode(request.oldObject) === nodeName ? undefined : `node ${nodeName} can only evict pods with spec.nodeName set to itself`;
    default:
      return `unexpected pod subresource ${JSON.stringify(subresource)}, only 'status' and 'eviction' are allowed`;
  }
}

function checkNode(nodeName: string, operation: Operation, request: NodeRestrictionRequest): string | undefined {
  const requested = targetName(operation, request);
  if (requested !== nodeName) return `node ${JSON.stringify(nodeName)} is not allowed to modify node ${JSON.stringify(requested)}`;
  if (operation === 'CREATE') {
    const forbidden = forbiddenLabels(modifiedLabels(request.object?.metadata.labels, undefined));
    if (forbidden.length > 0) return `node ${JSON.stringify(nodeName)} is not allowed to set the following labels: ${forbidden.join(', ')}`;
  }
  if (operation === 'UPDATE' && request.object && request.oldObject) {
    // A node that could change its taints or restricted labels could steer workloads onto itself.
    const taints = (object: KubeObject) => JSON.stringify((object.spec as { taints?: unknown[] } | undefined)?.taints ?? []);
    if (taints(request.object) !== taints(request.oldObject)) return `node ${JSON.stringify(nodeName)} is not allowed to modify taints`;
    const forbidden = forbiddenLabels(modifiedLabels(request.object.metadata.labels, request.oldObject.metadata.labels));
    if (forbidden.length > 0) return `is not allowed to modify labels: ${forbidden.join(', ')}`;
  }
  return undefined;
}

function checkLease(nodeName: string, operation: Operation, request: NodeRestrictionRequest): string | undefined {
  if (request.namespace !== NODE_LEASE_NAMESPACE) return `can only access leases in the ${JSON.stringify(NODE_LEASE_NAMESPACE)} system namespace`;
  if (targetName(operation, request) !== nodeName) return 'can only access node lease with the same name as the requesting node';
  return undefined;
}

function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  return modifiedLabels(a, b).length === 0;
}

function modifiedLabels(a: Record<string, string> = {}, b: Record<string, string> = {}): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => a[key] !== b[key]).sort();
}

/** Labels the kubelet itself sets (k8s.io/kubelet's IsKubeletLabel). */
const KUBELET_LABELS = new Set([
  'kubernetes.io/hostname',
  'kubernetes.io/os',
  'kubernetes.io/arch',
  'beta.kubernetes.io/os',
  'beta.kubernetes.io/arch',
  'beta.kubernetes.io/instance-type',
  'node.kubernetes.io/instance-type',
  'topology.kubernetes.io/zone',
  'topology.kubernetes.io/region',
  'failure-domain.beta.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/region',
]);
const KUBELET_LABEL_NAMESPACES = ['kubelet.kubernetes.io', 'node.kubernetes.io'];

/**
 * Nodes may not set node-restriction.kubernetes.io labels (reserved for admins to
 * steer workloads) nor kubernetes.io / k8s.io labels other than the kubelet's own.
 */
function forbiddenLabels(keys: string[]): string[] {
  return keys.filter((key) => {
    const namespace = key.includes('/') ? key.slice(0, key.indexOf('/')) : '';
    const inNamespace = (suffix: string) => namespace === suffix || namespace.endsWith(`.${suffix}`);
    if (inNamespace('node-restriction.kubernetes.io')) return true;
    const isKubernetesLabel = inNamespace('kubernetes.io') || inNamespace('k8s.io');
    const isKubeletLabel = KUBELET_LABELS.has(key) || KUBELET_LABEL_NAMESPACES.some(inNamespace);
    return isKubernetesLabel && !isKubeletLabel;
  });
}
