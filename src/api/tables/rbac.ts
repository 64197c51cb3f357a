/**
 * RBAC bindings: NAME ROLE AGE, wide USERS GROUPS SERVICEACCOUNTS. Roles and cluster roles have
 * no printer upstream and use the default one (NAME CREATED AT).
 */
import type { TablePrinter } from '../resources/types.ts';
import { asArray, asString, field, nameOf } from './cell-format.ts';
import { ageColumn, column, described, nameColumn, type FieldDocKey } from './columns.ts';
import { ageSince } from './human-duration.ts';

function bindingPrinter(kind: 'roleBinding' | 'clusterRoleBinding'): TablePrinter {
  const roleDoc: FieldDocKey = kind === 'roleBinding' ? 'RoleBinding.roleRef' : 'ClusterRoleBinding.roleRef';
  return {
    columns: [
      nameColumn,
      column('Role', 'string', roleDoc),
      ageColumn,
      column('Users', 'string', described(`Users in the ${kind}`), 1),
      column('Groups', 'string', described(`Groups in the ${kind}`), 1),
      column('ServiceAccounts', 'string', described(`ServiceAccounts in the ${kind}`), 1),
    ],
    cells(obj, now) {
      const subjects = asArray(field(obj, 'subjects'));
      const of = (k: string) => subjects.filter((s) => s.kind === k);
      return [
        nameOf(obj),
        `${asString(field(obj, 'roleRef', 'kind'))}/${asString(field(obj, 'roleRef', 'name'))}`,
        ageSince(obj.metadata.creationTimestamp, now),
        of('User').map((s) => asString(s.name)).join(', '),
        of('Group').map((s) => asString(s.name)).join(', '),
        of('ServiceAccount').map((s) => `${asString(s.namespace)}/${asString(s.name)}`).join(', '),
      ];
    },
  };
}

export const roleBindingPrinter = bindingPrinter('roleBinding');
export const clusterRoleBindingPrinter = bindingPrinter('clusterRoleBinding');
