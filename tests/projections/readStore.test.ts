/**
 * The read database's indexes (#18): every query on docs is answered through an index (never a scan of the
 * table or a sort of its rows), and no index is kept that none of them uses (each one costs every document
 * write, and the end of a bulk rebuild).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import t from 'tap';
import { encodeBatch, openReadStore, readWriter } from '../../services/projections/readStore.js';

/** The queries on docs, as readStore.ts and ops/viewCheck.ts run them, with sample arguments. */
const QUERIES: [string, unknown[]][] = [
  ['SELECT doc FROM docs WHERE collection = ? AND id = ?', ['c', 'i']],
  [`SELECT doc FROM docs WHERE collection = ? AND parent = ? AND coalesce(sort_key, id) > ?
     ORDER BY coalesce(sort_key, id) LIMIT ?`, ['c', 'p', '', 10]],
  ['SELECT count(*) AS n FROM docs WHERE collection = ? AND parent = ?', ['c', 'p']],
  ['SELECT doc FROM docs WHERE collection = ? ORDER BY id', ['projection-failures']],
  ['DELETE FROM docs WHERE collection = ? AND id = ?', ['c', 'i']],
  ['DELETE FROM docs WHERE projection = ?', ['assembly']],
  ['SELECT collection, id, parent, sort_key, doc, projection FROM docs ORDER BY collection, id', []],
];

const squash = (sql: string) => sql.replace(/\s+/g, ' ').trim();

t.test('QUERIES is the list the code runs: every filtered or ordered statement on docs in readStore.ts and viewCheck.ts is in it', async (t) => {
  const listed = new Set(QUERIES.map(([sql]) => squash(sql)));
  for (const file of ['services/projections/readStore.ts', 'services/ops/viewCheck.ts']) {
    const source = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
    const statements = [...source.matchAll(/['`]((?:SELECT|DELETE)[^'`]*\bFROM docs\b[^'`]*)['`]/g)].map((m) => squash(m[1]!)).filter((sql) => /\b(WHERE|ORDER BY)\b/.test(sql));
    t.ok(statements.length > 0, `${file} has statements on docs`);
    for (const sql of statements) t.ok(listed.has(sql), `${file}: ${sql}`);
  }
});

const indexes = (db: Database.Database) =>
  db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'docs' AND name NOT LIKE 'sqlite_%' ORDER BY name").all().map((r) => r.name);

t.test('every query on docs goes through an index, and every secondary index serves one', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cg-read-indexes-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'read.db');
  const store = openReadStore(file);
  const changes = Array.from({ length: 200 }, (_, i) => ({ op: 'put' as const, collection: `c${i % 4}`, id: `i${i}`, parent: `p${i % 7}`, sortKey: i % 3 ? String(i).padStart(6, '0') : undefined, doc: { i }, projection: `proj${i % 2}` }));
  store.commit(changes, [], new Map(), 0n);
  await store.close();
  const db = new Database(file);
  db.exec('ANALYZE');
  const used = new Set<string>();
  for (const [sql, args] of QUERIES) {
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args).map((r) => (r as { detail: string }).detail);
    t.notOk(plan.some((d) => /^SCAN docs$|TEMP B-TREE/.test(d)), `${sql.split('\n')[0]}: ${plan.join(' | ')}`);
    for (const d of plan) for (const m of d.matchAll(/INDEX (\w+)/g)) used.add(m[1]!);
  }
  for (const name of indexes(db)) t.ok(used.has(name), `${name} serves a query`);
  db.close();
});

t.test('a read database from before keeps its documents and loses the index no query used', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cg-read-indexes-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'read.db');
  const store = openReadStore(file);
  store.commit([{ op: 'put', collection: 'c', id: 'i', parent: 'p', doc: { n: 1 }, projection: 'x' }], [], new Map(), 0n);
  await store.close();
  const old = new Database(file);
  old.exec('CREATE INDEX IF NOT EXISTS docs_parent ON docs(collection, parent, sort_key)');
  old.close();
  const reopened = openReadStore(file);
  t.same(reopened.get('c', 'i'), { n: 1 }, 'the document is still there (no rebuild)');
  await reopened.close();
  const db = new Database(file);
  t.same(indexes(db), ['docs_parent_order', 'docs_projection']);
  db.close();
});

t.test('a bulk rebuild writes with the indexes in place (#18: none to build while every thread waits at its end)', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cg-read-bulk-indexes-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'read.db');
  const store = openReadStore(file);
  const db = new Database(file);
  t.teardown(async () => {
    db.close();
    await store.close();
  });
  db.exec('CREATE INDEX IF NOT EXISTS docs_parent ON docs(collection, parent, sort_key)');
  const writer = readWriter(db);
  writer.beginBulk();
  t.same(indexes(db), ['docs_parent_order', 'docs_projection'], 'kept while it writes (the unused docs_parent goes)');
  db.exec('BEGIN');
  writer.apply(encodeBatch([{ op: 'put', collection: 'c', id: 'i', parent: 'p', sortKey: 's', doc: { n: 1 }, projection: 'x' }], [], new Map([['x', 1n]]), 1n));
  db.exec('COMMIT');
  writer.endBulk();
  t.same(indexes(db), ['docs_parent_order', 'docs_projection']);
  t.same(db.prepare("SELECT count(*) AS n FROM docs INDEXED BY docs_parent_order WHERE collection = 'c' AND parent = 'p'").get(), { n: 1 }, 'holding what was written');
  t.equal(db.prepare("SELECT value FROM meta WHERE key = 'rebuilding'").get(), undefined, 'no longer marked');
});
