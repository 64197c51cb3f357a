import type { ResourceType } from '../../client/index.ts';

/** The resource types controllers read and write, named once. */
const core = (resource: string, namespaced = true): ResourceType => ({ group: '', version: 'v1', resource, namespaced });
const apps = (resource: string): ResourceType => ({ group: 'apps', version: 'v1', resource, namespaced: true });

export const resources = {
  pods: core('pods'),
  nodes: core('nodes', false),
  namespaces: core('namespaces', false),
  services: core('services'),
  endpoints: core('endpoints'),
  events: core('events'),
  configMaps: core('configmaps'),
  secrets: core('secrets'),
  serviceAccounts: core('serviceaccounts'),
  persistentVolumeClaims: core('persistentvolumeclaims'),
  replicationControllers: core('replicationcontrollers'),
  deployments: apps('deployments'),
  replicaSets: apps('replicasets'),
  statefulSets: apps('statefulsets'),
  daemonSets: apps('daemonsets'),
  controllerRevisions: apps('controllerrevisions'),
  jobs: { group: 'batch', version: 'v1', resource: 'jobs', namespaced: true },
  cronJobs: { group: 'batch', version: 'v1', resource: 'cronjobs', namespaced: true },
  endpointSlices: { group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', namespaced: true },
  leases: { group: 'coordination.k8s.io', version: 'v1', resource: 'leases', namespaced: true },
  priorityClasses: { group: 'scheduling.k8s.io', version: 'v1', resource: 'priorityclasses', namespaced: false },
  podDisruptionBudgets: { group: 'policy', version: 'v1', resource: 'poddisruptionbudgets', namespaced: true },
  certificateSigningRequests: { group: 'certificates.k8s.io', version: 'v1', resource: 'certificatesigningrequests', namespaced: false },
} satisfies Record<string, ResourceType>;
