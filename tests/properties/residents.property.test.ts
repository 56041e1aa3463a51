/**
 * Residents' meetings, by property (#17 item 1), through the real residents decider, against a reference written
 * here from 居委会组织法 Art. 9 (a meeting needs more than half of its members present; a decision more than half
 * of those present), Art. 10 (1/5 以上 of the adults or households, or 1/3 以上 of the residents' groups, oblige
 * the RC to convene) and the representatives' defaults (2/3 以上 present, more than 1/2 of those present).
 * Small numbers, so that exact boundaries come up often.
 */
import fc from 'fast-check';
import t from 'tap';
import { residentsDecider, type Household, type ResidentsCommand, type ResidentsEvent, type ResidentsState } from '../../domain/residents/index.js';
import { isDomainError } from '../../domain/shared/errors.js';

const SCALE = Number(process.env.PROPERTY_RUNS ?? '1');
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
const rc = { personId: 'p-rc', grants: ['rc_staff'] };
const context = { now: new Date('2026-05-04T10:00:00+08:00'), newId: () => 'x', actor: { personId: 'p-rc', role: 'rc_staff' } };

/** Rationals compared exactly: is a/b (>|>=) n/d. */
const above = (a: number, b: number, n: number, d: number) => BigInt(a) * BigInt(d) > BigInt(n) * BigInt(b);
const atLeast = (a: number, b: number, n: number, d: number) => BigInt(a) * BigInt(d) >= BigInt(n) * BigInt(b);

function runAll(commands: readonly ResidentsCommand[]): ResidentsEvent[] {
  let state: ResidentsState = residentsDecider.initialState();
  const log: ResidentsEvent[] = [];
  for (const cmd of commands) {
    const r = residentsDecider.decide(cmd, state, context);
    if (isDomainError(r)) throw new Error(`${cmd.type}: ${r.code} ${r.message}`);
    for (const e of r) {
      state = residentsDecider.evolve(state, e);
      log.push(e);
    }
  }
  return log;
}

const householdsArb = fc
  .array(fc.record({ adults: fc.integer({ min: 0, max: 4 }), group: fc.integer({ min: 1, max: 6 }) }), { minLength: 1, maxLength: 24 })
  .map((hs) => hs.map((h, i): Household => ({ householdId: `h${i + 1}`, adults: h.adults, group: `g${h.group}` })));

t.test('a residents\u2019 meeting decides as Art. 9 says: more than half present, more than half of them in favour', async (t) => {
  let cases = 0;
  fc.assert(
    fc.property(
      householdsArb,
      fc.constantFrom('all_adults', 'household_representatives', 'group_representatives'),
      fc.constantFrom<2 | 3>(2, 3),
      fc.nat(),
      fc.tuple(fc.nat(), fc.nat(), fc.nat()),
      (households, kind, perGroup, presentSeed, [f, a, b]) => {
        const totals = { households: households.length, adults: households.reduce((n, h) => n + h.adults, 0), groups: new Set(households.map((h) => h.group)).size };
        // Art. 9 para. 1: the members are all adults, one per household, or 2–3 per residents' group.
        const size = kind === 'all_adults' ? totals.adults : kind === 'household_representatives' ? totals.households : totals.groups * perGroup;
        fc.pre(size > 0);
        const present = presentSeed % (size + 1);
        const inFavour = present === 0 ? 0 : f % (present + 1);
        const against = present - inFavour === 0 ? 0 : a % (present - inFavour + 1);
        const abstain = present - inFavour - against === 0 ? 0 : b % (present - inFavour - against + 1);
        const constituency = kind === 'group_representatives' ? { kind, perGroup } : { kind };
        const log = runAll([
          { type: 'ConveneMeeting', data: { meetingId: 'm1', compoundId: 'c1', kind: 'residents_meeting', constituency: constituency as never, agenda: [{ itemId: 'i1', title: '居民公约' }], heldAt: '2026-05-20T19:00:00+08:00', roll: { totals, representatives: [] } }, by: rc },
          { type: 'RecordAttendance', data: { meetingId: 'm1', present, evidenceRef: '签到表' }, by: rc },
          { type: 'RecordCount', data: { meetingId: 'm1', itemId: 'i1', inFavour, against, abstain }, by: rc },
        ]);
        const decided = log.find((e) => e.type === 'ItemDecided')!.data as { size: number; quorumMet: boolean; adopted: boolean };
        const quorum = above(present, size, 1, 2);
        const adopted = quorum && above(inFavour, present, 1, 2);
        if (decided.size !== size || decided.quorumMet !== quorum || decided.adopted !== adopted) {
          throw new Error(`engine ${JSON.stringify(decided)}; Art. 9: size ${size}, quorum ${quorum}, adopted ${adopted}`);
        }
        cases += 1;
      },
    ),
    { numRuns: runs(20000) },
  );
  t.ok(cases > 0, `${cases} meetings`);
});

