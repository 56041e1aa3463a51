import t from 'tap';
import { matters, type Matter } from '../../../domain/assembly/matters.js';
import { neededAgainstFixedBase, neededAgainstGrowingBase } from '../../../domain/assembly/needed.js';
import { tally, type Axes, type BallotTotals } from '../../../domain/assembly/tally.js';
import { meets, ruleKindFor, thresholdsFor } from '../../../domain/assembly/thresholds.js';
import { formatArea, parseArea } from '../../../domain/shared/area.js';

const ax = (area: string, heads: number): Axes => ({ area: parseArea(area)!, heads });
const totals = (eligible: Axes, f: Axes, against: Axes, abstain: Axes = ax('0', 0)): BallotTotals => ({
  eligible,
  for: f,
  against,
  abstain,
});
const ordinary = thresholdsFor('civil_code_art278', 'ordinary');
const special = thresholdsFor('civil_code_art278', 'special');
const oldOrdinary = thresholdsFor('property_regulation_art12', 'ordinary');
const oldSpecial = thresholdsFor('property_regulation_art12', 'special');

t.test('Art. 278 quorum: participation exactly 2/3 on both axes is enough; 0.01 m² less is not', async (t) => {
  const eligible = ax('900.00', 9);
  const exact = tally(totals(eligible, ax('400.00', 4), ax('100.00', 1), ax('100.00', 1)), ordinary);
  t.equal(formatArea(exact.participating.area), '600.00');
  t.same(exact.quorum, { area: true, heads: true, met: true }, '600.00 of 900.00 m² and 6 of 9 heads: 以上 includes the number');
  t.same(exact.needed.quorum, { area: 0n, heads: 0 });

  const short = tally(totals(eligible, ax('399.99', 4), ax('100.00', 1), ax('100.00', 1)), ordinary);
  t.same(short.quorum, { area: false, heads: true, met: false }, '599.99 m²: the area axis fails, so the quorum fails');
  t.equal(short.passes, false);
  t.equal(formatArea(short.needed.quorum.area), '0.01', 'still needed: exactly one hundredth of a m²');
  t.equal(short.needed.quorum.heads, 0);

  const fewHeads = tally(totals(eligible, ax('500.00', 4), ax('100.00', 1)), ordinary);
  t.same(fewHeads.quorum, { area: true, heads: false, met: false }, '5 of 9 heads fails even with 2/3 of the area');
  t.equal(fewHeads.needed.quorum.heads, 1);
});

t.test('Art. 278 ordinary passage: exactly half of participation fails (过半数 is strict); one more unit passes', async (t) => {
  const eligible = ax('900.00', 9);
  const half = tally(totals(eligible, ax('300.00', 3), ax('300.00', 3)), ordinary);
  t.equal(half.quorum.met, true);
  t.same(half.passage, { area: false, heads: false, met: false }, '300.00 of 600.00 m², 3 of 6 heads');
  t.equal(half.passes, false);
  t.equal(formatArea(half.needed.passage.area), '0.0001', 'one ten-thousandth of a m² more would do');
  t.equal(half.needed.passage.heads, 1);

  const more = tally(totals(eligible, ax('300.0001', 4), ax('299.9999', 2)), ordinary);
  t.same(more.passage, { area: true, heads: true, met: true }, '300.0001 of 600.00 m², 4 of 6 heads');
  t.equal(more.passes, true);
  t.same(more.needed.passage, { area: 0n, heads: 0 });
});

t.test('Art. 278 special passage (items 6–8): exactly 3/4 of participation passes; a little less fails', async (t) => {
  const eligible = ax('1200.00', 12);
  const exact = tally(totals(eligible, ax('600.00', 6), ax('200.00', 2)), special);
  t.same(exact.quorum, { area: true, heads: true, met: true }, '800 of 1200, 8 of 12');
  t.same(exact.passage, { area: true, heads: true, met: true }, '600.00 of 800.00 m² and 6 of 8 heads: 以上 includes');
  t.equal(exact.passes, true);

  const below = tally(totals(eligible, ax('599.99', 6), ax('200.01', 2)), special);
  t.same(below.passage, { area: false, heads: true, met: false });
  t.equal(below.passes, false);
  // (599.99 + x)·4 >= (800 + x)·3  ⇔  x >= 0.04 m²
  t.equal(formatArea(below.needed.passage.area), '0.04');
});

t.test('the axes disagree: heads pass, area fails → not passed', async (t) => {
  // Many small flats for, a few big ones against.
  const r = tally(totals(ax('1000.00', 10), ax('300.00', 6), ax('500.00', 3)), ordinary);
  t.equal(r.quorum.met, true, '800 of 1000 m², 9 of 10 heads');
  t.same(r.passage, { area: false, heads: true, met: false }, '6 of 9 heads, but 300 of 800 m²');
  t.equal(r.passes, false);
  t.equal(r.outcome.passes, false);
  const reverse = tally(totals(ax('1000.00', 10), ax('500.00', 3), ax('300.00', 6)), ordinary);
  t.same(reverse.passage, { area: true, heads: false, met: false }, 'area passes, heads fail');
  t.equal(reverse.passes, false);
});

