/**
 * Time-travel snapshots (services/api/asOf/snapshots.ts) give exactly what a full fold gives: over a real log
 * (two compounds; units, a motion with ballots and its decision, the funds with a release through settlement),
 * random sequences of cut points (positions and instants), folded through one shelf of random cell size and
 * budget, each equal to the fold from the start without snapshots: every document where it is filed, the
 * deadlines, the cut and its counters. The shelf stays within its budget.
 *
 * snap16: the same through snapshots persisted in a table (services/api/asOf/snapshotTable.ts), with restarts
 * at random between the cuts (a new shelf, the table closed and opened again on the same file): what a fold
 * from a persisted snapshot gives is what the full fold gives; a table of another fingerprint serves nothing.
 */
import fc from 'fast-check';
import t from 'tap';
import { compoundAsOf, type AsOf, type CompoundAsOf } from '../../services/api/asOf/compoundAsOf.js';
import { SnapshotShelf } from '../../services/api/asOf/snapshots.js';
import { foldFingerprint, openSnapshotTable, type SnapshotTable } from '../../services/api/asOf/snapshotTable.js';
import { join } from 'node:path';
import { DeadlineFold } from '../../services/platform/deadlineFold.js';
import { allProjections } from '../../services/contexts.js';
import { seedExport } from '../support/exportSeed.js';

const json = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
const shape = (v: CompoundAsOf) => ({ position: v.position, recordedAt: v.recordedAt, events: v.events, at: v.at.toISOString(), docs: v.docs.entries(), deadlines: v.deadlines });

t.test('a fold from a snapshot equals the fold from the start, at random cut points', async (t) => {
  const { api, compoundId, otherCompoundId } = await seedExport(t);
  const store = api.runtime.deps.store;
  const sources = api.runtime.deps.platform.deadlineSources;
  const log = await store.readAll({});
  const head = log.at(-1)!.position;
  t.ok(log.length > 20, `a log of ${log.length} events`);
  const instants = [...new Set(log.map((e) => e.metadata.recordedAt))];

  const full = new Map<string, ReturnType<typeof shape>>();
  const key = (compound: string, asOf: AsOf) => `${compound}|${asOf.kind === 'position' ? asOf.position : asOf.at.toISOString()}`;
  const fromStart = async (compound: string, asOf: AsOf) => {
    const k = key(compound, asOf);
    if (!full.has(k)) full.set(k, shape(await compoundAsOf(store, allProjections, compound, asOf, sources)));
    return full.get(k)!;
  };

  const cut = fc.oneof(
    fc.bigInt({ min: 0n, max: head }).map((position): AsOf => ({ kind: 'position', position })),
    fc.constantFrom(...instants).map((iso): AsOf => ({ kind: 'instant', at: new Date(iso) })),
  );
  let compared = 0;
  let fromSnapshot = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 5, max: 400 }),
      fc.array(fc.tuple(fc.constantFrom(compoundId, otherCompoundId), cut), { minLength: 1, maxLength: 12 }),
      async (every, maxDocs, cuts) => {
        const shelf = new SnapshotShelf({ every, maxDocs });
        for (const [compound, asOf] of cuts) {
          if (shelf.before(compound, asOf)) fromSnapshot += 1;
          const got = shape(await compoundAsOf(store, allProjections, compound, asOf, sources, shelf));
          const want = await fromStart(compound, asOf);
          if (json(got) !== json(want)) {
            t.same(got, want, `${key(compound, asOf)} with cells of ${every}`);
            return false;
          }
          compared += 1;
          if (shelf.size > maxDocs) return false;
        }
        return true;
      },
    ),
    { numRuns: 60 },
  );
  t.ok(compared > 100, `${compared} cuts compared`);
  t.ok(fromSnapshot > 20, `${fromSnapshot} of them folded from a snapshot`);
});

