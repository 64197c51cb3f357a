/**
 * The RBAC authorizer, as upstream's (plugin/pkg/auth/authorizer/rbac): visit the
 * rules granted to the user by ClusterRoleBindings, then by RoleBindings of the
 * request's namespace, and allow on the first rule that matches. RBAC never denies:
 * "not allowed" is upstream's NoOpinion, whose reason is empty unless a binding
 * pointed at a role that could not be found.
 */
import type { KubeObject } from '../meta/object.ts';
import type { UserInfo } from './authenticate.ts';
import { effectiveClusterRoleRules, rulesOf } from './rbac-aggregation.ts';
import { ruleAllows, type AuthorizationAttributes, type PolicyRule } from './rbac-rules.ts';

export type { AuthorizationAttributes, PolicyRule } from './rbac-rules.ts';

/** Read access to the RBAC objects; the API server backs it with its watch cache. */
export interface RbacSource {
  clusterRoles(): KubeObject[];
  clusterRoleBindings(): KubeObject[];
  roles(namespace: string): KubeObject[];
  roleBindings(namespace: string): KubeObject[];
}

export interface AuthorizationDecision {
  allowed: boolean;
  /** Upstream-worded, reported in SubjectAccessReview status.reason. */
  reason: string;
}

export interface RbacAuthorizer {
  authorize(user: UserInfo, attributes: AuthorizationAttributes): AuthorizationDecision;
  /** Every rule granting the user something in `namespace` (cluster-wide rules included), for SelfSubjectRulesReview. */
  rulesFor(user: UserInfo, namespace: string): { rules: PolicyRule[]; errors: string[] };
}

/** Members may do anything, as kube-apiserver's privileged-group authorizer placed before RBAC. */
export const PRIVILEGED_GROUP = 'system:masters';

interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

interface RoleRef {
  kind: string;
  name: string;
}

/** Receives each granted rule with a description of where it came from; returns false to stop. */
type RuleVisitor = (source: string, rule: PolicyRule) => boolean;

export function rbacAuthorizer(source: RbacSource): RbacAuthorizer {
  /** Walks the granted rules and returns the errors met on the way (missing roles). */
  function visitRulesFor(user: UserInfo, namespace: string, visit: RuleVisitor): string[] {
    const errors: string[] = [];
    const visitBindings = (bindings: KubeObject[], bindingNamespace: string): boolean => {
      for (const binding of bindings) {
        const subjects = (binding.subjects as Subject[] | undefined) ?? [];
        const subject = subjects.find((candidate) => appliesTo(user, candidate, bindingNamespace));
        if (!subject) continue;
        const roleRef = binding.roleRef as RoleRef;
        const resolved = roleRules(roleRef, bindingNamespace);
        if (typeof resolved === 'string') {
          errors.push(resolved);
          continue;
        }
        const description = describeBinding({ binding, roleRef, subject, bindingNamespace });
        for (const rule of resolved) if (!visit(description, rule)) return false;
      }
      return true;
    };
    if (visitBindings(source.clusterRoleBindings(), '') && namespace) visitBindings(source.roleBindings(namespace), namespace);
    return errors;
  }

  /** The rules a binding's roleRef grants, or upstream's not-found message. */
  function roleRules(roleRef: RoleRef, bindingNamespace: string): PolicyRule[] | string {
    if (roleRef?.kind === 'ClusterRole') {
      const clusterRoles = source.clusterRoles();
      const role = clusterRoles.find((candidate) => candidate.metadata.name === roleRef.name);
      return role ? effectiveClusterRoleRules(role, clusterRoles) : `clusterrole.rbac.authorization.k8s.io ${JSON.stringify(roleRef.name)} not found`;
    }
    if (roleRef?.kind === 'Role') {
      const role = source.roles(bindingNamespace).find((candidate) => candidate.metadata.name === roleRef.name);
      return role ? rulesOf(role) : `role.rbac.authorization.k8s.io ${JSON.stringify(roleRef.name)} not found`;
    }
    return `unsupported role reference kind: ${JSON.stringify(roleRef?.kind ?? '')}`;
  }

  return {
    authorize(user, attributes) {
      if (user.groups.includes(PRIVILEGED_GROUP)) return { allowed: true, reason: '' };
      let allowedBy: string | undefined;
      const errors = visitRulesFor(user, attributes.namespace, (source, rule) => {
        if (!ruleAllows(attributes, rule)) return true;
        allowedBy = source;
        return false;
      });
      if (allowedBy !== undefined) return { allowed: true, reason: `RBAC: allowed by ${allowedBy}` };
      return { allowed: false, reason: errors.length > 0 ? `RBAC: ${aggregateErrors(errors)}` : '' };
    },
    rulesFor(user, namespace) {
      const rules: PolicyRule[] = [];
      const errors = visitRulesFor(user, namespace, (_source, rule) => {
        rules.push(rule);
        return true;
      });
      return { rules, errors };
    },
  };
}

/**
 * Whether a binding subject names this user. A ServiceAccount subject without a
 * namespace means the binding's own namespace, and never matches in a
 * ClusterRoleBinding (upstream's appliesToUser).
 */
function appliesTo(user: UserInfo, subject: Subject, bindingNamespace: string): boolean {
  switch (subject.kind) {
    case 'User':
      return user.username === subject.name;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount': {
      const namespace = subject.namespace || bindingNamespace;
      return namespace !== '' && user.username === `system:serviceaccount:${namespace}:${subject.name}`;
    }
    default:
      return false;
  }
}

/** Upstream's binding describers: `ClusterRoleBinding "x" of ClusterRole "y" to Group "z"`. */
function describeBinding(options: { binding: KubeObject; roleRef: RoleRef; subject: Subject; bindingNamespace: string }): string {
  const { binding, roleRef, subject, bindingNamespace } = options;
  const subjectText =
    subject.kind === 'ServiceAccount'
      ? `${subject.kind} ${JSON.stringify(`${subject.name}/${subject.namespace || bindingNamespace}`)}`
      : `${subject.kind} ${JSON.stringify(subject.name)}`;
  const bindingText = bindingNamespace
    ? `RoleBinding ${JSON.stringify(`${binding.metadata.name}/${bindingNamespace}`)}`
    : `ClusterRoleBinding ${JSON.stringify(binding.metadata.name)}`;
  return `${bindingText} of ${roleRef.kind} ${JSON.stringify(roleRef.name)} to ${subjectText}`;
}

/** As apimachinery's utilerrors.NewAggregate: one error prints alone, several as `[a, b]`. */
function aggregateErrors(errors: string[]): string {
  const unique = [...new Set(errors)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`;
}
