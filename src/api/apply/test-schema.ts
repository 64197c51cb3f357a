import type { SchemaNode } from '../schema/merge-meta.ts';

/**
 * A trimmed Deployment schema with the list and map semantics of upstream's OpenAPI,
 * shared by this folder's tests (kept small on purpose; the real one lives in src/api/schema).
 */
const str: SchemaNode = { type: 'string' };
const int: SchemaNode = { type: 'integer' };
const stringMap: SchemaNode = { type: 'object', additionalProperties: str };

const objectMeta: SchemaNode = {
  type: 'object',
  properties: {
    name: str,
    namespace: str,
    uid: str,
    resourceVersion: str,
    generation: int,
    creationTimestamp: str,
    labels: stringMap,
    annotations: stringMap,
    finalizers: { type: 'array', items: str, listType: 'set' },
  },
};

const container: SchemaNode = {
  type: 'object',
  properties: {
    name: str,
    image: str,
    args: { type: 'array', items: str, listType: 'atomic' },
    ports: {
      type: 'array',
      listType: 'map',
      listMapKeys: ['containerPort', 'protocol'],
      items: { type: 'object', properties: { containerPort: int, protocol: str, name: str } },
    },
    resources: { type: 'object', properties: { limits: stringMap, requests: stringMap } },
  },
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
        paused: { type: 'boolean' },
        selector: {
          type: 'object',
          mapType: 'atomic',
          properties: { matchLabels: stringMap },
        },
        strategy: {
          type: 'object',
          properties: { type: str, rollingUpdate: { type: 'object', properties: { maxSurge: { intOrString: true } } } },
        },
        template: {
          type: 'object',
          properties: {
            metadata: objectMeta,
            spec: {
              type: 'object',
              properties: {
                containers: { type: 'array', listType: 'map', listMapKeys: ['name'], items: container },
              },
            },
          },
        },
      },
    },
    status: { type: 'object', properties: { replicas: int } },
  },
};
