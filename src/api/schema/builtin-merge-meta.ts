/**
 * How the lists and maps of built-in types merge, as upstream declares it on the Go types
 * (`patchStrategy`/`patchMergeKey` tags, `+listType`/`+listMapKey`/`+mapType` markers) and
 * publishes in api/openapi-spec as x-kubernetes-patch-strategy, x-kubernetes-patch-merge-key,
 * x-kubernetes-list-type, x-kubernetes-list-map-keys and x-kubernetes-map-type.
 *
 * The npm packages the generator reads drop these extensions, so they live here by hand,
 * keyed by upstream definition name and property. Lists not named here are atomic for
 * server-side apply and replaced by strategic merge patch, which is upstream's default too.
 */
export interface FieldMergeMeta {
  patchStrategy?: 'merge' | 'retainKeys' | 'merge,retainKeys';
  patchMergeKey?: string;
  listType?: 'atomic' | 'set' | 'map';
  listMapKeys?: string[];
  mapType?: 'atomic' | 'granular';
}

/** A list merged by key both by strategic merge patch and server-side apply. */
function keyed(key: string, mapKeys: string[] = [key], strategy: FieldMergeMeta['patchStrategy'] = 'merge'): FieldMergeMeta {
  return { patchStrategy: strategy, patchMergeKey: key, listType: 'map', listMapKeys: mapKeys };
}
const atomic: FieldMergeMeta = { listType: 'atomic' };
const atomicMap: FieldMergeMeta = { mapType: 'atomic' };
const set: FieldMergeMeta = { patchStrategy: 'merge', listType: 'set' };
const conditions = keyed('type');

const core = 'io.k8s.api.core.v1';
const meta = 'io.k8s.apimachinery.pkg.apis.meta.v1';

/** Container and EphemeralContainer share their list fields. */
const containerLists: Record<string, FieldMergeMeta> = {
  ports: keyed('containerPort', ['containerPort', 'protocol']),
  env: keyed('name'),
  envFrom: atomic,
  volumeMounts: keyed('mountPath'),
  volumeDevices: keyed('devicePath'),
  command: atomic,
  args: atomic,
  resizePolicy: atomic,
  restartPolicyRules: atomic,
};

const podSpecLists: Record<string, FieldMergeMeta> = {
  containers: keyed('name'),
  initContainers: keyed('name'),
  ephemeralContainers: keyed('name'),
  volumes: keyed('name', ['name'], 'merge,retainKeys'),
  imagePullSecrets: keyed('name'),
  hostAliases: keyed('ip'),
  tolerations: atomic,
  readinessGates: atomic,
  topologySpreadConstraints: keyed('topologyKey', ['topologyKey', 'whenUnsatisfiable']),
  resourceClaims: keyed('name', ['name'], 'merge,retainKeys'),
  schedulingGates: keyed('name'),
  nodeSelector: atomicMap,
};

