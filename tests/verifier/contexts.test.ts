/**
 * The verifier's recomputation of the committee, hiring, residents' meetings, joint meetings and disputes, on a
 * real export of a compound where each has run (tests/support/contextsExportSeed.ts): a fresh export passes with
 * every context counted and the statistics the server posts recomputed equal; then, per check, one figure or
 * record of the export is changed and the export re-chained and re-signed with a key of our own, so that only
 * the recomputation can tell: the verifier names the check and the record.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import type { ExportFile } from '../../verifier/format.js';
import type { Problem } from '../../verifier/problems.js';
import { main } from '../../verifier/main.js';
import { verifyExportText } from '../../verifier/verify.js';
import { resealExport, type Doctor } from '../support/resealExport.js';
import { FIRM_Y } from '../support/authzWorld.js';
import { seedContextsExport } from '../support/contextsExportSeed.js';


t.test('the verifier recomputes every context', async (t) => {
  const seed = await seedContextsExport();
  t.teardown(() => seed.world.api.close());
  const file = JSON.parse(seed.text) as ExportFile;

  const resealed = (doctor: Doctor): string => resealExport(file, doctor);
  /** Changes the first event of `type` only. */
  const once = (type: string, change: (data: any) => void): Doctor => {
    let done = false;
    return (e) => {
      if (done || e.type !== type) return;
      done = true;
      change(e.data);
    };
  };
  const caught = (t: Test, doctor: Doctor, check: Problem['check'], type: string, detail: RegExp) => {
    const problems = verifyExportText(resealed(doctor)).problems;
    const hit = problems.find((p) => p.check === check && p.record.includes(`, ${type})`) && detail.test(p.detail));
    t.ok(hit, `${check} names ${type}: ${JSON.stringify(problems)}`);
    t.ok(problems.every((p) => !['signature', 'chain', 'manifest', 'format'].includes(p.check)), 'only the recomputation tells');
  };

  t.test('a fresh export passes, every context recomputed', async (t) => {
    const result = verifyExportText(seed.text);
    t.same(result.problems, []);
    t.ok(result.counts.committeeEvents >= 8, `${result.counts.committeeEvents} committee events`);
    t.equal(result.counts.contracts, 1);
    t.equal(result.counts.heldBackReleases, 1);
    t.equal(result.counts.residentsItems, 2);
    t.ok(result.counts.jointEvents >= 8, `${result.counts.jointEvents} joint events`);
    t.ok(result.counts.disputeEvents >= 4, `${result.counts.disputeEvents} dispute events`);
    t.same(verifyExportText(resealed(() => {})).problems, [], 're-sealed unchanged, it passes (the test key is sound)');
  });

  t.test('the statistics the server posts are recomputed equal', async (t) => {
    const { api, A } = seed.world;
    const oc = await api.token('p-oc', `oc_member@${A}`);
    const stats = verifyExportText(seed.text).statistics!;
    const posted = (await api.call('GET', `/v1/compounds/${A}/disputes`, { token: oc })).json() as { statistics: unknown };
    t.same(stats.disputes, posted.statistics, 'disputes by category and outcome');
    const res = await api.call('GET', `/v1/compounds/${A}/scores?from=2000-01-01T00:00:00.000Z&to=2099-01-01T00:00:00.000Z`, { token: oc });
    t.same(stats.partyScores, (res.json() as { scores?: unknown }).scores, `the parties\u2019 scores: ${res.statusCode} ${res.body.slice(0, 300)}`);
    t.match(stats.partyScores, [{ party: 'firm', dispatched: 1, accepted: 1, completedOnTime: 1, rated: 1 }]);
  });

  t.test('the command line prints the recomputed statistics and names a mismatch with its record', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'verify-contexts-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    const run = (text: string) => {
      const path = join(dir, 'export.json');
      writeFileSync(path, text);
      const lines: string[] = [];
      const log = console.log;
      console.log = (line: string) => void lines.push(line);
      try {
        return { code: main([path]), lines };
      } finally {
        console.log = log;
      }
    };
    const fresh = run(seed.text);
    t.equal(fresh.code, 0, fresh.lines.join('\n'));
    t.ok(fresh.lines.some((l) => /^STATISTIC party score firm: 92\.50/.test(l)), 'the parties\u2019 scores');
    t.ok(fresh.lines.some((l) => /^STATISTIC disputes service: open 0, agreed 1/.test(l)), 'the disputes by outcome');
    t.match(fresh.lines.at(-1), /1 contracts with 1 held-back releases, 2 residents' items/);
    const bad = run(resealed(once('ItemDecided', (d) => (d.adopted = false))));
    t.equal(bad.code, 1);
    t.ok(bad.lines.some((l) => /^MISMATCH residents: event \d+ \(stream residents-meeting-.* ItemDecided\): item lift posts/.test(l)), bad.lines.join('\n'));
  });

  t.test('committee: the seated members follow the election decision', async (t) => {
    caught(t, once('CommitteeSeated', (d) => void d.members.pop()), 'committee', 'CommitteeSeated', /elected/);
    caught(t, once('CommitteeSeated', (d) => (d.unfilledSeats = 0)), 'committee', 'CommitteeSeated', /unfilled/);
  });
  t.test('committee: the term follows the election', async (t) => {
    caught(t, once('CommitteeSeated', (d) => (d.termEndsAt = new Date(Date.parse(d.termEndsAt) + 365 * 86_400_000).toISOString())), 'committee', 'CommitteeSeated', /term ends/);
    caught(t, once('CommitteeSeated', (d) => (d.seats = 5)), 'committee', 'CommitteeSeated', /seats/);
  });
  t.test('committee: officers and meetings against ALL members', async (t) => {
    caught(t, once('OfficersElected', (d) => (d.votes[d.chair] = 1)), 'committee', 'OfficersElected', /not more than half/);
    caught(t, once('MeetingHeld', (d) => (d.items[1].adopted = true)), 'committee', 'MeetingHeld', /item b/);
    caught(t, once('MeetingHeld', (d) => (d.quorumMet = false)), 'committee', 'MeetingHeld', /quorum/);
  });

  t.test('hiring: the contract follows the adopted bid', async (t) => {
    caught(t, once('ContractDrawn', (d) => (d.feePerSquareMetreMonth = '1.70')), 'hiring', 'ContractDrawn', /adopted bid/);
    caught(t, once('ContractDrawn', (d) => (d.firm.firmId = FIRM_Y.code)), 'hiring', 'ContractDrawn', /adopted/);
    caught(t, once('ContractDrawn', (d) => (d.chargeableArea = '300.00')), 'hiring', 'ContractDrawn', /registry/);
  });
  t.test('hiring: held-back fees per quarter', async (t) => {
    caught(t, once('ContractDrawn', (d) => (d.heldBackTotal = '1.00')), 'hiring', 'ContractDrawn', /holds back/);
    caught(t, once('ContractSigned', (d) => (d.periods[0].heldBack = '0.01')), 'hiring', 'ContractSigned', /quarters hold back/);
    caught(t, once('HeldBackFeesReleased', (d) => (d.released = '0.00')), 'hiring', 'HeldBackFeesReleased', /recomputed/);
    caught(t, once('AssessmentScored', (d) => (d.total = 95)), 'hiring', 'AssessmentScored', /items sum/);
    caught(t, once('HeldBackFeesReleased', (d) => (d.score = 95)), 'hiring', 'HeldBackFeesReleased', /confirmed assessment/);
  });
  t.test('hiring: a fee adjustment only on the owners\u2019 decision, the later quarters from the new fee', async (t) => {
    caught(t, once('FeeStandardChanged', (d) => (d.fee = '2.00')), 'hiring', 'FeeStandardChanged', /adopted 1.80/);
    caught(t, once('FeeStandardChanged', (d) => (d.periods[d.periods.length - 1].heldBack = '0.01')), 'hiring', 'FeeStandardChanged', /new fee/);
    caught(t, once('FeeStandardChanged', (d) => (d.periods[0].heldBack = '0.01')), 'hiring', 'FeeStandardChanged', /started before/);
    caught(t, once('FeeAdjustmentAdopted', (d) => (d.fee = '2.00')), 'hiring', 'FeeAdjustmentAdopted', /proposed 1.80/);
  });

  t.test("residents' meetings by the residents' rule", async (t) => {
    caught(t, once('ItemDecided', (d) => (d.adopted = false)), 'residents', 'ItemDecided', /recomputed/);
    caught(t, once('ItemDecided', (d) => (d.present = 1)), 'residents', 'ItemDecided', /recomputed/);
    caught(t, once('ResidentsMeetingConvened', (d) => (d.size = 5)), 'residents', 'ResidentsMeetingConvened', /constituency/);
    caught(t, once('ResidentsRollRecorded', (d) => (d.totals.adults = 9)), 'residents', 'ResidentsRollRecorded', /totals/);
    const fee = (change: (d: any) => void): Doctor => (e) => void (e.type === 'ItemDecided' && e.data.itemId === 'fee' && change(e.data));
    caught(t, fee((d) => ((d.inFavour = 2), (d.against = 0), (d.adopted = true))), 'residents', 'ItemDecided', /item fee posts .*recomputed .*"inFavour":1/);
    caught(t, fee((d) => (d.adopted = true)), 'residents', 'ItemDecided', /item fee posts/);
    caught(t, (e) => void (e.type === 'RepresentativeVoted' && e.data.representativeId === 'r2' && (e.data.choice = 'for')), 'residents', 'ItemDecided', /item fee posts/);
    caught(t, once('ConveneRequestSigned', (d) => (d.signed.adults = 1)), 'residents', 'ConveneRequestSigned', /recomputed/);
    caught(t, once('ConveneRequestReached', (d) => (d.by = ['groups'])), 'residents', 'ConveneRequestReached', /reaches/);
  });

  t.test('joint meetings: what their statistics rest on', async (t) => {
    caught(t, once('TaskClosed', (d) => (d.onTime = false)), 'joint', 'TaskClosed', /late/);
    caught(t, once('RequestCompleted', (d) => (d.onTime = false)), 'joint', 'RequestCompleted', /late/);
    caught(t, once('ResolutionAdopted', (d) => d.agreedBy.push('street_office')), 'joint', 'ResolutionAdopted', /not present/);
    caught(t, once('JointResultsPublished', (d) => (d.late = !d.late)), 'joint', 'JointResultsPublished', /results posted/);
  });

  t.test('disputes: the course of each mediation', async (t) => {
    caught(t, once('MediationStarted', (d) => (d.dueBy = d.startedAt)), 'disputes', 'MediationStarted', /not after/);
    caught(t, (e) => void (e.type === 'DisputeFiled' && e.data.description === '保洁不到位' && (e.type = 'DisputeFiledX')), 'disputes', 'MediationStarted', /never filed/);
  });
});
