import { createRequire } from 'node:module';

/** One definition of the generated structural file (see scripts/gen-openapi.ts). */
export interface StructuralSchema {
  type?: string;
  format?: string;
  /** A bare definition name, e.g. `io.k8s.api.core.v1.PodSpec`. */
  $ref?: string;
  items?: StructuralSchema;
  additionalProperties?: StructuralSchema;
  properties?: Record<string, StructuralSchema>;
  required?: string[];
  enum?: string[];
  'x-kubernetes-group-version-kind'?: GroupVersionKind[];
}

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export interface DescriptionFile {
  /** definition -> property -> description; '' is the definition's own description. */
  definitions: Record<string, Record<string, string>>;
  /** query parameter name -> description. */
  parameters: Record<string, string>;
}

// Loaded on first use, never at start-up: the structural file costs a few MiB of heap and
// the descriptions several more, and most servers never serve an OpenAPI document.
// `require` of a JSON file is synchronous (SchemaLookup is synchronous) and understood by
// Node, Bun, Deno and Bun's bundler alike.
const require = createRequire(import.meta.url);
let structural: Record<string, StructuralSchema> | undefined;
let descriptions: DescriptionFile | undefined;

/** The built-in definitions keyed by upstream name, without descriptions. */
export function structuralDefinitions(): Record<string, StructuralSchema> {
  structural ??= (require('./generated/structural.json') as { definitions: Record<string, StructuralSchema> }).definitions;
  return structural;
}

/** Descriptions of definitions, properties and query parameters. */
export function definitionDescriptions(): DescriptionFile {
  descriptions ??= require('./generated/descriptions.json') as DescriptionFile;
  return descriptions;
}
