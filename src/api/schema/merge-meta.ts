/**
 * How lists and maps merge: the metadata strategic merge patch and server-side apply need
 * (upstream carries it as `patchStrategy`/`patchMergeKey` Go tags and the OpenAPI
 * extensions x-kubernetes-patch-strategy, x-kubernetes-patch-merge-key,
 * x-kubernetes-list-type, x-kubernetes-list-map-keys, x-kubernetes-map-type).
 *
 * A `SchemaNode` is a walkable view of one type; `schemaFor(group, version, kind)` gives
 * the root of a kind, or undefined for kinds without a schema (then lists are atomic,
 * as upstream treats unstructured objects).
 */
export interface SchemaNode {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  /** Named properties of an object type. */
  properties?: Record<string, SchemaNode>;
  /** Values of a map type (additionalProperties). */
  additionalProperties?: SchemaNode;
  /** Element type of an array. */
  items?: SchemaNode;
  /** Arrays: 'merge' merges by patchMergeKey (or as a set for primitives); absent = replace. */
  patchStrategy?: 'merge' | 'retainKeys' | 'merge,retainKeys';
  patchMergeKey?: string;
  /** Server-side apply list semantics; absent means atomic. */
  listType?: 'atomic' | 'set' | 'map';
  listMapKeys?: string[];
  mapType?: 'atomic' | 'granular';
  /** Accepts any JSON (x-kubernetes-preserve-unknown-fields, int-or-string, RawExtension). */
  preserveUnknownFields?: boolean;
  intOrString?: boolean;
}

export type SchemaLookup = (group: string, version: string, kind: string) => SchemaNode | undefined;
