import type { KubeObject } from '../../client/index.ts';

/** The service account every namespace gets (upstream's serviceaccounts controller, ServiceAccounts: [{Name: "default"}]). */
export const DEFAULT_SERVICE_ACCOUNT = 'default';

/** The object created when `namespace` lacks its `default` service account. */
export function defaultServiceAccount(namespace: string): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: DEFAULT_SERVICE_ACCOUNT, namespace } };
}
