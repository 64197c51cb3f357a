import { errors } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import type { ResourceInfo, TablePrinter } from '../resources/types.ts';
import { qualifiedName } from '../resources/registry.ts';
import { builtinPrinters, defaultPrinter } from '../tables/index.ts';
import { toTable, negotiateAs } from '../tables/table.ts';

export type Rendering = 'json' | 'Table' | 'PartialObjectMetadata' | 'PartialObjectMetadataList';

/** What the client asked for in Accept, as kube-apiserver negotiates it; unsupported-only Accepts are 406. */
export function renderingFor(accept: string | null): Rendering {
  if (!accept) return 'json';
  const as = negotiateAs(accept);
  if (as === 'protobuf-only') {
    throw errors.notAcceptable('only the following media types are accepted: application/json, application/yaml, application/json;as=Table;v=v1;g=meta.k8s.io');
  }
  if (as === 'yaml') return 'json';
  return as as Rendering;
}

export function printerFor(info: ResourceInfo): TablePrinter {
  return info.printer ?? builtinPrinters[qualifiedName(info)] ?? defaultPrinter;
}

/** A list (or a single object) as a meta.k8s.io/v1 Table. */
export function renderTable(opts: {
  info: ResourceInfo;
  items: KubeObject[];
  now: Date;
  includeObject: string | null;
  resourceVersion: string;
  continueToken?: string;
  remainingItemCount?: number;
}): Record<string, unknown> {
  const include = opts.includeObject === 'None' || opts.includeObject === 'Object' ? opts.includeObject : 'Metadata';
  return toTable({
    printer: printerFor(opts.info),
    items: opts.items,
    now: opts.now,
    includeObject: include,
    resourceVersion: opts.resourceVersion,
    continue: opts.continueToken,
    remainingItemCount: opts.remainingItemCount,
  }) as unknown as Record<string, unknown>;
}

/** PartialObjectMetadata of one object (metadata-only informers, the garbage collector). */
export function partialMetadata(obj: KubeObject): Record<string, unknown> {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}