t.test('before 2021: 物业管理条例 Art. 12', async (t) => {
  const eligible = ax('1000.00', 10);
  // Participation must be MORE than half of all, on both axes.
  const half = tally(totals(eligible, ax('500.00', 5), ax('0', 0)), oldOrdinary);
  t.same(half.quorum, { area: false, heads: false, met: false }, 'exactly half takes no part in a decision');
  t.same(half.needed.quorum, { area: 1n, heads: 1 });
  // Ordinary: more than half of ALL approve — 60% of participants is not enough when that is 42% of all.
  const r = tally(totals(eligible, ax('420.00', 4), ax('280.00', 3)), oldOrdinary);
  t.equal(r.quorum.met, true);
  t.same(r.passage, { area: false, heads: false, met: false });
  t.same(r.needed.passage, { area: parseArea('80.0001')!, heads: 2 }, 'of all: 500.0001 m² and 6 heads in total');
  t.equal(tally(totals(eligible, ax('420.00', 4), ax('280.00', 3)), ordinary).passes, true, 'the same ballots pass under Art. 278');
  // Special (raise AND use the fund, rebuild): at least 2/3 of ALL.
  const e9 = ax('900.00', 9);
  t.equal(tally(totals(e9, ax('600.00', 6), ax('300.00', 3)), oldSpecial).passes, true, 'exactly 2/3 of all passes (以上)');
  t.equal(tally(totals(e9, ax('599.99', 6), ax('300.01', 3)), oldSpecial).passes, false, '0.01 m² short of 2/3 of all');
  t.equal(ruleKindFor('property_regulation_art12', 'use_maintenance_fund'), 'special', 'using the fund was special before 2021');
  t.equal(ruleKindFor('civil_code_art278', 'use_maintenance_fund'), 'ordinary', 'and is ordinary under the Civil Code');
  t.equal(ruleKindFor('property_regulation_art12', 'change_common_use'), 'ordinary', 'a change of use was an "other" matter');
});

t.test('rule kinds: Art. 278 items 6–8 are special', async (t) => {
  const special: Matter[] = ['raise_maintenance_fund', 'rebuild', 'change_common_use'];
  for (const m of matters) t.equal(ruleKindFor('civil_code_art278', m), special.includes(m) ? 'special' : 'ordinary', m);
});

t.test('从众 (deemed votes): off by default; when on, raw and deemed side by side', async (t) => {
  const eligible = ax('1000.00', 10);
  const ballots = totals(eligible, ax('300.00', 3), ax('100.00', 1), ax('50.00', 1));
  const raw = tally(ballots, ordinary);
  t.equal(raw.deemed, null, 'off by default');
  t.equal(raw.quorum.met, false, '450 m², 5 heads take part');
  t.same(raw.outcome, { basis: 'raw', quorumMet: false, passes: false });

  const on = tally(ballots, ordinary, { deemedVotes: true });
  t.equal(on.quorum.met, false, 'the raw figures stay');
  t.same(on.participating, ax('450.00', 5));
  t.equal(on.deemed!.majority, 'for');
  t.same(on.deemed!.added, ax('550.00', 5), 'the five non-voters join the majority');
  t.same(on.deemed!.for, ax('850.00', 8));
  t.same(on.deemed!.participating, eligible);
  t.same(on.outcome, { basis: 'deemed', quorumMet: true, passes: true });

  const split = tally(totals(eligible, ax('300.00', 1), ax('100.00', 3)), ordinary, { deemedVotes: true });
  t.equal(split.deemed!.majority, null, 'no majority on both axes: nobody is deemed');
  t.same(split.deemed!.added, ax('0', 0));
  t.equal(split.outcome.passes, false);
  const tie = tally(totals(eligible, ax('300.00', 3), ax('300.00', 3)), ordinary, { deemedVotes: true });
  t.equal(tie.deemed!.majority, null, 'a tie has no majority');
});

t.test('incoherent totals throw', async (t) => {
  t.throws(() => tally(totals(ax('100.00', 2), ax('100.00', 2), ax('1.00', 1)), ordinary), RangeError);
});

t.test('needed: brute force against the definitions', async (t) => {
  const fractions = [ordinary.passage, special.passage, ordinary.quorum, oldOrdinary.quorum, oldSpecial.passage];
  let checked = 0;
  for (const f of fractions) {
    for (let base = 0n; base <= 24n; base++) {
      for (let v = 0n; v <= base; v++) {
        const x = neededAgainstFixedBase(v, base, f);
        if (x < 0n || !meets(v + x, base, f) || (x > 0n && meets(v + x - 1n, base, f))) t.fail(`fixed ${v}/${base} ${JSON.stringify(f, (_, y) => (typeof y === 'bigint' ? `${y}` : y))}`);
        checked++;
      }
    }
  }
  for (const f of [ordinary.passage, special.passage]) {
    for (let p = 0n; p <= 30n; p++) {
      for (let a = 0n; a <= p; a++) {
        const x = neededAgainstGrowingBase(a, p, f);
        const ok = (y: bigint) => a + y > 0n && meets(a + y, p + y, f);
        if (!ok(x) || (x > 0n && ok(x - 1n))) t.fail(`growing ${a}/${p} → ${x}`);
        checked++;
      }
    }
  }
  t.ok(checked > 1000, `${checked} cases`);
  t.equal(neededAgainstGrowingBase(0n, 0n, special.passage), 1n, 'with nobody yet: one approving unit');
});
