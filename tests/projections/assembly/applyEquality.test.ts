/**
 * The cheaper ballot apply (issue #18) writes what main's did, byte for byte: random sequences of ballots
 * (re-votes of any content, late ones, for unknown motions), rulings (of any receipt), deliveries and closes, on
 * every form, with and without deemed votes, folded through main's frozen apply (tests/support/assemblyOracle)
 * and the current one, give the same changes in the same order and the same documents, as JSON; an event that
 * throws in one throws the same in the other. And the figures' fast paths agree with the general ones.
 */
import fc from 'fast-check';
import t from 'tap';
import type { VoterIdentity } from '../../../domain/registry/types.js';
import { formatArea } from '../../../domain/shared/area.js';
import { figureArea, figureText } from '../../../projections/assembly/figures.js';
import { assemblyProjection } from '../../../projections/assembly/projection.js';
import type { DocChange, Projection } from '../../../projections/projection.js';
import { ballotEvent, closeEvent, deliveredEvent, memoryModel, openingEvents, rulingEvent, variedRoll, type FormKind, type Said } from '../../support/assemblyApplyWorld.js';
import { figureArea as oracleFigureArea } from '../../support/assemblyOracle/figures.js';
import { assemblyProjection as oracleProjection } from '../../support/assemblyOracle/projection.js';
import { recorded, type SpecEvent } from '../../support/projectionSpec.js';

/** Every change as JSON in order (or the error an event threw), then every document. */
function fold(projection: Projection, events: readonly SpecEvent[]): string[] {
  const model = memoryModel();
  const out: string[] = [];
  for (const event of recorded(events)) {
    if (!projection.handles.includes(event.type)) continue;
    let changes: readonly DocChange[];
    try {
      changes = projection.apply(event, model.reader);
    } catch (e) {
      out.push(`${event.position} threw ${String(e)}`);
      continue;
    }
    for (const c of changes) {
      out.push(JSON.stringify(c));
      if (c.op === 'delete') model.docs.delete(`${c.collection}/${c.id}`);
      else model.docs.set(`${c.collection}/${c.id}`, c.doc);
    }
  }
  for (const [k, v] of [...model.docs].sort(([a], [b]) => (a < b ? -1 : 1))) out.push(`${k} ${JSON.stringify(v)}`);
  return out;
}

const AREAS = ['88.5', '120.0325', '75', '0.0001', '88.50', '007.5', '0', '99999999999.9999', '123456789012.5', '999999999999999.9'];

const choiceArb = fc.constantFrom('for' as const, 'against' as const, 'abstain' as const);
const saidArb: fc.Arbitrary<Said> = fc.oneof(
  choiceArb.map((choice) => ({ choice })),
  fc.constant({ invalid: true as const }),
  fc.constantFrom('o0', 'o1', 'o2', 'o9', 'abstain').map((option) => ({ marks: { form: 'choose_one' as const, option } })),
  fc.dictionary(fc.constantFrom('c0', 'c1', 'c2', 'c7'), choiceArb, { maxKeys: 4 }).map((candidates) => ({ marks: { form: 'elect' as const, candidates } })),
);

type Step =
  | { kind: 'ballot'; voter: number; said: Said; replaces: null | { ballot: number; said: Said }; motion: 'm1' | 'mX' }
  | { kind: 'ruling'; ballot: number }
  | { kind: 'delivered'; voter: number }
  | { kind: 'close' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('ballot' as const), voter: fc.nat(5), said: saidArb, replaces: fc.option(fc.record({ ballot: fc.nat(30), said: saidArb }), { nil: null }), motion: fc.constantFrom('m1' as const, 'm1' as const, 'mX' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('ruling' as const), ballot: fc.nat(30) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delivered' as const), voter: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'close' as const }) },
);

function events(form: FormKind, deemed: boolean, areas: readonly string[], steps: readonly Step[]): SpecEvent[] {
  // The deciders open the motion on a plain roll; the figures under test are then put into the frozen roll and
  // the ballots (any text: non-canonical, zero, beyond 2^53 when summed, which the tally must carry as it is).
  const plain = variedRoll(6);
  const roll: VoterIdentity[] = plain.map((v, i) => ({ ...v, area: areas[i % areas.length]! }));
  const opening = openingEvents(plain, form, 'm1', deemed);
  const opened = opening.at(-1)! as { type: string; data: { roll: { voters: Array<{ voterId: string; area: string }> } } };
  if (opened.type !== 'MotionOpened') throw new Error(`expected MotionOpened, got ${opened.type}`);
  for (const v of opened.data.roll.voters) v.area = roll.find((r) => r.voterId === v.voterId)!.area;
  // Deliveries before the opening too (the opening sums the delivered identities).
  const log: SpecEvent[] = [];
  log.push(...opening.slice(0, -1), deliveredEvent('m1', roll[0]!), opening.at(-1)!);
  const receipts: string[] = [];
  steps.forEach((step, n) => {
    switch (step.kind) {
      case 'ballot': {
        const replaced = step.replaces ? { receipt: receipts[step.replaces.ballot] ?? 'r-unknown', said: step.replaces.said } : undefined;
        const e = ballotEvent(step.motion, roll[step.voter]!, n, step.said, replaced);
        receipts.push((e.data as { receipt: string }).receipt);
        log.push(e);
        return;
      }
      case 'ruling':
        log.push(rulingEvent('m1', receipts[step.ballot] ?? 'r-unknown', roll[0]!.voterId));
        return;
      case 'delivered':
        log.push(deliveredEvent('m1', roll[step.voter]!));
        return;
      case 'close':
        log.push(closeEvent('m1'));
        return;
    }
  });
  return log;
}

t.test('main apply and this apply write the same changes and documents, byte for byte', async (t) => {
  const openings = new Map<string, boolean>();
  fc.assert(
    fc.property(
      fc.constantFrom<FormKind>('yes_no', 'choose_one', 'elect'),
      fc.boolean(),
      fc.shuffledSubarray(AREAS, { minLength: 1, maxLength: 4 }),
      fc.array(stepArb, { maxLength: 40 }),
      (form, deemed, areas, steps) => {
        // Elections take no deemed votes (the decider refuses them).
        const withDeemed = deemed && form !== 'elect';
        openings.set(`${form}${withDeemed}`, true);
        const log = events(form, withDeemed, areas, steps);
        const want = fold(oracleProjection, log);
        const got = fold(assemblyProjection, log);
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          t.same(got, want, 'same changes and documents');
          return false;
        }
        return true;
      },
    ),
    { numRuns: 400 },
  );
  t.equal(openings.size, 5, 'every form, with and without deemed votes');
});

