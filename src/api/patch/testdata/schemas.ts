import type { SchemaNode } from '../../schema/merge-meta.ts';

/**
 * Hand-built merge metadata for a Pod-like and a Deployment-like kind, a subset of the
 * patchStrategy/patchMergeKey tags of k8s.io/api core/v1 and apps/v1. Test data only.
 */
const str: SchemaNode = { type: 'string' };
const int: SchemaNode = { type: 'integer' };
const stringMap: SchemaNode = { type: 'object', additionalProperties: str };

const objectMeta: SchemaNode = {
  type: 'object',
  properties: {
    name: str,
    labels: stringMap,
    annotations: stringMap,
    finalizers: { type: 'array', items: str, patchStrategy: 'merge' },
    ownerReferences: {
      type: 'array',
      patchStrategy: 'merge',
      patchMergeKey: 'uid',
      items: { type: 'object', properties: { uid: str, name: str, kind: str } },
    },
  },
};

const container: SchemaNode = {
  type: 'object',
  properties: {
    name: str,
    image: str,
    args: { type: 'array', items: str },
    command: { type: 'array', items: str },
    ports: {
      type: 'array',
      patchStrategy: 'merge',
      patchMergeKey: 'containerPort',
      items: { type: 'object', properties: { containerPort: int, protocol: str, name: str } },
    },
    env: {
      type: 'array',
      patchStrategy: 'merge',
      patchMergeKey: 'name',
      items: { type: 'object', properties: { name: str, value: str } },
    },
    volumeMounts: {
      type: 'array',
      patchStrategy: 'merge',
      patchMergeKey: 'mountPath',
      items: { type: 'object', properties: { name: str, mountPath: str, readOnly: { type: 'boolean' } } },
    },
    resources: { type: 'object', properties: { limits: stringMap, requests: stringMap } },
  },
};

const volume: SchemaNode = {
  type: 'object',
  properties: {
    name: str,
    configMap: { type: 'object', properties: { name: str } },
    secret: { type: 'object', properties: { secretName: str } },
    emptyDir: { type: 'object', properties: { medium: str } },
    hostPath: { type: 'object', properties: { path: str } },
  },
};

export const podSpecSchema: SchemaNode = {
  type: 'object',
  properties: {
    containers: { type: 'array', patchStrategy: 'merge', patchMergeKey: 'name', items: container },
    initContainers: { type: 'array', patchStrategy: 'merge', patchMergeKey: 'name', items: container },
    volumes: { type: 'array', patchStrategy: 'merge,retainKeys', patchMergeKey: 'name', items: volume },
    tolerations: { type: 'array', items: { type: 'object', properties: { key: str, operator: str } } },
    nodeSelector: stringMap,
    matrix: { type: 'array', items: { type: 'array', items: str }, patchStrategy: 'merge' },
  },
};

export const podSchema: SchemaNode = {
  type: 'object',
  properties: { apiVersion: str, kind: str, metadata: objectMeta, spec: podSpecSchema },
};

export const deploymentSchema: SchemaNode = {
  type: 'object',
  properties: {
    apiVersion: str,
    kind: str,
    metadata: objectMeta,
    spec: {
      type: 'object',
      properties: {
        replicas: int,
        selector: { type: 'object', properties: { matchLabels: stringMap } },
        strategy: {
          type: 'object',
          patchStrategy: 'retainKeys',
          properties: {
            type: str,
            rollingUpdate: { type: 'object', properties: { maxSurge: { intOrString: true }, maxUnavailable: { intOrString: true } } },
          },
        },
        template: { type: 'object', properties: { metadata: objectMeta, spec: podSpecSchema } },
      },
    },
  },
};
