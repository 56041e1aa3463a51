import t from 'tap';
import { tallyChooseOne, tallyElect, type CandidateTotals } from '../../../domain/assembly/formTally.js';
import type { Axes } from '../../../domain/assembly/tally.js';
import { thresholdsFor } from '../../../domain/assembly/thresholds.js';
import { formatArea, parseArea } from '../../../domain/shared/area.js';

const ax = (area: string, heads: number): Axes => ({ area: parseArea(area)!, heads });
const none = ax('0', 0);
const ordinary = thresholdsFor('civil_code_art278', 'ordinary');

t.test('choose_one, Art. 278 ordinary rule: the firm with > 1/2 of participating area AND heads is adopted', async (t) => {
  // Given a compound of 1,000.00 m² and 10 heads; 8 heads / 800.00 m² take part (quorum ≥ 2/3 met on both axes).
  const eligible = ax('1000.00', 10);
  // When firm A (¥1.5/m²) gets 5 heads / 400.01 m², firm B (¥1.4/m²) 3 heads / 399.99 m².
  const result = tallyChooseOne(
    { eligible, options: [{ optionId: 'a', support: ax('400.01', 5) }, { optionId: 'b', support: ax('399.99', 3) }], abstain: none, invalid: none },
    ordinary,
  );
  // Then by hand: 400.01 > 800.00 / 2 and 5 > 8 / 2: A is adopted; B fails on both axes.
  t.equal(formatArea(result.participating.area), '800.00');
  t.equal(result.participating.heads, 8);
  t.equal(result.quorum.met, true);
  t.equal(result.adopted, 'a');
  t.same(result.options.map((o) => [o.optionId, o.passage.area, o.passage.heads, o.adopted]), [
    ['a', true, true, true],
    ['b', false, false, false],
  ]);
  t.equal(result.nothingAdopted, null);
});

t.test('choose_one: when no option reaches the rule, nothing is adopted and the tally says why', async (t) => {
  // Given 3 options splitting 9 of 10 heads; When none has more than half of those taking part on both axes;
  const result = tallyChooseOne(
    {
      eligible: ax('1000.00', 10),
      options: [
        { optionId: 'a', support: ax('450.00', 4) },
        { optionId: 'b', support: ax('300.00', 3) },
        { optionId: 'c', support: ax('150.00', 2) },
      ],
      abstain: none,
      invalid: none,
    },
    ordinary,
  );
  // Then nothing is adopted (450.00 of 900.00 m² is exactly half: 过半数 is strict, Civil Code Art. 1259).
  t.equal(result.adopted, null);
  t.equal(result.nothingAdopted, 'no_option_met_the_rule');
  t.equal(formatArea(result.options[0]!.needed.area), '0.0001');
  // 4 of 9 heads: one more owner for A makes 5 of 10 (not more than half); two make 6 of 11.
  t.equal(result.options[0]!.needed.heads, 2);
});

t.test('choose_one: abstentions and invalid ballots take part (quorum) and support no option', async (t) => {
  // Given 6 of 9 heads cast: 3 for A, 1 abstains, 2 invalid paper ballots (废票); areas 100.00 each.
  const result = tallyChooseOne(
    { eligible: ax('900.00', 9), options: [{ optionId: 'a', support: ax('300.00', 3) }, { optionId: 'b', support: none }], abstain: ax('100.00', 1), invalid: ax('200.00', 2) },
    ordinary,
  );
  // Then the quorum is met exactly (6 of 9, 600 of 900: 以上 includes), but 3 of 6 is not more than half.
  t.equal(result.quorum.met, true);
  t.equal(result.adopted, null);
  t.equal(result.options[0]!.passage.met, false);
  // Without the quorum the reason is the quorum.
  const thin = tallyChooseOne(
    { eligible: ax('900.00', 9), options: [{ optionId: 'a', support: ax('500.00', 5) }, { optionId: 'b', support: none }], abstain: none, invalid: none },
    ordinary,
  );
  t.equal(thin.quorum.met, false);
  t.equal(thin.adopted, null);
  t.equal(thin.nothingAdopted, 'no_quorum');
  t.same(thin.neededForQuorum, { area: parseArea('100.00'), heads: 1 });
});