t.test('a resident-representative meeting: 2/3 以上 present, more than half of those present in favour (defaults)', async (t) => {
  let cases = 0;
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 15 }), fc.array(fc.constantFrom('absent', 'for', 'against', 'abstain', 'silent'), { minLength: 15, maxLength: 15 }), (n, does) => {
      const reps = Array.from({ length: n }, (_, i) => `rep${i + 1}`);
      const present = reps.filter((_, i) => does[i] !== 'absent');
      const votes = reps.flatMap((r, i) => (does[i] === 'for' || does[i] === 'against' || does[i] === 'abstain' ? [{ r, choice: does[i] as 'for' | 'against' | 'abstain' }] : []));
      const log = runAll([
        { type: 'ConveneMeeting', data: { meetingId: 'm1', compoundId: 'c1', kind: 'representatives_meeting', agenda: [{ itemId: 'i1', title: '快递柜' }], heldAt: '2026-05-20T19:00:00+08:00', roll: { totals: { households: 100, adults: 200, groups: 5 }, representatives: reps } }, by: rc },
        { type: 'RecordAttendance', data: { meetingId: 'm1', representatives: present, evidenceRef: '签到表' }, by: rc },
        ...votes.map((v): ResidentsCommand => ({ type: 'RecordRepresentativeVote', data: { meetingId: 'm1', itemId: 'i1', representativeId: v.r, choice: v.choice }, by: rc })),
        { type: 'CloseItem', data: { meetingId: 'm1', itemId: 'i1' }, by: rc },
      ]);
      const decided = log.find((e) => e.type === 'ItemDecided')!.data as { quorumMet: boolean; adopted: boolean };
      const quorum = atLeast(present.length, n, 2, 3);
      const adopted = quorum && above(votes.filter((v) => v.choice === 'for').length, present.length, 1, 2);
      if (decided.quorumMet !== quorum || decided.adopted !== adopted) throw new Error(`engine ${JSON.stringify(decided)}; rules: quorum ${quorum}, adopted ${adopted}`);
      cases += 1;
    }),
    { numRuns: runs(15000) },
  );
  t.ok(cases > 0, `${cases} representative meetings`);
});

t.test('a request to convene is reached at the first signature that makes 1/5 of adults or households, or 1/3 of groups (Art. 10)', async (t) => {
  let cases = 0;
  fc.assert(
    fc.property(householdsArb, fc.array(fc.nat(), { maxLength: 30 }), (households, picks) => {
      const groups = [...new Set(households.map((h) => h.group))];
      const totals = { households: households.length, adults: households.reduce((n, h) => n + h.adults, 0), groups: groups.length };
      // Each pick signs for an unsigned household (even) or residents' group (odd), if any is left.
      const signedH = new Set<string>();
      const signedG = new Set<string>();
      const commands: ResidentsCommand[] = [{ type: 'OpenConveneRequest', data: { requestId: 'r1', compoundId: 'c1', purpose: '充电棚', households }, by: rc }];
      let expectedAt = -1;
      let signedAdults = 0;
      for (const p of picks) {
        const byGroup = p % 2 === 1;
        const left = byGroup ? groups.filter((g) => !signedG.has(g)) : households.filter((h) => !signedH.has(h.householdId)).map((h) => h.householdId);
        if (left.length === 0) continue;
        const id = left[Math.floor(p / 2) % left.length]!;
        if (byGroup) signedG.add(id);
        else {
          signedH.add(id);
          signedAdults += households.find((h) => h.householdId === id)!.adults;
        }
        commands.push({ type: 'SignConveneRequest', data: { requestId: 'r1', ...(byGroup ? { group: id } : { householdId: id }), evidenceRef: '联名书' }, by: rc });
        const reached =
          (totals.adults > 0 && atLeast(signedAdults, totals.adults, 1, 5)) || atLeast(signedH.size, totals.households, 1, 5) || atLeast(signedG.size, totals.groups, 1, 3);
        if (reached && expectedAt < 0) expectedAt = commands.length - 1;
      }
      const log = runAll(commands);
      // Where the engine said "reached": the index of the signature after which it appears.
      let signatures = 0;
      let reachedAt = -1;
      for (const e of log) {
        if (e.type === 'ConveneRequestSigned') signatures += 1;
        if (e.type === 'ConveneRequestReached') {
          if (reachedAt >= 0) throw new Error('reached twice');
          reachedAt = signatures;
        }
      }
      if (reachedAt !== expectedAt) throw new Error(`reached after signature ${reachedAt}, Art. 10 says ${expectedAt}`);
      cases += 1;
    }),
    { numRuns: runs(15000) },
  );
  t.ok(cases > 0, `${cases} requests`);
});