export const builtinMergeMeta: Record<string, Record<string, FieldMergeMeta>> = {
  [`${meta}.ObjectMeta`]: { finalizers: set, ownerReferences: keyed('uid'), managedFields: atomic },
  [`${meta}.LabelSelector`]: { matchExpressions: atomic },
  [`${meta}.LabelSelectorRequirement`]: { values: atomic },

  [`${core}.PodSpec`]: podSpecLists,
  [`${core}.Container`]: containerLists,
  [`${core}.EphemeralContainer`]: containerLists,
  [`${core}.PodStatus`]: {
    conditions,
    podIPs: keyed('ip'),
    hostIPs: { patchStrategy: 'merge', patchMergeKey: 'ip', listType: 'atomic' },
    containerStatuses: atomic,
    initContainerStatuses: atomic,
    ephemeralContainerStatuses: atomic,
    resourceClaimStatuses: keyed('name', ['name'], 'merge,retainKeys'),
  },
  [`${core}.PodSecurityContext`]: { supplementalGroups: atomic, sysctls: atomic },
  [`${core}.Capabilities`]: { add: atomic, drop: atomic },
  [`${core}.PodDNSConfig`]: { nameservers: atomic, options: atomic, searches: atomic },
  [`${core}.NodeSelector`]: { nodeSelectorTerms: atomic },
  [`${core}.NodeSelectorTerm`]: { matchExpressions: atomic, matchFields: atomic },
  [`${core}.NodeSelectorRequirement`]: { values: atomic },
  [`${core}.NodeAffinity`]: { preferredDuringSchedulingIgnoredDuringExecution: atomic },
  [`${core}.PodAffinity`]: { requiredDuringSchedulingIgnoredDuringExecution: atomic, preferredDuringSchedulingIgnoredDuringExecution: atomic },
  [`${core}.PodAntiAffinity`]: { requiredDuringSchedulingIgnoredDuringExecution: atomic, preferredDuringSchedulingIgnoredDuringExecution: atomic },
  [`${core}.PodAffinityTerm`]: { namespaces: atomic, matchLabelKeys: atomic, mismatchLabelKeys: atomic },
  [`${core}.TopologySpreadConstraint`]: { matchLabelKeys: atomic },
  [`${core}.ConfigMapVolumeSource`]: { items: atomic },
  [`${core}.SecretVolumeSource`]: { items: atomic },
  [`${core}.ProjectedVolumeSource`]: { sources: atomic },
  [`${core}.DownwardAPIVolumeSource`]: { items: atomic },
  [`${core}.ExecAction`]: { command: atomic },
  [`${core}.HTTPGetAction`]: { httpHeaders: atomic },

  [`${core}.ServiceSpec`]: {
    ports: keyed('port', ['port', 'protocol']),
    selector: atomicMap,
    clusterIPs: atomic,
    externalIPs: atomic,
    ipFamilies: atomic,
    loadBalancerSourceRanges: atomic,
  },
  [`${core}.ServiceStatus`]: { conditions },
  [`${core}.LoadBalancerStatus`]: { ingress: atomic },
  [`${core}.LoadBalancerIngress`]: { ports: atomic },
  [`${core}.NodeSpec`]: { taints: atomic, podCIDRs: set },
  [`${core}.NodeStatus`]: {
    conditions,
    addresses: conditions,
    images: atomic,
    volumesInUse: atomic,
    volumesAttached: atomic,
  },
  [`${core}.NamespaceSpec`]: { finalizers: atomic },
  [`${core}.NamespaceStatus`]: { conditions },
  [`${core}.PersistentVolumeClaimSpec`]: { accessModes: atomic },
  [`${core}.PersistentVolumeClaimStatus`]: { conditions, accessModes: atomic },
  [`${core}.PersistentVolumeSpec`]: { accessModes: atomic, mountOptions: atomic },
  [`${core}.EndpointSubset`]: { addresses: atomic, notReadyAddresses: atomic, ports: atomic },
  [`${core}.Endpoints`]: { subsets: atomic },
  [`${core}.ServiceAccount`]: { secrets: keyed('name'), imagePullSecrets: atomic },
  [`${core}.LimitRangeSpec`]: { limits: atomic },

  'io.k8s.api.apps.v1.DeploymentSpec': { strategy: { patchStrategy: 'retainKeys' } },
  'io.k8s.api.apps.v1.DeploymentStatus': { conditions },
  'io.k8s.api.apps.v1.ReplicaSetStatus': { conditions },
  'io.k8s.api.apps.v1.StatefulSetSpec': { volumeClaimTemplates: atomic },
  'io.k8s.api.apps.v1.StatefulSetStatus': { conditions },
  'io.k8s.api.apps.v1.DaemonSetStatus': { conditions },
  'io.k8s.api.batch.v1.JobStatus': { conditions: { patchStrategy: 'merge', patchMergeKey: 'type', listType: 'atomic' } },
  'io.k8s.api.batch.v1.CronJobStatus': { active: atomic },
  'io.k8s.api.policy.v1.PodDisruptionBudgetStatus': { conditions },
  'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec': { metrics: atomic },
  'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerStatus': { conditions, currentMetrics: atomic },
  'io.k8s.api.discovery.v1.EndpointSlice': { endpoints: atomic, ports: atomic },
  'io.k8s.api.discovery.v1.Endpoint': { addresses: set },
  'io.k8s.api.networking.v1.NetworkPolicySpec': { ingress: atomic, egress: atomic, policyTypes: atomic },
  'io.k8s.api.networking.v1.IngressSpec': { rules: atomic, tls: atomic },
  'io.k8s.api.rbac.v1.Role': { rules: atomic },
  'io.k8s.api.rbac.v1.ClusterRole': { rules: atomic },
  'io.k8s.api.rbac.v1.RoleBinding': { subjects: atomic },
  'io.k8s.api.rbac.v1.ClusterRoleBinding': { subjects: atomic },
  'io.k8s.api.rbac.v1.PolicyRule': { apiGroups: atomic, resources: atomic, verbs: atomic, resourceNames: atomic, nonResourceURLs: atomic },
  'io.k8s.api.admissionregistration.v1.MutatingWebhookConfiguration': { webhooks: keyed('name') },
  'io.k8s.api.admissionregistration.v1.ValidatingWebhookConfiguration': { webhooks: keyed('name') },
  'io.k8s.api.storage.v1.StorageClass': { mountOptions: atomic, allowedTopologies: atomic },
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionSpec': { versions: atomic },
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionStatus': { conditions },
  'io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceStatus': { conditions },
};
