import { errors } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import type { ResourceInfo, TablePrinter } from '../resources/types.ts';
import { qualifiedName } from '../resources/registry.ts';
import { builtinPrinters, defaultPrinter } from '../tables/builtin-printers.ts';
import { toTable, negotiateOutput, partialObjectMetadata, type OutputNegotiation } from '../tables/table.ts';

export type Rendering = 'json' | 'Table' | 'PartialObjectMetadata' | 'PartialObjectMetadataList';

export interface Negotiated {
  as: Rendering;
  /** meta.k8s.io version of Table / PartialObjectMetadata answers. */
  version: 'v1' | 'v1beta1';
  yaml: boolean;
}

/** What the client asked for in Accept, as kube-apiserver negotiates it; nothing servable is a 406. */
export function negotiate(accept: string | null): Negotiated {
  const n: OutputNegotiation | undefined = negotiateOutput(accept);
  if (!n) {
    throw errors.notAcceptable('only the following media types are accepted: application/json, application/yaml, application/json;as=Table;v=v1;g=meta.k8s.io');
  }
  return { as: n.as ?? 'json', version: n.version ?? 'v1', yaml: n.mediaType === 'application/yaml' };
}

export function printerFor(info: ResourceInfo): TablePrinter {
  return info.printer ?? builtinPrinters[qualifiedName(info)] ?? defaultPrinter;
}

/** A list (or a single object) as a meta.k8s.io Table. */
export function renderTable(opts: {
  info: ResourceInfo;
  items: KubeObject[];
  now: Date;
  includeObject: string | null;
  resourceVersion: string;
  version: 'v1' | 'v1beta1';
  continueToken?: string;
  remainingItemCount?: number;
}): Record<string, unknown> {
  return toTable({
    printer: printerFor(opts.info),
    items: opts.items,
    now: opts.now,
    includeObject: opts.includeObject ?? undefined,
    resourceVersion: opts.resourceVersion,
    continue: opts.continueToken,
    remainingItemCount: opts.remainingItemCount,
    version: opts.version,
  }) as unknown as Record<string, unknown>;
}

/** PartialObjectMetadata of one object (metadata-only informers, the garbage collector). */
export function partialMetadata(obj: KubeObject, version: 'v1' | 'v1beta1'): Record<string, unknown> {
  return partialObjectMetadata(obj.metadata, `meta.k8s.io/${version}`);
}