t.test('a re-vote, a ruling and a late ballot on each form: the same documents (and the fold is not vacuous)', async (t) => {
  for (const form of ['yes_no', 'choose_one', 'elect'] as const) {
    const said: Said = form === 'yes_no' ? { choice: 'for' } : form === 'choose_one' ? { marks: { form, option: 'o1' } } : { marks: { form, candidates: { c0: 'for', c1: 'against', c2: 'abstain' } } };
    const log = events(form, form !== 'elect', AREAS, [
      { kind: 'ballot', voter: 1, said, replaces: null, motion: 'm1' },
      { kind: 'ballot', voter: 1, said: { invalid: true }, replaces: { ballot: 0, said }, motion: 'm1' },
      { kind: 'ballot', voter: 2, said, replaces: null, motion: 'm1' },
      { kind: 'ruling', ballot: 2 },
      { kind: 'close' },
      { kind: 'ballot', voter: 3, said, replaces: null, motion: 'm1' },
    ]);
    const got = fold(assemblyProjection, log);
    t.same(got, fold(oracleProjection, log), form);
    const tally = JSON.parse(got.find((l) => l.startsWith('motion-tallies/m1 '))!.slice('motion-tallies/m1 '.length));
    t.match(tally.ballots, { counted: 2, late: 1, superseded: 1, ruledInvalid: 1 }, `${form}: the steps were counted`);
  }
});

t.test('figureArea: the fast path parses (and refuses) exactly what the general one does', async (t) => {
  const digits = fc.string({ unit: fc.constantFrom('0', '1', '5', '9'), minLength: 0, maxLength: 18 });
  const text = fc.oneof(
    fc.tuple(fc.constantFrom('', '-', '+', ' '), digits, fc.constantFrom('', '.', ','), fc.string({ unit: fc.constantFrom('0', '3', '9', 'a'), maxLength: 6 }), fc.constantFrom('', ' ', 'e1')).map((p) => p.join('')),
    fc.string({ maxLength: 12 }),
  );
  const outcome = (f: (s: string) => bigint, s: string) => {
    try {
      return `= ${f(s)}`;
    } catch (e) {
      return `threw ${String(e)}`;
    }
  };
  fc.assert(fc.property(text, (s) => outcome(figureArea, s) === outcome(oracleFigureArea, s)), { numRuns: 20_000 });
  for (const s of ['1', '-1', '12345678901.1234', '123456789012.1234', '99999999999.9999', '0.0', '-0', '12.', '.5', '1.23456', '', '-', '٣'])
    t.equal(outcome(figureArea, s), outcome(oracleFigureArea, s), `figureArea(${JSON.stringify(s)})`);
});

t.test('figureText writes what formatArea writes, on both sides of 2^53', async (t) => {
  const big = fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n });
  const near = fc.bigInt({ min: 2n ** 53n - 100_000n, max: 2n ** 53n + 100_000n }).chain((b) => fc.constantFrom(b, -b));
  fc.assert(fc.property(fc.oneof(big, near, fc.bigInt({ min: -100_000n, max: 100_000n })), (a) => figureText(a) === formatArea(a)), { numRuns: 20_000 });
  t.equal(figureText(0n), '0.00');
  t.equal(figureText(-1n), '-0.0001');
});
