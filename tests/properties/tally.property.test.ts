/**
 * The count, proved by properties (#17 item 1). Random registries go through the real registry decider and
 * `voterIdentities`; random ballots in every form go through the real motion and ballot deciders and the real
 * assembly projection (tests/support/voteSim.ts), in log order; the tally view is then compared with an
 * independent reference written here from the statutes:
 *
 * - 区分所有权解释 Art. 8: the area axis is the exclusive area as registered, summed exactly;
 * - 区分所有权解释 Art. 9: one head per buyer (the same person or the same co-owner group, in any order, holding
 *   several units is one head); the developer's unsold or undelivered units together are one head;
 * - Civil Code Art. 278 para. 2: participation ≥ 2/3 of all area AND of all heads; items (6)–(8) need
 *   ≥ 3/4 of the participating area AND heads in favour, the others > 1/2; Art. 1259: 以上 includes the number,
 *   过半数 is strictly more.
 *
 * The reference uses BigInt rationals of its own and imports nothing from the engine's tally, threshold,
 * area or registry-grouping code. Boundary properties construct cases exactly at 2/3, 1/2 and 3/4 and one
 * ten-thousandth of a m² (or one head) either side: a planted off-by-one in `meets` fails them.
 *
 * Random mandates: a head may vote through a proxy whose mandate its owner (or RC staff, on written evidence)
 * registered. Runs: PROPERTY_RUNS scales every property (default 1: about a minute for the three property files
 * together on 2 cores; a planted off-by-one in `meets` fails within the first few cases).
 */
import fc from 'fast-check';
import t from 'tap';
import { registryDecider, voterIdentities, type RegistryEvent, type RegistryState, type VoterIdentity } from '../../domain/registry/index.js';
import { isDomainError } from '../../domain/shared/errors.js';
import { staff, testPack, voteSim } from '../support/voteSim.js';

const SCALE = Number(process.env.PROPERTY_RUNS ?? '1');
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));

// ---------------------------------------------------------------------------------------------------------
// The reference: exact rationals and the statute, nothing from the engine.

/** A non-negative rational n/d, d > 0. */
interface Q {
  readonly n: bigint;
  readonly d: bigint;
}
const q = (n: bigint, d: bigint): Q => ({ n, d });
/** -1, 0 or 1 as a < b, a = b, a > b (d > 0 on both sides). */
const cmp = (a: Q, b: Q): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
const TWO_THIRDS = q(2n, 3n);
const HALF = q(1n, 2n);
const THREE_QUARTERS = q(3n, 4n);

/** Ten-thousandths of a m² from a decimal with up to 4 places, written here rather than borrowed. */
function tenThousandths(text: string): bigint {
  const [whole, frac = ''] = text.split('.');
  if (!/^\d+$/.test(whole!) || !/^\d{0,4}$/.test(frac)) throw new Error(`not an area: ${text}`);
  return BigInt(whole!) * 10000n + BigInt(frac.padEnd(4, '0'));
}
function decimal(x: bigint): string {
  const frac = (x % 10000n).toString().padStart(4, '0');
  return `${x / 10000n}.${frac}`;
}

/** Both axes: area in ten-thousandths of a m², heads. */
interface Pair {
  area: bigint;
  heads: bigint;
}
const zero = (): Pair => ({ area: 0n, heads: 0n });
const plus = (a: Pair, b: Pair): Pair => ({ area: a.area + b.area, heads: a.heads + b.heads });
const pairOf = (wire: { area: string; headcount: number }): Pair => ({ area: tenThousandths(wire.area), heads: BigInt(wire.headcount) });

/** Art. 278 para. 2 (六)–(八): 筹集维修资金, 改建重建, 改变共有部分用途 need the special majority. */
const SPECIAL = new Set(['raise_maintenance_fund', 'rebuild', 'change_common_use']);

/** Participation of 2/3 以上 of all area and of all heads. */
const quorumByStatute = (p: Pair, all: Pair): boolean =>
  all.heads > 0n && all.area > 0n && cmp(q(p.area, all.area), TWO_THIRDS) >= 0 && cmp(q(p.heads, all.heads), TWO_THIRDS) >= 0;

