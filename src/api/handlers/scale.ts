import { errors } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import { objectKey } from '../storage/keys.ts';
import type { ApiDeps, ApiRequest } from './deps.ts';
import { decodeRequestBody } from './decode.ts';
import { parseWriteOptions } from './write-options.ts';
import { updateObject } from './update.ts';
import { applyPatch } from '../patch/index.ts';
import type { WriteResult } from './create.ts';

/**
 * The scale subresource (autoscaling/v1 Scale), as upstream serves it for Deployments,
 * ReplicaSets, StatefulSets, ReplicationControllers and custom resources that declare it.
 */
export async function handleScale(deps: ApiDeps, req: ApiRequest): Promise<WriteResult> {
  const info = req.resource;
  const paths = info.scale;
  if (!paths) throw errors.noResource();
  const key = objectKey(info, req.info.namespace, req.info.name);
  const current = deps.cache.get(key);
  if (!current) throw errors.notFound(info.resource, info.group, req.info.name);
  const scale = toScale(current.obj, paths);
  if (req.info.verb === 'get') return { status: 200, body: scale, warnings: [] };
  if (req.info.verb !== 'update' && req.info.verb !== 'patch') throw errors.methodNotAllowed('the server does not allow this method on the requested resource');
  const opts = parseWriteOptions(req.query, req.info.verb === 'patch' ? 'PatchOptions' : 'UpdateOptions');
  let wanted: KubeObject;
  if (req.info.verb === 'update') {
    wanted = decodeRequestBody(req) as KubeObject;
  } else {
    let patch: unknown;
    try {
      patch = JSON.parse(req.body ?? '');
    } catch (err) {
      throw errors.badRequest(`error decoding patch: ${(err as Error).message}`);
    }
    // Scale is a built-in kind, so strategic merge patches apply to it (with its own schema).
    wanted = applyPatch({ contentType: req.contentType.split(';')[0].trim(), doc: structuredClone(scale), patch, schema: deps.schemas('autoscaling', 'v1', 'Scale') }) as KubeObject;
  }
  const replicas = (wanted.spec as { replicas?: unknown } | undefined)?.replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    throw errors.invalid('Scale', 'autoscaling', req.info.name, [
      { reason: 'FieldValueInvalid', field: 'spec.replicas', message: `Invalid value: ${JSON.stringify(replicas ?? null)}: must be greater than or equal to 0` },
    ]);
  }
  const rv = wanted.metadata?.resourceVersion;
  const next = structuredClone(current.obj);
  setPath(next, paths.specReplicasPath, replicas);
  if (rv) next.metadata.resourceVersion = rv;
  // The scale write is an update of the parent's spec, so it goes through the main update path.
  const scaleReq: ApiRequest = { ...req, info: { ...req.info, subresource: '' } };
  const out = await updateObject({ deps, req: scaleReq, obj: next, old: current, opts, warnings: [] });
  const written = typeof out === 'string' ? (JSON.parse(out) as KubeObject) : out;
  return { status: 200, body: toScale(written, paths), warnings: [] };
}

function toScale(obj: KubeObject, paths: NonNullable<ApiRequest['resource']['scale']>): Record<string, unknown> {
  const m = obj.metadata;
  const spec = obj.spec as { selector?: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } } | undefined;
  const selectorFromPath = paths.labelSelectorPath ? getPath(obj, paths.labelSelectorPath) : undefined;
  const selector = typeof selectorFromPath === 'string' ? selectorFromPath : formatSelector(spec?.selector);
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: getPath(obj, paths.specReplicasPath) ?? 0 },
    status: { replicas: getPath(obj, paths.statusReplicasPath) ?? 0, selector },
  };
}

/** metav1.FormatLabelSelector. */
function formatSelector(sel: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } | undefined): string {
  if (!sel) return '';
  const parts = Object.keys(sel.matchLabels ?? {})
    .sort()
    .map((k) => `${k}=${sel.matchLabels![k]}`);
  for (const e of sel.matchExpressions ?? []) {
    const op = e.operator.toLowerCase();
    if (op === 'in' || op === 'notin') parts.push(`${e.key} ${op} (${(e.values ?? []).join(',')})`);
    else if (op === 'exists') parts.push(e.key);
    else parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.replace(/^\./, '').split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.replace(/^\./, '').split('.');
  let cur = obj;
  for (const part of parts.slice(0, -1)) {
    if (cur[part] === null || typeof cur[part] !== 'object') cur[part] = {};
    cur = cur[part] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]] = value;
}
