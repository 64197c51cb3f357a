/**
 * Every SQL statement the libSQL revision log runs, kept as data in one place (as kine's
 * generic dialect): the schema is kine's, one row per write.
 *
 * - `id` is the revision. AUTOINCREMENT (not a plain rowid) makes SQLite remember the highest
 *   id ever handed out in sqlite_sequence, so a revision is never reused, even when compaction
 *   deleted the newest rows (a plain rowid would restart at MAX(id) + 1).
 * - `created` rows store create_revision 0; their create revision is their own id.
 * - a delete is a tombstone row (`deleted` = 1) holding the value the key had, as in kine.
 * - `prev_revision` links a write to the row it superseded (0 for a create); history reads the
 *   previous value through it and compaction deletes along it.
 */
export const schemaStatements = [
  `CREATE TABLE IF NOT EXISTS kv (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    created INTEGER NOT NULL,
    deleted INTEGER NOT NULL,
    create_revision INTEGER NOT NULL,
    prev_revision INTEGER NOT NULL,
    value TEXT NOT NULL
  )`,
  // One secondary index only: every extra index is paid on each write. It serves get (latest
  // row of a name), list (latest row per name in a range) and the index rebuild at start.
  `CREATE INDEX IF NOT EXISTS kv_name ON kv (name)`,
  `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)`,
];

/** Only for a local file: a remote libSQL server owns its own journal and sync settings. */
export const filePragmas = (busyTimeoutMs: number): string[] => [
  // WAL + synchronous=NORMAL: a commit is one append to the WAL without an fsync; it survives
  // the process being killed (the OS holds the WAL pages) though not a power cut (as etcd
  // with --unsafe-no-fsync would not), and is about 10x faster than the rollback journal.
  'PRAGMA journal_mode=WAL',
  'PRAGMA synchronous=NORMAL',
  `PRAGMA busy_timeout=${Math.trunc(busyTimeoutMs)}`,
];

export const insertRow =
  'INSERT INTO kv (name, created, deleted, create_revision, prev_revision, value) VALUES (?, ?, ?, ?, ?, ?)';

export const selectValueByRevision = 'SELECT value FROM kv WHERE id = ?';

export const selectLatestRevision = "SELECT seq FROM sqlite_sequence WHERE name = 'kv'";

export const selectCompactedRevision = "SELECT value FROM meta WHERE key = 'compacted_revision'";

export const upsertCompactedRevision =
  "INSERT INTO meta (key, value) VALUES ('compacted_revision', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value";

/** The newest row of every live key: rebuilds the in-memory index at start. */
export const selectLiveIndex = `SELECT kv.name, kv.id, kv.created, kv.create_revision FROM kv
  JOIN (SELECT MAX(id) AS id FROM kv GROUP BY name) AS latest ON kv.id = latest.id
  WHERE kv.deleted = 0`;

const keyValueColumns = 'kv.id, kv.name, kv.created, kv.create_revision, kv.value';

export const selectLatestByName = `SELECT ${keyValueColumns}, kv.deleted FROM kv
  WHERE kv.name = ? ORDER BY kv.id DESC LIMIT 1`;

/** Live keys in [from, to) as of revision (args: from, [to,] revision). */
export const selectListRange = (bounded: boolean): string => `SELECT ${keyValueColumns} FROM kv
  JOIN (SELECT MAX(id) AS id FROM kv WHERE name >= ?${bounded ? ' AND name < ?' : ''} AND id <= ? GROUP BY name)
    AS latest ON kv.id = latest.id
  WHERE kv.deleted = 0 ORDER BY kv.name`;

/**
 * Writes in (after, upTo] for names in [from, to), with the row each superseded
 * (args: after, upTo, from, [to]). `upTo` is the newest revision already handed to
 * subscribers, so history never returns a write whose event has not been delivered yet.
 */
export const selectHistoryRange = (bounded: boolean): string => `SELECT ${keyValueColumns}, kv.deleted,
    p.id AS p_id, p.created AS p_created, p.create_revision AS p_create_revision, p.value AS p_value
  FROM kv LEFT JOIN kv AS p ON p.id = kv.prev_revision AND kv.prev_revision > 0
  WHERE kv.id > ? AND kv.id <= ? AND kv.name >= ?${bounded ? ' AND kv.name < ?' : ''} ORDER BY kv.id`;

/**
 * One bounded compaction step over the writes with revision in (lo, hi] (args: lo, hi each):
 * delete the rows those writes superseded, then the tombstones among them (a deleted key needs
 * no history once its delete is compacted). As kine, a row is only deleted when a write at or
 * below the compacted revision superseded it, so the newest row of a live key always survives
 * and every write above the compacted revision keeps its previous value for history.
 */
export const compactSupersededRows =
  'DELETE FROM kv WHERE id IN (SELECT prev_revision FROM kv WHERE id > ? AND id <= ? AND prev_revision > 0)';
export const compactTombstones = 'DELETE FROM kv WHERE id > ? AND id <= ? AND deleted = 1';