/** In favour: > 1/2 (过半数) or ≥ 3/4 (四分之三以上) of the participating area and heads. */
function approvedByStatute(inFavour: Pair, participating: Pair, matter: string): boolean {
  if (participating.area === 0n || participating.heads === 0n) return false;
  const a = q(inFavour.area, participating.area);
  const h = q(inFavour.heads, participating.heads);
  return SPECIAL.has(matter) ? cmp(a, THREE_QUARTERS) >= 0 && cmp(h, THREE_QUARTERS) >= 0 : cmp(a, HALF) > 0 && cmp(h, HALF) > 0;
}

/** A unit as the generator made it. */
interface GenUnit {
  readonly unitId: string;
  readonly building: string;
  readonly area: string;
  /** Person ids in the order listed; empty = developer-held. */
  readonly owners: readonly string[];
}

/** Art. 9 heads: the developer's units one head; each set of buyers (order ignored) one head. */
function headsByStatute(units: readonly GenUnit[]): Map<string, GenUnit[]> {
  const heads = new Map<string, GenUnit[]>();
  for (const u of units) {
    const key = u.owners.length === 0 ? 'developer' : `owners:${[...new Set(u.owners)].sort().join('+')}`;
    heads.set(key, [...(heads.get(key) ?? []), u]);
  }
  return heads;
}
const areaOf = (units: readonly GenUnit[]): bigint => units.reduce((s, u) => s + tenThousandths(u.area), 0n);

// ---------------------------------------------------------------------------------------------------------
// Generators

const PERSONS = Array.from({ length: 12 }, (_, i) => `p${i + 1}`);

/** 2- to 4-decimal areas from 0.01 to 400 m² (and a few large ones), as a registry writes them. */
const areaArb = fc
  .tuple(fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 399 }) }, { weight: 1, arbitrary: fc.integer({ min: 400, max: 20000 }) }), fc.integer({ min: 2, max: 4 }), fc.nat())
  .map(([whole, decimals, digits]) => {
    const frac = (digits % 10 ** decimals).toString().padStart(decimals, '0');
    return `${whole}.${whole === 0 && /^0+$/.test(frac) ? frac.slice(0, -1) + '1' : frac}`;
  });

/** Owner sets: a person alone, or a co-owner group; sets may overlap ({p1} and {p1, p2} are two buyers). */
const ownerSetArb = fc.uniqueArray(fc.constantFrom(...PERSONS), { minLength: 1, maxLength: 3 });

const unitArb = fc.record({
  building: fc.constantFrom('1', '2', '3'),
  area: areaArb,
  holder: fc.oneof({ weight: 1, arbitrary: fc.constant<'developer'>('developer') }, { weight: 6, arbitrary: fc.nat({ max: 19 }) }),
  /** How the co-owners are listed on this unit: a rotation of the set (any order is the same buyer). */
  rotate: fc.nat({ max: 2 }),
});

const registryArb = fc
  .record({ sets: fc.array(ownerSetArb, { minLength: 1, maxLength: 20, size: 'max' }), units: fc.array(unitArb, { minLength: 5, maxLength: 40, size: 'max' }) })
  .map(({ sets, units }) =>
    units.map((u, i): GenUnit => {
      const set = u.holder === 'developer' ? [] : sets[u.holder % sets.length]!;
      const rotated = set.map((_, k) => set[(k + u.rotate) % set.length]!);
      return { unitId: `${u.building}-${i + 1}`, building: u.building, area: u.area, owners: rotated };
    }),
  );

/** The registry state after the real registry decider registered the compound and imported the units. */
function registryOf(units: readonly GenUnit[]): RegistryState {
  let state = registryDecider.initialState();
  const context = { now: new Date('2024-01-02T00:00:00Z'), newId: () => 'c1', actor: { personId: 'p-admin', role: 'admin' } };
  const run = (cmd: Parameters<typeof registryDecider.decide>[0]) => {
    const events = registryDecider.decide(cmd, state, context);
    if (isDomainError(events)) throw new Error(`${cmd.type}: ${events.code} ${events.message} ${JSON.stringify(events.details)}`);
    for (const e of events) state = registryDecider.evolve(state, e as RegistryEvent);
  };
  run({ type: 'RegisterCompound', data: { name: '翠湖花园', address: '文三路 1 号', jurisdiction: 'national' } });
  run({
    type: 'ImportUnits',
    data: {
      units: units.map((u) => ({
        unitId: u.unitId,
        building: u.building,
        area: u.area,
        areaSource: 'registry' as const,
        owners: u.owners.map((p) => ({ personId: p, name: `业主${p}` })),
        ...(u.owners.length === 0 ? { developerHeld: true } : {}),
      })),
    },
  });
  return state;
}

