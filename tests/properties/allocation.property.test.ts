/**
 * Ledger allocations, by property (#17 item 1): charging an amount to sub-accounts pro rata by exclusive area
 * (Civil Code Art. 283), largest remainder to the fen. Against a reference of exact rationals written here:
 * the shares sum to the amount, each is the exact proportion rounded down or up, an extra fen never goes to a
 * unit with a smaller remainder than one left without, and a larger area never gets fewer fen.
 */
import fc from 'fast-check';
import t from 'tap';
import { allocateByArea } from '../../domain/funds/allocation.js';

const SCALE = Number(process.env.PROPERTY_RUNS ?? '1');
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));

const unitsArb = fc
  .array(fc.record({ area: fc.oneof(fc.bigInt({ min: 1n, max: 10_000n }), fc.bigInt({ min: 1n, max: 4_000_000n }), fc.constantFrom(1n, 10_000n, 885_000n)), building: fc.integer({ min: 1, max: 30 }) }), {
    minLength: 1,
    maxLength: 60,
  })
  .map((us) => us.map((u, i) => ({ unitId: `${u.building}-1-${i + 1}`, area: u.area })));
const amountArb = fc.oneof(fc.bigInt({ min: 0n, max: 100n }), fc.bigInt({ min: 0n, max: 10_000_000n }), fc.bigInt({ min: 0n, max: 10n ** 15n }));

t.test('pro-rata shares always sum to the amount, each the exact share rounded down or up, by largest remainder', async (t) => {
  let cases = 0;
  fc.assert(
    fc.property(unitsArb, amountArb, (units, amount) => {
      const shares = allocateByArea(amount, units);
      const total = units.reduce((s, u) => s + u.area, 0n);
      const byId = new Map(units.map((u) => [u.unitId, u.area]));
      if (shares.length !== units.length || new Set(shares.map((s) => s.unitId)).size !== units.length) throw new Error('one share per unit');
      const sum = shares.reduce((s, x) => s + x.fen, 0n);
      if (sum !== amount) throw new Error(`shares sum to ${sum}, not ${amount}`);
      const rows = shares.map((s) => {
        const area = byId.get(s.unitId)!;
        const floor = (amount * area) / total;
        const remainder = amount * area - floor * total; // exact share = floor + remainder / total
        if (s.fen !== floor && s.fen !== floor + 1n) throw new Error(`${s.unitId}: ${s.fen} fen is not the exact share ${floor} + ${remainder}/${total} rounded`);
        if (s.fen === floor + 1n && remainder === 0n) throw new Error(`${s.unitId}: an extra fen on an exact share`);
        return { ...s, area, remainder, extra: s.fen === floor + 1n };
      });
      for (const a of rows) {
        for (const b of rows) {
          if (a.extra && !b.extra && a.remainder < b.remainder) throw new Error(`${a.unitId} got an extra fen before ${b.unitId}, whose remainder is larger`);
          if (a.area > b.area && a.fen < b.fen) throw new Error(`${a.unitId} has more area than ${b.unitId} but fewer fen`);
        }
      }
      cases += 1;
    }),
    { numRuns: runs(20000) },
  );
  t.ok(cases > 0, `${cases} allocations`);
});
