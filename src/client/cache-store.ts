import { objectKey, type KubeObject } from './object.ts';

/** The values an object is indexed under (client-go's IndexFunc). */
export type IndexFunc<T> = (obj: T) => string[];

/** The name of the index every store has: objects by namespace (client-go's NamespaceIndex). */
export const NAMESPACE_INDEX = 'namespace';

/** What readers of an informer's cache see: controllers read, only the informer writes. */
export interface CacheReader<T> {
  get(key: string): T | undefined;
  list(): T[];
  keys(): string[];
  byIndex(index: string, value: string): T[];
}

/**
 * An informer's cache: objects by `namespace/name` key, with indexes kept current on every
 * write (client-go's threadSafeMap with Indexers). Objects are shared with every reader:
 * copy before changing one (STYLE.md's controller shape).
 */
export class CacheStore<T extends KubeObject> implements CacheReader<T> {
  private readonly items = new Map<string, T>();
  private readonly indexers = new Map<string, IndexFunc<T>>();
  private readonly indices = new Map<string, Map<string, Set<string>>>();

  constructor() {
    this.addIndexer(NAMESPACE_INDEX, (obj) => [obj.metadata.namespace ?? '']);
  }

  /** Adds an index; objects already cached are indexed at once. */
  addIndexer(name: string, fn: IndexFunc<T>): void {
    if (this.indexers.has(name)) throw new Error(`indexer "${name}" already exists`);
    this.indexers.set(name, fn);
    this.indices.set(name, new Map());
    for (const [key, obj] of this.items) this.index(name, fn, key, obj, 1);
  }

  get(key: string): T | undefined {
    return this.items.get(key);
  }

  list(): T[] {
    return [...this.items.values()];
  }

  keys(): string[] {
    return [...this.items.keys()];
  }

  get size(): number {
    return this.items.size;
  }

  byIndex(index: string, value: string): T[] {
    const entries = this.indices.get(index);
    if (!entries) throw new Error(`no indexer "${index}"`);
    return [...(entries.get(value) ?? [])].map((key) => this.items.get(key)!);
  }

  /** Stores `obj`, answering the object it replaced. */
  put(obj: T): T | undefined {
    const key = objectKey(obj);
    const old = this.items.get(key);
    if (old) this.reindex(key, old, -1);
    this.items.set(key, obj);
    this.reindex(key, obj, 1);
    return old;
  }

  /** Removes the object at `key`, answering it. */
  remove(key: string): T | undefined {
    const old = this.items.get(key);
    if (!old) return undefined;
    this.reindex(key, old, -1);
    this.items.delete(key);
    return old;
  }

  private reindex(key: string, obj: T, direction: 1 | -1): void {
    for (const [name, fn] of this.indexers) this.index(name, fn, key, obj, direction);
  }

  private index(name: string, fn: IndexFunc<T>, key: string, obj: T, direction: 1 | -1): void {
    const entries = this.indices.get(name)!;
    for (const value of new Set(fn(obj))) {
      let keys = entries.get(value);
      if (direction === 1) {
        if (!keys) entries.set(value, (keys = new Set()));
        keys.add(key);
      } else if (keys) {
        keys.delete(key);
        if (keys.size === 0) entries.delete(value);
      }
    }
  }
}