type Mark = 'for' | 'against' | 'abstain';
/**
 * What one head does: nothing, a ballot (through one of its units, by one of its owners), a ballot by a proxy
 * holding a mandate from one of its owners (registered by the owner or, on written evidence, by RC staff), or an
 * invalid paper ballot.
 */
const actionArb = fc.record({
  kind: fc.constantFrom('none', 'vote', 'vote', 'vote', 'proxy', 'invalid'),
  via: fc.nat(),
  /** yes_no choice / choose_one option index (beyond the options = abstain) / elect marks. */
  choice: fc.constantFrom<Mark>('for', 'against', 'abstain'),
  option: fc.nat({ max: 4 }),
  marks: fc.array(fc.constantFrom<Mark | 'unmarked'>('for', 'against', 'abstain', 'unmarked'), { minLength: 5, maxLength: 5 }),
  /** Try a second ballot for the same head (another unit, another co-owner): refused, the first stands. */
  again: fc.boolean(),
});
type Action = { kind: string; via: number; choice: Mark; option: number; marks: (Mark | 'unmarked')[]; again: boolean };

const formArb = fc.oneof(
  fc.record({ form: fc.constant('yes_no' as const), matter: fc.constantFrom('rules_of_procedure', 'management_rules', 'hire_or_dismiss_firm', 'use_maintenance_fund', 'raise_maintenance_fund', 'rebuild', 'change_common_use', 'other_major') }),
  fc.record({ form: fc.constant('choose_one' as const), matter: fc.constantFrom('hire_or_dismiss_firm', 'management_rules', 'rebuild', 'change_common_use', 'other_major'), options: fc.integer({ min: 2, max: 4 }) }),
  fc.record({ form: fc.constant('elect' as const), matter: fc.constant('elect_committee'), candidates: fc.integer({ min: 1, max: 5 }), seats: fc.integer({ min: 1, max: 5 }) }),
);
type FormSpec = { form: 'yes_no'; matter: string } | { form: 'choose_one'; matter: string; options: number } | { form: 'elect'; matter: string; candidates: number; seats: number };

function motionOver(spec: FormSpec): Record<string, unknown> {
  switch (spec.form) {
    case 'yes_no':
      return { matter: spec.matter };
    case 'choose_one':
      return { matter: spec.matter, form: { form: 'choose_one', options: Array.from({ length: spec.options }, (_, i) => ({ optionId: `o${i}`, label: `方案${i}` })) } };
    case 'elect': {
      const seats = Math.min(spec.seats, spec.candidates);
      return { matter: spec.matter, form: { form: 'elect', candidates: Array.from({ length: spec.candidates }, (_, i) => ({ candidateId: `c${i}`, name: `候选人${i}` })), seats } };
    }
  }
}

/** The ballot body an action makes, per form; `null` when the engine must refuse it (too many approvals). */
function ballotBody(spec: FormSpec, a: Action): Record<string, unknown> {
  switch (spec.form) {
    case 'yes_no':
      return { choice: a.choice };
    case 'choose_one':
      return { option: a.option < spec.options ? `o${a.option}` : 'abstain' };
    case 'elect':
      return { candidates: Object.fromEntries(a.marks.slice(0, spec.candidates).flatMap((m, i) => (m === 'unmarked' ? [] : [[`c${i}`, m]]))) };
  }
}

interface Cast {
  readonly head: string;
  readonly units: readonly GenUnit[];
  readonly invalid: boolean;
  readonly body: Record<string, unknown>;
}

