/** `kubectl get nodes`: NAME STATUS ROLES AGE VERSION, wide INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME. */
import type { KubeObject } from '../meta/object.ts';
import type { TablePrinter } from '../resources/types.ts';
import { asArray, asString, field, nameOf } from './cell-format.ts';
import { ageColumn, column, described, nameColumn } from './columns.ts';
import { ageSince } from './human-duration.ts';

export const nodePrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Status', 'string', described('The status of the node')),
    column('Roles', 'string', described('The roles of the node')),
    ageColumn,
    column('Version', 'string', 'NodeSystemInfo.kubeletVersion'),
    column('Internal-IP', 'string', 'NodeStatus.addresses', 1),
    column('External-IP', 'string', 'NodeStatus.addresses', 1),
    column('OS-Image', 'string', 'NodeSystemInfo.osImage', 1),
    column('Kernel-Version', 'string', 'NodeSystemInfo.kernelVersion', 1),
    column('Container-Runtime', 'string', 'NodeSystemInfo.containerRuntimeVersion', 1),
  ],
  cells(node, now) {
    const info = (name: string) => asString(field(node, 'status', 'nodeInfo', name));
    const roles = nodeRoles(node);
    return [
      nameOf(node),
      nodeStatus(node),
      roles.length > 0 ? roles.join(',') : '<none>',
      ageSince(node.metadata.creationTimestamp, now),
      info('kubeletVersion'),
      nodeAddress(node, 'InternalIP'),
      nodeAddress(node, 'ExternalIP'),
      info('osImage') || '<unknown>',
      info('kernelVersion') || '<unknown>',
      info('containerRuntimeVersion') || '<unknown>',
    ];
  },
};

/** Ready / NotReady / Unknown from the Ready condition, then SchedulingDisabled when cordoned. */
function nodeStatus(node: KubeObject): string {
  const ready = asArray(field(node, 'status', 'conditions')).filter((c) => c.type === 'Ready').at(-1);
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (field(node, 'spec', 'unschedulable') === true) status.push('SchedulingDisabled');
  return status.join(',');
}

/** findNodeRoles: `node-role.kubernetes.io/<role>` keys and the `kubernetes.io/role` value, sorted and unique. */
function nodeRoles(node: KubeObject): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith('node-role.kubernetes.io/')) {
      const role = key.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (key === 'kubernetes.io/role' && value) {
      roles.add(value);
    }
  }
  return [...roles].sort();
}

function nodeAddress(node: KubeObject, type: string): string {
  return asString(asArray(field(node, 'status', 'addresses')).find((a) => a.type === type)?.address) || '<none>';
}
