import {
  canonicalPathElement,
  comparePathElements,
  describePath,
  PathElementError,
  type PathElement,
} from './path-element.ts';

/**
 * A set of field paths, shaped as upstream's fieldpath.Set: at each level the elements that
 * are members themselves, and the children that have members below them. A path can be
 * both (a list item that is owned and whose fields are owned), which FieldsV1 spells `.`.
 *
 * Invariant: no child set is empty. Inserting the empty path does nothing, as upstream.
 */
export class FieldSet {
  readonly members = new Set<PathElement>();
  readonly children = new Map<PathElement, FieldSet>();

  static of(...paths: Array<readonly PathElement[]>): FieldSet {
    const set = new FieldSet();
    for (const path of paths) set.insert(path);
    return set;
  }

  insert(path: readonly PathElement[]): void {
    if (path.length === 0) return;
    let node: FieldSet = this;
    for (let i = 0; i < path.length - 1; i++) {
      let child = node.children.get(path[i]);
      if (!child) {
        child = new FieldSet();
        node.children.set(path[i], child);
      }
      node = child;
    }
    node.members.add(path[path.length - 1]);
  }

  has(path: readonly PathElement[]): boolean {
    if (path.length === 0) return false;
    let node: FieldSet | undefined = this;
    for (let i = 0; i < path.length - 1 && node; i++) node = node.children.get(path[i]);
    return node !== undefined && node.members.has(path[path.length - 1]);
  }

  isEmpty(): boolean {
    return this.members.size === 0 && this.children.size === 0;
  }

  /** The subset below one element (empty when there is none). */
  withPrefix(element: PathElement): FieldSet {
    return this.children.get(element) ?? new FieldSet();
  }

  union(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const m of this.members) out.members.add(m);
    for (const m of other.members) out.members.add(m);
    for (const [pe, child] of this.children) {
      const theirs = other.children.get(pe);
      out.children.set(pe, theirs ? child.union(theirs) : child.clone());
    }
    for (const [pe, child] of other.children) if (!this.children.has(pe)) out.children.set(pe, child.clone());
    return out;
  }

  intersection(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const m of this.members) if (other.members.has(m)) out.members.add(m);
    for (const [pe, child] of this.children) {
      const theirs = other.children.get(pe);
      if (!theirs) continue;
      const both = child.intersection(theirs);
      if (!both.isEmpty()) out.children.set(pe, both);
    }
    return out;
  }

  /** Exact paths of this set that are not in `other` (children of a removed path stay). */
  difference(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const m of this.members) if (!other.members.has(m)) out.members.add(m);
    for (const [pe, child] of this.children) {
      const theirs = other.children.get(pe);
      const rest = theirs ? child.difference(theirs) : child.clone();
      if (!rest.isEmpty()) out.children.set(pe, rest);
    }
    return out;
  }

  /** Drops every path that equals or lies below a path of `prefixes` (upstream's exclude filter). */
  withoutPrefixes(prefixes: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const m of this.members) if (!prefixes.members.has(m)) out.members.add(m);
    for (const [pe, child] of this.children) {
      if (prefixes.members.has(pe)) continue;
      const theirs = prefixes.children.get(pe);
      const rest = theirs ? child.withoutPrefixes(theirs) : child.clone();
      if (!rest.isEmpty()) out.children.set(pe, rest);
    }
    return out;
  }

  clone(): FieldSet {
    return new FieldSet().union(this);
  }

  equals(other: FieldSet): boolean {
    if (this.members.size !== other.members.size || this.children.size !== other.children.size) return false;
    for (const m of this.members) if (!other.members.has(m)) return false;
    for (const [pe, child] of this.children) {
      const theirs = other.children.get(pe);
      if (!theirs || !child.equals(theirs)) return false;
    }
    return true;
  }

  /** Every path, in upstream's iteration order: a level's members (sorted), then its children (sorted). */
  paths(prefix: PathElement[] = []): PathElement[][] {
    const out: PathElement[][] = [];
    for (const m of sorted(this.members)) out.push([...prefix, m]);
    for (const pe of sorted(this.children.keys())) out.push(...this.children.get(pe)!.paths([...prefix, pe]));
    return out;
  }

  /** Human-readable paths, as upstream prints them in conflicts (`.spec.replicas`). */
  toString(): string {
    return this.paths().map(describePath).join('\n');
  }

  /** The FieldsV1 wire form, keys in upstream's order. */
  toFieldsV1(): Record<string, unknown> {
    return this.emit(false);
  }

  private emit(includeSelf: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (includeSelf) out['.'] = {};
    const elements = sorted(new Set([...this.members, ...this.children.keys()]));
    for (const pe of elements) {
      const child = this.children.get(pe);
      out[pe] = child ? child.emit(this.members.has(pe)) : {};
    }
    return out;
  }

  /** Reads FieldsV1; throws FieldsV1Error on anything upstream would refuse to decode. */
  static fromFieldsV1(fields: unknown): FieldSet {
    const set = new FieldSet();
    readInto(set, fields, '');
    return set;
  }
}

export class FieldsV1Error extends Error {}

function readInto(set: FieldSet, fields: unknown, where: string): boolean {
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
    throw new FieldsV1Error(`FieldsV1 at ${where || 'the root'} must be a JSON object`);
  }
  let self = false;
  for (const [key, value] of Object.entries(fields as Record<string, unknown>)) {
    if (key === '.') {
      self = true;
      continue;
    }
    let pe: PathElement;
    try {
      pe = canonicalPathElement(key);
    } catch (err) {
      if (err instanceof PathElementError) throw new FieldsV1Error(err.message);
      throw err;
    }
    const child = new FieldSet();
    const childIsMember = readInto(child, value, `${where}${key}/`);
    if (child.isEmpty() || childIsMember) set.members.add(pe);
    if (!child.isEmpty()) {
      const existing = set.children.get(pe);
      set.children.set(pe, existing ? existing.union(child) : child);
    }
  }
  return self;
}

function sorted(elements: Iterable<PathElement>): PathElement[] {
  return [...elements].sort(comparePathElements);
}