/** What the statute and the form's rules say the count is, from the generated units and the ballots that stand. */
function reference(spec: FormSpec, inScope: readonly GenUnit[], heads: Map<string, GenUnit[]>, cast: readonly Cast[]) {
  const all: Pair = { area: areaOf(inScope), heads: BigInt(heads.size) };
  const axesOf = (c: Cast): Pair => ({ area: areaOf(c.units), heads: 1n });
  const participating = cast.reduce((s, c) => plus(s, axesOf(c)), zero());
  const quorum = quorumByStatute(participating, all);
  const sumWhere = (pred: (c: Cast) => boolean) => cast.filter((c) => !c.invalid && pred(c)).reduce((s, c) => plus(s, axesOf(c)), zero());
  const invalid = cast.filter((c) => c.invalid).reduce((s, c) => plus(s, axesOf(c)), zero());
  switch (spec.form) {
    case 'yes_no': {
      const f = sumWhere((c) => c.body.choice === 'for');
      return { all, participating, quorum, invalid, for: f, against: sumWhere((c) => c.body.choice === 'against'), abstain: sumWhere((c) => c.body.choice === 'abstain'), passed: quorum && approvedByStatute(f, participating, spec.matter) };
    }
    case 'choose_one': {
      const options = Array.from({ length: spec.options }, (_, i) => sumWhere((c) => c.body.option === `o${i}`));
      // An option is adopted iff the quorum is met and it alone meets the matter's rule against the participating.
      const meeting = options.flatMap((o, i) => (approvedByStatute(o, participating, spec.matter) ? [`o${i}`] : []));
      return { all, participating, quorum, invalid, options, adopted: quorum && meeting.length === 1 ? meeting[0]! : null };
    }
    case 'elect': {
      const seats = Math.min(spec.seats, spec.candidates);
      const marks = (i: number, m: Mark) => sumWhere((c) => (c.body.candidates as Record<string, Mark>)[`c${i}`] === m);
      const candidates = Array.from({ length: spec.candidates }, (_, i) => ({ id: `c${i}`, for: marks(i, 'for'), against: marks(i, 'against') }));
      // Elected: meets the ordinary rule (过半数 of the participating on both axes), ranked by heads then area
      // (the pack's rule); candidates level across the last seat all stay out (a by-election).
      const qualified = quorum ? candidates.filter((c) => approvedByStatute(c.for, participating, 'elect_committee')) : [];
      const rankKey = (c: (typeof candidates)[number]) => [c.for.heads, c.for.area] as const;
      const better = (a: (typeof candidates)[number], b: (typeof candidates)[number]) => {
        const [ah, aa] = rankKey(a);
        const [bh, ba] = rankKey(b);
        return ah !== bh ? (ah > bh ? -1 : 1) : aa !== ba ? (aa > ba ? -1 : 1) : 0;
      };
      const ranked = [...qualified].sort(better);
      let elected = ranked.slice(0, seats);
      if (ranked.length > seats && better(ranked[seats - 1]!, ranked[seats]!) === 0) {
        elected = elected.filter((c) => better(c, ranked[seats - 1]!) !== 0);
      }
      return { all, participating, quorum, invalid, candidates, elected: elected.map((c) => c.id).sort(), unfilled: seats - elected.length };
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Random registries × random ballots in every form

const caseArb = fc.record({
  units: registryArb,
  form: formArb,
  actions: fc.array(actionArb, { minLength: 30, maxLength: 30 }),
  /** null: the whole compound; else the buildings asked (沪规定 Art. 69). */
  scope: fc.option(fc.uniqueArray(fc.constantFrom<string>('1', '2', '3'), { minLength: 1, maxLength: 2 }), { nil: null }),
});

t.test('the engine counts any registry and any ballots as the statute does (area and heads, every form)', async (t) => {
  let motions = 0;
  let ballots = 0;
  fc.assert(
    fc.property(caseArb, ({ units, form, actions, scope }) => {
      const inScope = scope === null ? units : units.filter((u) => scope.includes(u.building));
      fc.pre(inScope.length > 0);
      const state = registryOf(units);
      const roll: VoterIdentity[] = voterIdentities(state, scope ?? undefined);

      // Art. 8–9: the engine's heads are exactly the statute's, each with its units and exact summed area.
      const heads = headsByStatute(inScope);
      const engineHeads = roll.map((v) => [[...v.units.map((u) => u.unitId)].sort().join(','), tenThousandths(v.area)] as const).sort();
      const statuteHeads = [...heads.values()].map((us) => [us.map((u) => u.unitId).sort().join(','), areaOf(us)] as const).sort();
      if (JSON.stringify(engineHeads, (_, v) => (typeof v === 'bigint' ? v.toString() : v)) !== JSON.stringify(statuteHeads, (_, v) => (typeof v === 'bigint' ? v.toString() : v))) {
        throw new Error(`heads differ: engine ${engineHeads.length}, statute ${statuteHeads.length}`);
      }

      const spec = form as FormSpec;
      const sim = voteSim(roll, testPack()).open({
        ...motionOver(spec),
        ...(scope ? { scope: { kind: 'buildings', buildings: scope }, compoundBuildings: ['1', '2', '3'] } : {}),
      } as never);
      motions += 1;
      const cast: Cast[] = [];
      const seconds: [Cast, Action][] = [];
      [...heads.entries()].forEach(([head, hUnits], i) => {
        const a = actions[i % actions.length]!;
        if (a.kind === 'none') return;
        const unit = hUnits[a.via % hUnits.length]!;
        const owners = [...new Set(unit.owners)];
        const body = ballotBody(spec, a);
        const invalid = a.kind === 'invalid';
        const over = spec.form === 'elect' && !invalid && Object.values(body.candidates as object).filter((m) => m === 'for').length > Math.min(spec.seats, spec.candidates);
        // A proxy (the developer votes through its own grant holders, so its units have none): the mandate first.
        const principal = owners.length ? owners[a.via % owners.length]! : null;
        const proxy = a.kind === 'proxy' && principal !== null ? `proxy-${i}` : null;
        if (proxy !== null) {
          const registered = sim.run(
            {
              type: 'RegisterMandate',
              data: { motionId: 'm1', unitId: unit.unitId, principalPersonId: principal!, proxyPersonId: proxy, mandateRef: `委托书-${i}`, ...(a.via % 2 ? { evidenceRef: `委托书原件-${i}` } : {}) },
              by: a.via % 2 ? staff : { personId: principal!, grants: ['owner'] },
            },
            '2024-03-21T10:00:00+08:00',
          );
          if (isDomainError(registered)) throw new Error(`mandate refused: ${registered.code} ${registered.message}`);
        }
        const r = invalid
          ? sim.cast(unit.unitId, { invalid: true, channel: 'paper', by: staff, evidenceRef: '纸质表决票-废票', ...(principal !== null ? { onBehalfOf: principal } : {}) })
          : sim.cast(unit.unitId, { ...body, ...(principal !== null ? { by: { personId: proxy ?? principal, grants: ['owner'] } } : {}) });
        ballots += 1;
        if (over) {
          if (!isDomainError(r) || r.code !== 'too_many_approvals') throw new Error(`a ballot approving more than the seats was not refused: ${JSON.stringify(r)}`);
          return;
        }
        if (isDomainError(r)) throw new Error(`ballot refused: ${r.code} ${r.message}`);
        const c = { head, units: hUnits, invalid, body };
        cast.push(c);
        if (a.again) seconds.push([c, a]);
      });
      // One ballot per head (Art. 9): a second one through another unit or by another co-owner is refused.
      for (const [c, a] of seconds) {
        const unit = c.units[(a.via + 1) % c.units.length]!;
        const owners = [...new Set(unit.owners)];
        const valid: Record<string, unknown> = spec.form === 'yes_no' ? { choice: 'for' } : spec.form === 'choose_one' ? { option: 'o0' } : { candidates: { c0: 'for' } };
        const r = sim.cast(unit.unitId, { ...valid, ...(owners.length ? { by: { personId: owners[(a.via + 1) % owners.length]!, grants: ['owner'] } } : {}) });
        if (!isDomainError(r) || r.code !== 'ballot_already_cast') throw new Error(`a second ballot for one head was not refused: ${JSON.stringify(r)}`);
      }
      sim.close();
      const { view } = sim.tally();
      const want = reference(spec, inScope, heads, cast);

      const same = (what: string, got: Pair, wanted: Pair) => {
        if (got.area !== wanted.area || got.heads !== wanted.heads) throw new Error(`${what}: engine ${decimal(got.area)} m² / ${got.heads}, statute ${decimal(wanted.area)} m² / ${wanted.heads}`);
      };
      same('eligible', pairOf(view.eligible), want.all);
      same('participating', pairOf(view.participating), want.participating);
      same('invalid', pairOf(view.invalid), want.invalid);
      if (view.quorumMet !== want.quorum) throw new Error(`quorum: engine ${view.quorumMet}, statute ${want.quorum}`);
      switch (spec.form) {
        case 'yes_no': {
          const w = want as Extract<ReturnType<typeof reference>, { passed: boolean }>;
          same('for', pairOf(view.for), w.for);
          same('against', pairOf(view.against), w.against);
          same('abstain', pairOf(view.abstain), w.abstain);
          if (view.passed !== w.passed) throw new Error(`passed: engine ${view.passed}, statute ${w.passed} (${spec.matter})`);
          break;
        }
        case 'choose_one': {
          const w = want as Extract<ReturnType<typeof reference>, { adopted: string | null }>;
          view.options!.forEach((o, i) => same(`option ${o.optionId}`, pairOf(o.support), w.options[i]!));
          if (view.adopted !== w.adopted) throw new Error(`adopted: engine ${view.adopted}, statute ${w.adopted} (${spec.matter})`);
          if (view.passed !== (w.adopted !== null)) throw new Error('passed disagrees with adopted');
          break;
        }
        case 'elect': {
          const w = want as Extract<ReturnType<typeof reference>, { elected: string[] }>;
          view.candidates!.forEach((c, i) => {
            same(`candidate ${c.candidateId} for`, pairOf(c.for), w.candidates[i]!.for);
            same(`candidate ${c.candidateId} against`, pairOf(c.against), w.candidates[i]!.against);
          });
          if (JSON.stringify([...view.elected!].sort()) !== JSON.stringify(w.elected)) throw new Error(`elected: engine ${view.elected}, statute ${w.elected}`);
          if (view.unfilledSeats !== w.unfilled) throw new Error(`unfilled: engine ${view.unfilledSeats}, statute ${w.unfilled}`);
          break;
        }
      }
    }),
    { numRuns: runs(10000) },
  );
  t.ok(motions > 0, `${motions} motions, ${ballots} ballot attempts counted against the statute`);
});

// ---------------------------------------------------------------------------------------------------------
// Boundaries, constructed: exactly at 2/3, 1/2 and 3/4, and one ten-thousandth of a m² or one head either side.

/** A head of its own: `units` areas in ten-thousandths, unit ids `b-<head>-<k>`. */
interface Head {
  readonly areas: readonly bigint[];
}
function rollOf(heads: readonly Head[]): VoterIdentity[] {
  return heads.map((h, i) => ({
    voterId: `owners:h${i}`,
    developerHeld: false,
    ownerPersonIds: [`ph${i}`],
    units: h.areas.map((a, k) => ({ unitId: `1-${i}-${k}`, building: '1', area: decimal(a) })),
    area: decimal(h.areas.reduce((s, a) => s + a, 0n)),
  }));
}
/** Splits `total` (≥ parts) into `parts` positive integers at the given cut seeds. */
function split(total: bigint, parts: number, seeds: readonly number[]): bigint[] {
  const out: bigint[] = [];
  let left = total;
  for (let i = 0; i < parts - 1; i++) {
    const room = left - BigInt(parts - 1 - i); // each later part keeps at least 1
    const take = 1n + (BigInt(seeds[i % seeds.length]!) % room);
    out.push(take);
    left -= take;
  }
  out.push(left);
  return out;
}
const moveOne = (from: Head, to: Head): [Head, Head] => {
  const k = from.areas.findIndex((a) => a >= 2n);
  if (k < 0) throw new Error('no unit to take from');
  return [{ areas: from.areas.map((a, i) => (i === k ? a - 1n : a)) }, { areas: [to.areas[0]! + 1n, ...to.areas.slice(1)] }];
};
const merge = (a: Head, b: Head): Head => ({ areas: [...a.areas, ...b.areas] });

/** What a head does in a constructed case: in favour (for / option o0 / candidate c0), another mark, or nothing. */
type Does = 'for' | 'against' | 'abstain' | 'invalid' | 'none';
type BoundaryForm = 'yes_no' | 'choose_one' | 'elect';
function runVote(form: BoundaryForm, matter: string, entries: readonly { readonly head: Head; readonly does: Does }[]) {
  const roll = rollOf(entries.map((e) => e.head));
  const over =
    form === 'yes_no'
      ? { matter }
      : form === 'choose_one'
        ? { matter, form: { form: 'choose_one', options: [{ optionId: 'o0', label: '甲' }, { optionId: 'o1', label: '乙' }] } }
        : { matter: 'elect_committee', form: { form: 'elect', candidates: [{ candidateId: 'c0', name: '甲' }], seats: 1 } };
  const sim = voteSim(roll, testPack()).open(over as never);
  roll.forEach((v, i) => {
    const unitId = v.units[0]!.unitId;
    const does = entries[i]!.does;
    if (does === 'none') return;
    const r =
      does === 'invalid'
        ? sim.cast(unitId, { invalid: true, channel: 'paper', by: staff, evidenceRef: '废票', onBehalfOf: v.ownerPersonIds[0]! })
        : sim.cast(unitId, (form === 'yes_no' ? { choice: does } : form === 'choose_one' ? { option: does === 'for' ? 'o0' : does === 'against' ? 'o1' : 'abstain' } : { candidates: { c0: does } }) as never);
    if (isDomainError(r)) throw new Error(r.code);
  });
  sim.close();
  const { view } = sim.tally();
  const passed = form === 'elect' ? view.elected!.length === 1 : view.passed;
  return { quorumMet: view.quorumMet, passed };
}
const as = (does: Does) => (head: Head) => ({ head, does });

const seedsArb = fc.array(fc.nat(), { minLength: 1, maxLength: 8 });
const ORDINARY = ['rules_of_procedure', 'management_rules', 'hire_or_dismiss_firm', 'use_maintenance_fund', 'other_major'];

t.test('the quorum flips exactly at 2/3 of the area and of the heads (以上 includes the number)', async (t) => {
  let cases = 0;
  fc.assert(
    fc.property(
      // n non-voters with areas a_i ≥ 0.0002 m²; 2n voters, each pair splitting 2·a_i: participation is exactly 2/3 on both axes.
      fc.array(fc.record({ area: fc.bigInt({ min: 2n, max: 4_000_000n }), cut: fc.nat() }), { minLength: 1, maxLength: 8 }),
      fc.constantFrom<BoundaryForm>('yes_no', 'choose_one', 'elect'),
      fc.array(fc.constantFrom<Does>('for', 'against', 'abstain', 'invalid'), { minLength: 16, maxLength: 16 }),
      (absent, form, choices) => {
        const voters = absent.flatMap(({ area, cut }, i) => {
          const b = 1n + (BigInt(cut) % (2n * area - 1n));
          return [{ head: { areas: [b] }, does: choices[(2 * i) % choices.length]! }, { head: { areas: [2n * area - b] }, does: choices[(2 * i + 1) % choices.length]! }];
        });
        const nonVoters = absent.map(({ area }) => ({ head: { areas: [area] }, does: 'none' as const }));
        const exact = runVote(form, 'other_major', [...voters, ...nonVoters]);
        if (!exact.quorumMet) throw new Error('participation of exactly 2/3 on both axes is a quorum (三分之二以上)');
        // One head fewer among the voters (two voters are one buyer), same area: 2n−1 of 3n−1 heads is below 2/3.
        const merged = [{ head: merge(voters[0]!.head, voters[1]!.head), does: voters[0]!.does }, ...voters.slice(2), ...nonVoters];
        if (runVote(form, 'other_major', merged).quorumMet) throw new Error('one head short of 2/3 is no quorum');
        // One ten-thousandth of a m² moved from a voter to a non-voter: the area axis falls below 2/3.
        const from = voters.findIndex((o) => o.head.areas[0]! >= 2n);
        const [less, more] = moveOne(voters[from]!.head, nonVoters[0]!.head);
        const lessArea = runVote(form, 'other_major', [...voters.map((v, i) => (i === from ? { ...v, head: less } : v)), { head: more, does: 'none' }, ...nonVoters.slice(1)]);
        if (lessArea.quorumMet) throw new Error('0.0001 m² short of 2/3 is no quorum');
        cases += 1;
      },
    ),
    { numRuns: runs(1000) },
  );
  t.ok(cases > 0, `${cases} constructed boundaries, each checked at, and one head and 0.0001 m² below, 2/3`);
});

t.test('ordinary matters pass only with strictly more than 1/2 of the participating area and heads (过半数)', async (t) => {
  let cases = 0;
  fc.assert(
    fc.property(
      fc.array(fc.bigInt({ min: 2n, max: 4_000_000n }), { minLength: 1, maxLength: 7 }),
      seedsArb,
      fc.constantFrom<BoundaryForm>('yes_no', 'choose_one', 'elect'),
      fc.constantFrom(...ORDINARY),
      fc.array(fc.constantFrom<Does>('against', 'abstain', 'invalid'), { minLength: 8, maxLength: 8 }),
      (areas, seeds, form, matter, mix) => {
        // Everybody takes part (the quorum is met). The others: n heads of areas L; in favour: n + 1 heads
        // splitting the same total. In favour: exactly 1/2 of the area, more than 1/2 of the heads.
        const others: Head[] = areas.map((a) => ({ areas: [a] }));
        const total = areas.reduce((s, a) => s + a, 0n);
        const favour: Head[] = split(total, areas.length + 1, seeds).map((a) => ({ areas: [a] }));
        const rest = (hs: Head[]) => hs.map((h, i) => ({ head: h, does: mix[i % mix.length]! }));
        const atHalf = runVote(form, matter, [...favour.map(as('for')), ...rest(others)]);
        if (!atHalf.quorumMet || atHalf.passed) throw new Error('exactly half of the participating area is not 过半数');
        // 0.0001 m² moved from the others to those in favour: more than half on both axes.
        const [o0, f0] = moveOne(others[0]!, favour[0]!);
        const above = runVote(form, matter, [...[f0, ...favour.slice(1)].map(as('for')), ...rest([o0, ...others.slice(1)])]);
        if (!above.passed) throw new Error('more than half of the area and of the heads passes');
        // As many heads in favour as not, with more area: exactly half of the heads is not 过半数.
        const favourEven: Head[] = [merge(f0, favour[1]!), ...favour.slice(2)];
        const evenHeads = runVote(form, matter, [...favourEven.map(as('for')), ...rest([o0, ...others.slice(1)])]);
        if (evenHeads.passed) throw new Error('exactly half of the heads is not 过半数');
        cases += 1;
      },
    ),
    { numRuns: runs(1000) },
  );
  t.ok(cases > 0, `${cases} constructed cases at 1/2 of the area and of the heads, and 0.0001 m² above`);
});

t.test('items (6)–(8) pass with 3/4 of the participating area and heads and not with one ten-thousandth or one head less (以上)', async (t) => {
  let cases = 0;
  fc.assert(
    fc.property(
      fc.array(fc.record({ area: fc.bigInt({ min: 2n, max: 4_000_000n }), cuts: fc.tuple(fc.nat(), fc.nat()) }), { minLength: 1, maxLength: 5 }),
      fc.constantFrom<BoundaryForm>('yes_no', 'choose_one'),
      fc.constantFrom('raise_maintenance_fund', 'rebuild', 'change_common_use'),
      fc.array(fc.constantFrom<Does>('against', 'abstain', 'invalid'), { minLength: 8, maxLength: 8 }),
      (groups, form, matter, mix) => {
        // The others: n heads of areas L_i; in favour: three heads per L_i splitting 3·L_i. Exactly 3/4 on both axes.
        const others: Head[] = groups.map((g) => ({ areas: [g.area] }));
        const favour: Head[] = groups.flatMap((g) => split(3n * g.area, 3, g.cuts).map((a) => ({ areas: [a] })));
        const rest = (hs: Head[]) => hs.map((h, i) => ({ head: h, does: mix[i % mix.length]! }));
        const exact = runVote(form, matter, [...favour.map(as('for')), ...rest(others)]);
        if (!exact.quorumMet || !exact.passed) throw new Error('exactly 3/4 on both axes is 四分之三以上');
        const from = favour.findIndex((f) => f.areas[0]! >= 2n);
        const [f, o] = moveOne(favour[from]!, others[0]!);
        const lessArea = runVote(form, matter, [...favour.map((x, i) => (i === from ? f : x)).map(as('for')), ...rest([o, ...others.slice(1)])]);
        if (lessArea.passed) throw new Error('0.0001 m² short of 3/4 does not pass');
        const fewer: Head[] = [merge(favour[0]!, favour[1]!), ...favour.slice(2)];
        const lessHeads = runVote(form, matter, [...fewer.map(as('for')), ...rest(others)]);
        if (lessHeads.passed) throw new Error('one head short of 3/4 does not pass');
        cases += 1;
      },
    ),
    { numRuns: runs(1000) },
  );
  t.ok(cases > 0, `${cases} constructed cases at 3/4, and 0.0001 m² and one head below`);
});
