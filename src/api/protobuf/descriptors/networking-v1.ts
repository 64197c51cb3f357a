import type { MessageTable } from './types.ts';

/** Protobuf descriptors of networking/v1 messages: field numbers as k8s.io/api networking/v1 generated.proto, JSON names and zero rules as the Go types. */
export const networkingV1Messages: MessageTable = {
  'networking.v1.HTTPIngressPath': [
    { no: 1, json: 'path', kind: 'string' },
    { no: 2, json: 'backend', kind: 'message:networking.v1.IngressBackend' },
    { no: 3, json: 'pathType', kind: 'string', keepZero: true },
  ],
  'networking.v1.HTTPIngressRuleValue': [
    { no: 1, json: 'paths', kind: 'message:networking.v1.HTTPIngressPath', repeated: true },
  ],
  'networking.v1.IPBlock': [
    { no: 1, json: 'cidr', kind: 'string', keepZero: true },
    { no: 2, json: 'except', kind: 'string', repeated: true },
  ],
  'networking.v1.Ingress': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'spec', kind: 'message:networking.v1.IngressSpec' },
    { no: 3, json: 'status', kind: 'message:networking.v1.IngressStatus' },
  ],
  'networking.v1.IngressBackend': [
    { no: 3, json: 'resource', kind: 'message:core.v1.TypedLocalObjectReference' },
    { no: 4, json: 'service', kind: 'message:networking.v1.IngressServiceBackend' },
  ],
  'networking.v1.IngressClass': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'spec', kind: 'message:networking.v1.IngressClassSpec' },
  ],
  'networking.v1.IngressClassParametersReference': [
    { no: 1, json: 'apiGroup', kind: 'string', keepZero: true },
    { no: 2, json: 'kind', kind: 'string', keepZero: true },
    { no: 3, json: 'name', kind: 'string', keepZero: true },
    { no: 4, json: 'scope', kind: 'string', keepZero: true },
    { no: 5, json: 'namespace', kind: 'string', keepZero: true },
  ],
  'networking.v1.IngressClassSpec': [
    { no: 1, json: 'controller', kind: 'string' },
    { no: 2, json: 'parameters', kind: 'message:networking.v1.IngressClassParametersReference' },
  ],
  'networking.v1.IngressLoadBalancerIngress': [
    { no: 1, json: 'ip', kind: 'string' },
    { no: 2, json: 'hostname', kind: 'string' },
    { no: 4, json: 'ports', kind: 'message:networking.v1.IngressPortStatus', repeated: true },
  ],
  'networking.v1.IngressLoadBalancerStatus': [
    { no: 1, json: 'ingress', kind: 'message:networking.v1.IngressLoadBalancerIngress', repeated: true },
  ],
  'networking.v1.IngressPortStatus': [
    { no: 1, json: 'port', kind: 'int32', keepZero: true },
    { no: 2, json: 'protocol', kind: 'string', keepZero: true },
    { no: 3, json: 'error', kind: 'string', keepZero: true },
  ],
  'networking.v1.IngressRule': [
    { no: 1, json: 'host', kind: 'string' },
    { no: 2, json: 'ingressRuleValue', kind: 'message:networking.v1.IngressRuleValue', inline: true },
  ],
  'networking.v1.IngressRuleValue': [
    { no: 1, json: 'http', kind: 'message:networking.v1.HTTPIngressRuleValue' },
  ],
  'networking.v1.IngressServiceBackend': [
    { no: 1, json: 'name', kind: 'string', keepZero: true },
    { no: 2, json: 'port', kind: 'message:networking.v1.ServiceBackendPort' },
  ],
  'networking.v1.IngressSpec': [
    { no: 1, json: 'defaultBackend', kind: 'message:networking.v1.IngressBackend' },
    { no: 2, json: 'tls', kind: 'message:networking.v1.IngressTLS', repeated: true },
    { no: 3, json: 'rules', kind: 'message:networking.v1.IngressRule', repeated: true },
    { no: 4, json: 'ingressClassName', kind: 'string', keepZero: true },
  ],
  'networking.v1.IngressStatus': [
    { no: 1, json: 'loadBalancer', kind: 'message:networking.v1.IngressLoadBalancerStatus' },
  ],
  'networking.v1.IngressTLS': [
    { no: 1, json: 'hosts', kind: 'string', repeated: true },
    { no: 2, json: 'secretName', kind: 'string' },
  ],
  'networking.v1.NetworkPolicy': [
    { no: 1, json: 'metadata', kind: 'message:meta.v1.ObjectMeta' },
    { no: 2, json: 'spec', kind: 'message:networking.v1.NetworkPolicySpec' },
  ],
  'networking.v1.NetworkPolicyEgressRule': [
    { no: 1, json: 'ports', kind: 'message:networking.v1.NetworkPolicyPort', repeated: true },
    { no: 2, json: 'to', kind: 'message:networking.v1.NetworkPolicyPeer', repeated: true },
  ],
  'networking.v1.NetworkPolicyIngressRule': [
    { no: 1, json: 'ports', kind: 'message:networking.v1.NetworkPolicyPort', repeated: true },
    { no: 2, json: 'from', kind: 'message:networking.v1.NetworkPolicyPeer', repeated: true },
  ],
  'networking.v1.NetworkPolicyPeer': [
    { no: 1, json: 'podSelector', kind: 'message:meta.v1.LabelSelector' },
    { no: 2, json: 'namespaceSelector', kind: 'message:meta.v1.LabelSelector' },
    { no: 3, json: 'ipBlock', kind: 'message:networking.v1.IPBlock' },
  ],
  'networking.v1.NetworkPolicyPort': [
    { no: 1, json: 'protocol', kind: 'string', keepZero: true },
    { no: 2, json: 'port', kind: 'message:intstr.IntOrString' },
    { no: 3, json: 'endPort', kind: 'int32', keepZero: true },
  ],
  'networking.v1.NetworkPolicySpec': [
    { no: 1, json: 'podSelector', kind: 'message:meta.v1.LabelSelector' },
    { no: 2, json: 'ingress', kind: 'message:networking.v1.NetworkPolicyIngressRule', repeated: true },
    { no: 3, json: 'egress', kind: 'message:networking.v1.NetworkPolicyEgressRule', repeated: true },
    { no: 4, json: 'policyTypes', kind: 'string', repeated: true },
  ],
  'networking.v1.ServiceBackendPort': [
    { no: 1, json: 'name', kind: 'string' },
    { no: 2, json: 'number', kind: 'int32' },
  ],
};
