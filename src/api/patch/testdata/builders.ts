import type { SchemaNode } from '../../schema/merge-meta.ts';
import type { JsonObject } from '../json-value.ts';

/** One strategic merge patch case: the live object, the patch and the expected result. */
export interface SmpCase {
  name: string;
  doc: JsonObject;
  patch: unknown;
  want: JsonObject;
  /** Defaults to the Pod-like schema. */
  schema?: SchemaNode;
}

/** A Pod-like object with the given spec and metadata. */
export const pod = (spec: JsonObject, metadata: JsonObject = { name: 'p' }): JsonObject => ({ metadata, spec });

/** A pod spec holding these containers. */
export const containers = (...list: JsonObject[]): JsonObject => ({ containers: list });