const candidate = (candidateId: string, f: Axes, against: Axes = none): CandidateTotals => ({ candidateId, for: f, against });

t.test('elect 7 seats among 9 candidates where 6 meet the rule: 6 elected, 1 seat left for a by-election', async (t) => {
  // Given 10 heads / 1,000.00 m², all 10 take part.
  const eligible = ax('1000.00', 10);
  const participating = ax('1000.00', 10);
  // When c1–c6 get 6–9 heads "for" (more than half on both axes), c7–c9 five or fewer.
  const candidates = [
    candidate('c1', ax('900.00', 9)),
    candidate('c2', ax('800.00', 8)),
    candidate('c3', ax('700.00', 7)),
    candidate('c4', ax('650.00', 7)),
    candidate('c5', ax('600.00', 6)),
    candidate('c6', ax('500.01', 6)),
    candidate('c7', ax('500.00', 6), ax('100.00', 1)),
    candidate('c8', ax('600.00', 5)),
    candidate('c9', ax('100.00', 1), ax('800.00', 8)),
  ];
  const result = tallyElect({ eligible, participating, invalid: none, candidates }, 7, ordinary);
  // Then c7 fails on area (500.00 of 1,000.00 is not more than half), c8 on heads (5 of 10): 6 elected.
  t.same(result.elected, ['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
  t.equal(result.unfilledSeats, 1);
  t.equal(result.unfilledBecause, 'too_few_met_the_rule');
  t.same(
    result.candidates.map((c) => [c.candidateId, c.rank, c.elected]),
    [
      ['c1', 1, true],
      ['c2', 2, true],
      ['c3', 3, true], // 7 heads and 700.00 m² ranks before c4's 7 heads and 650.00 m² (headcount, then area)
      ['c4', 4, true],
      ['c5', 5, true],
      ['c6', 6, true],
      ['c7', null, false],
      ['c8', null, false],
      ['c9', null, false],
    ],
  );
  t.equal(result.candidates[8]!.abstain.heads, 1, 'c9: 10 took part, 1 for, 8 against, so 1 abstained');
});

t.test('elect: an exact tie for the last seat leaves it unfilled and names the tied candidates', async (t) => {
  const eligible = ax('1000.00', 10);
  const candidates = [
    candidate('c1', ax('900.00', 9)),
    candidate('c2', ax('700.00', 7)),
    candidate('c3', ax('700.00', 7)),
  ];
  // Given 2 seats; When c2 and c3 tie on both axes for the second seat;
  const result = tallyElect({ eligible, participating: eligible, invalid: none, candidates }, 2, ordinary);
  // Then only c1 is seated; one seat is unfilled for a by-election, because of the tie.
  t.same(result.elected, ['c1']);
  t.equal(result.unfilledSeats, 1);
  t.equal(result.unfilledBecause, 'tie_for_last_seat');
  t.same(result.tiedForLastSeat, ['c2', 'c3']);
  t.same(result.candidates.map((c) => c.rank), [1, 2, 2]);
  // With 3 seats the tie is inside the seats: all three are elected.
  const roomy = tallyElect({ eligible, participating: eligible, invalid: none, candidates }, 3, ordinary);
  t.same(roomy.elected, ['c1', 'c2', 'c3']);
  t.equal(roomy.unfilledBecause, null);
  // Ranked by area first, a tie on heads alone is broken by area.
  const byArea = tallyElect(
    { eligible, participating: eligible, invalid: none, candidates: [candidate('x', ax('600.00', 8)), candidate('y', ax('700.00', 6))] },
    1,
    ordinary,
    'area_then_headcount',
  );
  t.same(byArea.elected, ['y']);
});

t.test('elect: without the quorum nobody is elected', async (t) => {
  const result = tallyElect(
    { eligible: ax('1000.00', 10), participating: ax('600.00', 6), invalid: none, candidates: [candidate('c1', ax('600.00', 6))] },
    1,
    ordinary,
  );
  t.equal(result.quorum.met, false);
  t.same(result.elected, []);
  t.equal(result.unfilledBecause, 'no_quorum');
});
