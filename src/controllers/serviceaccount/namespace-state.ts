import type { KubeObject } from '../../client/index.ts';

/**
 * A namespace that accepts new content: not being deleted. As upstream's serviceaccounts and
 * root-ca-cert-publisher controllers, nothing is created in a Terminating namespace (the API
 * would refuse it anyway, and the namespace controller is emptying it).
 */
export function isNamespaceActive(ns: KubeObject | undefined): ns is KubeObject {
  if (!ns || ns.metadata.deletionTimestamp) return false;
  return (ns.status as { phase?: string } | undefined)?.phase !== 'Terminating';
}
