import { builtinResources } from './builtin.ts';
import type { ResourceInfo } from './types.ts';

/** `deployments.apps`, `pods`: the name a resource goes by in errors, RBAC and storage keys. */
export function qualifiedName(info: Pick<ResourceInfo, 'resource' | 'group'>): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}

export interface GroupVersions {
  group: string;
  /** Served versions, preferred first. */
  versions: string[];
}

/**
 * Every resource the API serves: the built-ins plus those that CustomResourceDefinitions add
 * at run time. Discovery, OpenAPI and routing read it; listeners learn of changes so that
 * cached documents are recomputed.
 */
export class ResourceRegistry {
  private readonly byGvr = new Map<string, ResourceInfo>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(initial: ResourceInfo[] = builtinResources) {
    for (const info of initial) this.byGvr.set(gvrKey(info.group, info.version, info.resource), info);
  }

  /** Bumped on every change; documents derived from the registry cache against it. */
  get generation(): number {
    return this.version;
  }

  lookup(group: string, version: string, resource: string): ResourceInfo | undefined {
    return this.byGvr.get(gvrKey(group, version, resource));
  }

  byKind(group: string, version: string, kind: string): ResourceInfo | undefined {
    for (const info of this.byGvr.values()) {
      if (info.group === group && info.version === version && info.kind === kind) return info;
    }
    return undefined;
  }

  all(): ResourceInfo[] {
    return [...this.byGvr.values()];
  }

  /** Resources of one group/version, sorted by name as discovery lists them. */
  inGroupVersion(group: string, version: string): ResourceInfo[] {
    return this.all()
      .filter((i) => i.group === group && i.version === version)
      .sort((a, b) => a.resource.localeCompare(b.resource));
  }

  /** Groups with their versions: the core group first, then built-ins in their order, then CRD groups. */
  groups(): GroupVersions[] {
    const out = new Map<string, string[]>();
    for (const info of this.byGvr.values()) {
      const versions = out.get(info.group) ?? [];
      if (!versions.includes(info.version)) versions.push(info.version);
      out.set(info.group, versions);
    }
    return [...out.entries()].map(([group, versions]) => ({ group, versions: sortVersions(versions) }));
  }

  /** Replaces the resources owned by one CRD (identified by its qualified name). */
  setCustom(owner: string, infos: ResourceInfo[]): void {
    for (const [key, info] of this.byGvr) {
      if ((info as CustomInfo).crdOwner === owner) this.byGvr.delete(key);
    }
    for (const info of infos) this.byGvr.set(gvrKey(info.group, info.version, info.resource), { ...info, crdOwner: owner } as CustomInfo);
    this.changed();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}

interface CustomInfo extends ResourceInfo {
  crdOwner: string;
}

function gvrKey(group: string, version: string, resource: string): string {
  return `${group}/${version}/${resource}`;
}

/**
 * Kubernetes version priority (as apimachinery's version.CompareKubeAwareVersionStrings):
 * GA before beta before alpha, higher numbers first, then non-Kubernetes versions by name.
 */
export function sortVersions(versions: string[]): string[] {
  return [...versions].sort(compareKubeVersions);
}

function parseKubeVersion(v: string): { major: number; stage: number; minor: number } | undefined {
  const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
  if (!m) return undefined;
  const stage = m[2] === 'alpha' ? 1 : m[2] === 'beta' ? 2 : 3;
  return { major: Number(m[1]), stage, minor: m[3] ? Number(m[3]) : 0 };
}

export function compareKubeVersions(a: string, b: string): number {
  const pa = parseKubeVersion(a);
  const pb = parseKubeVersion(b);
  if (pa && pb) {
    if (pa.stage !== pb.stage) return pb.stage - pa.stage;
    if (pa.major !== pb.major) return pb.major - pa.major;
    return pb.minor - pa.minor;
  }
  if (pa) return -1;
  if (pb) return 1;
  return a.localeCompare(b);
}
