/**
 * A persistent (copy-on-write) map of units by unit id, so that `evolve` stays pure without copying every
 * unit on every event: the map is split into 64 × 64 leaves by a hash of the unit id, and a change copies
 * only the two small spine arrays and the leaves it touches. A transfer therefore costs O(leaf) rather than
 * O(units), and an import batch of k units costs O(k + touched leaves). Older versions stay valid and
 * unchanged (the state cache and concurrent commands may still hold them).
 */
import type { Unit } from './types.js';

const FANOUT = 64;
type Leaf = ReadonlyMap<string, Unit>;
type Branch = readonly (Leaf | undefined)[];

export interface UnitIndex {
  readonly size: number;
  /** @internal FANOUT branches of FANOUT leaves; undefined where nothing was stored yet. */
  readonly root: readonly (Branch | undefined)[];
}

export const emptyUnitIndex: UnitIndex = Object.freeze({ size: 0, root: Object.freeze(new Array(FANOUT).fill(undefined)) });

/** FNV-1a over UTF-16 code units: cheap, deterministic, good enough to spread unit ids. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function getUnit(index: UnitIndex, unitId: string): Unit | undefined {
  const h = hash(unitId);
  return index.root[h % FANOUT]?.[(h >>> 6) % FANOUT]?.get(unitId);
}

export function hasUnit(index: UnitIndex, unitId: string): boolean {
  return getUnit(index, unitId) !== undefined;
}

/** A new index with these units added or replaced (keyed by `unitId`); `index` itself is left as it was. */
export function withUnits(index: UnitIndex, units: Iterable<Unit>): UnitIndex {
  const root = index.root.slice();
  const copiedBranches = new Set<number>();
  const copiedLeaves = new Map<number, Map<string, Unit>>();
  let size = index.size;
  for (const unit of units) {
    const h = hash(unit.unitId);
    const b = h % FANOUT;
    const l = (h >>> 6) % FANOUT;
    if (!copiedBranches.has(b)) {
      const old = root[b];
      root[b] = old ? old.slice() : new Array<Leaf | undefined>(FANOUT).fill(undefined);
      copiedBranches.add(b);
    }
    const branch = root[b] as (Leaf | undefined)[];
    const key = b * FANOUT + l;
    let leaf = copiedLeaves.get(key);
    if (!leaf) {
      leaf = new Map(branch[l] ?? []);
      copiedLeaves.set(key, leaf);
      branch[l] = leaf;
    }
    if (!leaf.has(unit.unitId)) size++;
    leaf.set(unit.unitId, unit);
  }
  return { size, root };
}

/** Every unit, in no particular order (sort where order matters). */
export function* allUnits(index: UnitIndex): Generator<Unit> {
  for (const branch of index.root) {
    if (!branch) continue;
    for (const leaf of branch) {
      if (leaf) yield* leaf.values();
    }
  }
}