t.test('snap16: a fold from a persisted snapshot equals the fold from the start, across restarts', async (t) => {
  const { api, compoundId, otherCompoundId } = await seedExport(t);
  const store = api.runtime.deps.store;
  const sources = api.runtime.deps.platform.deadlineSources;
  const log = await store.readAll({});
  const head = log.at(-1)!.position;
  const instants = [...new Set(log.map((e) => e.metadata.recordedAt))];
  const fingerprint = foldFingerprint(allProjections, sources);
  const full = new Map<string, string>();
  const key = (compound: string, asOf: AsOf) => `${compound}|${asOf.kind === 'position' ? asOf.position : asOf.at.toISOString()}`;
  const fromStart = async (compound: string, asOf: AsOf) => {
    const k = key(compound, asOf);
    if (!full.has(k)) full.set(k, json(shape(await compoundAsOf(store, allProjections, compound, asOf, sources))));
    return full.get(k)!;
  };
  const cut = fc.oneof(
    fc.bigInt({ min: 0n, max: head }).map((position): AsOf => ({ kind: 'position', position })),
    fc.constantFrom(...instants).map((iso): AsOf => ({ kind: 'instant', at: new Date(iso) })),
  );
  let run = 0;
  let compared = 0;
  let loaded = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 4 }),
      fc.array(fc.tuple(fc.constantFrom(compoundId, otherCompoundId), cut, fc.boolean()), { minLength: 1, maxLength: 10 }),
      async (every, perCompound, cuts) => {
        const file = join(api.dataDir, `snapshots-${run++}.db`);
        let table: SnapshotTable = openSnapshotTable(file, fingerprint, { every, perCompound });
        let shelf = new SnapshotShelf({ every, maxDocs: 1_000_000 }, table);
        try {
          for (const [compound, asOf, restart] of cuts) {
            if (restart) {
              await shelf.settled();
              table.close();
              table = openSnapshotTable(file, fingerprint, { every, perCompound });
              shelf = new SnapshotShelf({ every, maxDocs: 1_000_000 }, table);
              if (table.positions(compound).length > 0 && (await table.load(store, compound, asOf, 0n, sources))) loaded += 1;
            }
            const got = json(shape(await compoundAsOf(store, allProjections, compound, asOf, sources, shelf)));
            const want = await fromStart(compound, asOf);
            if (got !== want) {
              t.same(JSON.parse(got), JSON.parse(want), `${key(compound, asOf)} with cells of ${every}`);
              return false;
            }
            compared += 1;
            await shelf.settled();
            if (table.positions(compound).length > perCompound) return false;
          }
          return true;
        } finally {
          await shelf.settled();
          table.close();
        }
      },
    ),
    { numRuns: 40 },
  );
  t.ok(compared > 80, `${compared} cuts compared`);
  t.ok(loaded > 10, `${loaded} restarts found a persisted snapshot before the cut`);

  // Another fingerprint (a projection's version changed): the rows are dropped, nothing is served.
  const file = join(api.dataDir, 'snapshots-versions.db');
  const before = openSnapshotTable(file, fingerprint, { every: 5, perCompound: 12 });
  const shelf = new SnapshotShelf({ every: 5, maxDocs: 1_000_000 }, before);
  await compoundAsOf(store, allProjections, compoundId, { kind: 'position', position: head }, sources, shelf);
  await shelf.settled();
  t.ok(before.positions(compoundId).length > 0, 'snapshots persisted');
  before.close();
  const bumped = allProjections.map((p, i) => (i === 0 ? { name: p.name, version: p.version + 1 } : p));
  const after = openSnapshotTable(file, foldFingerprint(bumped, sources), { every: 5, perCompound: 12 });
  t.same(after.positions(compoundId), [], 'a changed projection version: none served');
  after.close();
  const again = openSnapshotTable(file, fingerprint, { every: 5, perCompound: 12 });
  t.same(again.positions(compoundId), [], 'and the old rows are gone from disk');
  // A row folded from another log (a restore, another EventStoreDB): its event is not the one at its position.
  const at = log[Math.floor(log.length / 2)]!;
  const view = await compoundAsOf(store, allProjections, compoundId, { kind: 'position', position: at.position }, sources);
  const state = { docs: view.docs.seal(), deadlines: new DeadlineFold(sources), position: view.position, cutAt: at.metadata.recordedAt, events: view.events, recordedAt: view.recordedAt };
  const previous = log[log.indexOf(at) - 1]!.position;
  t.ok(await again.save(compoundId, state, { hash: `not-${at.hash}`, after: previous }), 'a row naming another event saved');
  t.same(again.positions(compoundId), [at.position]);
  t.equal(await again.load(store, compoundId, { kind: 'position', position: head }, 0n, sources), undefined, 'not served');
  t.same(again.positions(compoundId), [], 'and dropped');
  again.close();
});
