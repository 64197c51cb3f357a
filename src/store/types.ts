/**
 * The revision log: the only seam between Skiff and its datastore (as kine's Backend).
 *
 * Every write is one transaction and receives the next global revision. Revisions are
 * strictly increasing and never reused, across restarts too. Values are opaque strings
 * (JSON of an API object, without its resourceVersion: the revision is the resourceVersion).
 *
 * Implementations: LibsqlRevisionLog (src/store/libsql/) and MemoryRevisionLog (unit tests).
 * Both pass the same contract suite (src/store/contract.ts).
 */
export interface KeyValue {
  key: string;
  value: string;
  /** Revision of the write that produced this value (the object's resourceVersion). */
  modRevision: number;
  /** Revision at which the key was created (kept across updates). */
  createRevision: number;
}

export type WatchEventType = 'create' | 'update' | 'delete';

export interface StoreEvent {
  type: WatchEventType;
  /** For delete: the value before deletion, with modRevision = the delete's revision. */
  kv: KeyValue;
  /** The value before this write (update and delete). */
  prev?: KeyValue;
  revision: number;
}

/** Thrown by create when the key exists. */
export class KeyExistsError extends Error {
  constructor(readonly key: string) {
    super(`key ${key} already exists`);
    this.name = 'KeyExistsError';
  }
}

/** Thrown by update/delete when the key is absent. */
export class KeyNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`key ${key} not found`);
    this.name = 'KeyNotFoundError';
  }
}

/** Thrown by update/delete when the expected revision is not the current one. */
export class RevisionConflictError extends Error {
  constructor(readonly key: string, readonly expected: number, readonly actual: number) {
    super(`key ${key}: expected revision ${expected}, found ${actual}`);
    this.name = 'RevisionConflictError';
  }
}

/** Thrown by watch/history when the requested revision was compacted. */
export class CompactedError extends Error {
  constructor(readonly requested: number, readonly compacted: number) {
    super(`revision ${requested} has been compacted (oldest retained: ${compacted + 1})`);
    this.name = 'CompactedError';
  }
}

export interface ListResult {
  items: KeyValue[];
  /** The store revision the list was read at. */
  revision: number;
}

export interface RevisionLog {
  /** Opens the datastore (creates schema, recovers the revision counter). Resolves when ready. */
  start(): Promise<void>;
  close(): Promise<void>;

  /** The newest revision written (0 for an empty store). */
  currentRevision(): number;
  /** Everything at or below this revision was compacted away (0 if never). */
  compactedRevision(): number;

  get(key: string): Promise<KeyValue | undefined>;
  /** Current values of every live key starting with prefix, ordered by key. */
  list(prefix: string): Promise<ListResult>;

  /** Creates key; throws KeyExistsError if it exists. */
  create(key: string, value: string): Promise<KeyValue>;
  /**
   * Replaces key's value if its current modRevision equals expectedRevision
   * (throws KeyNotFoundError / RevisionConflictError otherwise).
   */
  update(key: string, value: string, expectedRevision: number): Promise<KeyValue>;
  /** Deletes key (optionally only at expectedRevision); returns the deleted value. */
  delete(key: string, expectedRevision?: number): Promise<KeyValue>;

  /**
   * Events with revision > afterRevision for keys under prefix, in revision order,
   * read from history. Throws CompactedError if afterRevision < compactedRevision().
   */
  history(prefix: string, afterRevision: number): Promise<StoreEvent[]>;

  /**
   * Live subscription: called synchronously, in revision order, after each write commits
   * (before the write's promise resolves). Returns an unsubscribe function.
   */
  subscribe(listener: (event: StoreEvent) => void): () => void;

  /** Removes superseded history at or below revision, in bounded batches. */
  compact(revision: number): Promise<void>;
}
