/**
 * The personal-data key store (`DATA_DIR/personal-keys.db`): one AES-256 key per person and compound, outside
 * the log, so that destroying it forgets what the log holds sealed under it (PIPL Art. 47) while the log stays
 * intact. A key is made the first time a person's data is sealed in a compound, and again after an erasure
 * (new data, new key).
 *
 * Durability: SQLite with `synchronous=FULL` and a rollback journal (`journal_mode=DELETE`): a key is on disk
 * before the event sealed under it is appended, and a destruction before the erasure's answer. `secure_delete`
 * overwrites a destroyed key's bytes in the file; the journal holding the old page is deleted at commit. The
 * erasures themselves are events (`personal-data-erasures`): `reconcile` replays them at start, so a key store
 * restored from an older backup forgets again what was erased since.
 */
import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface PersonKey {
  readonly kid: string;
  readonly key: Buffer;
}

export interface KeyStore {
  /** The live key of each person in the compound, made (durably, in one transaction) where there is none. */
  keysFor(compoundId: string, personIds: readonly string[]): Map<string, PersonKey>;
  /** A key by id: the key, `destroyed`, or `unknown` (never made here). */
  key(kid: string): Buffer | 'destroyed' | 'unknown';
  /** Ids of the person's keys in the compound not yet destroyed. */
  liveKeyIds(compoundId: string, personId: string): string[];
  /** When the person's data in the compound was last erased (null: never). */
  erasedAt(compoundId: string, personId: string): string | null;
  /** Destroys the keys listed and records the erasure, in one durable transaction; doing it again changes nothing. */
  destroy(compoundId: string, personId: string, kids: readonly string[], at: string): void;
  close(): void;
}

export function openKeyStore(file: string): KeyStore {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.exec(`
    CREATE TABLE IF NOT EXISTS person_keys (
      kid TEXT PRIMARY KEY,
      compound_id TEXT NOT NULL,
      person_id TEXT NOT NULL,
      key BLOB,
      created_at TEXT NOT NULL,
      destroyed_at TEXT
    );
    CREATE INDEX IF NOT EXISTS person_keys_by_person ON person_keys (compound_id, person_id);
    CREATE TABLE IF NOT EXISTS erasures (
      compound_id TEXT NOT NULL,
      person_id TEXT NOT NULL,
      erased_at TEXT NOT NULL,
      PRIMARY KEY (compound_id, person_id)
    );
  `);
  const liveKey = db.prepare<[string, string], { kid: string; key: Buffer }>(
    'SELECT kid, key FROM person_keys WHERE compound_id = ? AND person_id = ? AND key IS NOT NULL ORDER BY created_at DESC, kid LIMIT 1',
  );
  const liveIds = db.prepare<[string, string], { kid: string }>('SELECT kid FROM person_keys WHERE compound_id = ? AND person_id = ? AND key IS NOT NULL ORDER BY kid');
  const insertKey = db.prepare('INSERT INTO person_keys (kid, compound_id, person_id, key, created_at) VALUES (?, ?, ?, ?, ?)');
  const byId = db.prepare<[string], { key: Buffer | null }>('SELECT key FROM person_keys WHERE kid = ?');
  const destroyKey = db.prepare('UPDATE person_keys SET key = NULL, destroyed_at = ? WHERE kid = ? AND compound_id = ? AND person_id = ? AND key IS NOT NULL');
  const noteErasure = db.prepare(
    'INSERT INTO erasures (compound_id, person_id, erased_at) VALUES (?, ?, ?) ON CONFLICT (compound_id, person_id) DO UPDATE SET erased_at = max(erased_at, excluded.erased_at)',
  );
  const erasure = db.prepare<[string, string], { erased_at: string }>('SELECT erased_at FROM erasures WHERE compound_id = ? AND person_id = ?');

  // Keys read once stay in memory; a destroyed one is zeroed and dropped from here at once (then read as destroyed).
  const cache = new Map<string, Buffer | 'destroyed'>();

  const makeKeys = db.transaction((compoundId: string, personIds: readonly string[]) => {
    const out = new Map<string, PersonKey>();
    const now = new Date().toISOString();
    for (const personId of personIds) {
      if (out.has(personId)) continue;
      const row = liveKey.get(compoundId, personId);
      if (row) {
        out.set(personId, { kid: row.kid, key: row.key });
        continue;
      }
      const kid = randomUUID();
      const key = randomBytes(32);
      insertKey.run(kid, compoundId, personId, key, now);
      out.set(personId, { kid, key });
    }
    return out;
  });

  const destroyTx = db.transaction((compoundId: string, personId: string, kids: readonly string[], at: string) => {
    for (const kid of kids) destroyKey.run(at, kid, compoundId, personId);
    noteErasure.run(compoundId, personId, at);
  });

  return {
    keysFor(compoundId, personIds) {
      const keys = makeKeys(compoundId, personIds);
      for (const { kid, key } of keys.values()) if (!cache.has(kid)) cache.set(kid, key);
      return keys;
    },
    key(kid) {
      const cached = cache.get(kid);
      if (cached !== undefined) return cached;
      const row = byId.get(kid);
      if (!row) return 'unknown';
      const value = row.key ?? 'destroyed';
      cache.set(kid, value);
      return value;
    },
    liveKeyIds: (compoundId, personId) => liveIds.all(compoundId, personId).map((r) => r.kid),
    erasedAt: (compoundId, personId) => erasure.get(compoundId, personId)?.erased_at ?? null,
    destroy(compoundId, personId, kids, at) {
      destroyTx(compoundId, personId, kids, at);
      for (const kid of kids) {
        const cached = cache.get(kid);
        if (cached instanceof Buffer && byId.get(kid)?.key == null) cached.fill(0);
        cache.delete(kid);
      }
    },
    close: () => db.close(),
  };
}
