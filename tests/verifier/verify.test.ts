/**
 * The standalone verifier on real exports: a fresh export passes; a one-byte change anywhere in the file is
 * caught; an export whose posted result or ledger disagrees with its own events, re-chained and re-signed with
 * another key so that only the recomputation can tell, is caught with the record named.
 */
import { generateKeyPairSync } from 'node:crypto';
import t from 'tap';
import type { ExportFile } from '../../verifier/format.js';
import { verifyExportText } from '../../verifier/verify.js';
import { publicJwk } from '../../services/keys/logSigningKey.js';
import { resealExport, type Doctor } from '../support/resealExport.js';
import { seedExport } from '../support/exportSeed.js';

t.test('verify-export', async (t) => {
  const seed = await seedExport(t);
  const res = await seed.api.call('GET', `/v1/compounds/${seed.compoundId}/export`, { token: seed.convenor });
  t.equal(res.statusCode, 200, res.body.slice(0, 300));
  const text = res.body;
  const file = JSON.parse(text) as ExportFile;

  t.test('a fresh export passes, with the server\u2019s published key', async (t) => {
    const keys = (await seed.api.call('GET', '/v1/keys')).json() as { keys: { kid: string; x: string }[] };
    const result = verifyExportText(text, { keys: keys.keys });
    t.same(result.problems, []);
    t.equal(result.counts.results, 2, 'the preliminary and the final result were recomputed');
    t.equal(result.counts.decisions, 1);
    t.ok(result.counts.transfers > 5, 'the ledgers were recomputed');
    const other = generateKeyPairSync('ed25519').publicKey;
    t.match(verifyExportText(text, { keys: [publicJwk(other)] }).problems, [{ check: 'key' }], 'a key the server does not publish is named');
  });

  t.test('a one-byte change anywhere is caught', async (t) => {
    const bytes = Buffer.from(text, 'utf8');
    const at = new Set<number>([0, 1, bytes.length - 1, bytes.length - 2]);
    for (let i = 0; i < 60; i++) at.add(Math.floor(((i + 0.5) * bytes.length) / 60));
    for (const needle of ['"signature":"', '"sequence":"', '"head":"', '"exportedAt":"', '"area":"', '"choice":"', '"amount":"', '"x":"', '"position":"']) {
      const i = text.indexOf(needle);
      t.ok(i >= 0, needle);
      at.add(Buffer.byteLength(text.slice(0, i + needle.length), 'utf8') + 1);
    }
    for (const i of at) {
      const copy = Buffer.from(bytes);
      copy[i] = copy[i]! ^ 0x01;
      const result = verifyExportText(copy.toString('utf8'));
      t.ok(result.problems.length > 0, `byte ${i} of ${bytes.length} changed: ${result.problems[0]?.check ?? 'NOT CAUGHT'}`);
    }
  });

  /** The export with `doctor` applied to its events, then re-chained and re-signed with a key of our own. */
  const resealed = (doctor: Doctor): string => resealExport(file, doctor);

  t.test('re-sealing the export unchanged passes (the test key is sound)', async (t) => {
    t.same(verifyExportText(resealed(() => {})).problems, []);
  });

  t.test('a posted result that disagrees with its ballots is caught by the recomputation alone', async (t) => {
    const text2 = resealed((e) => {
      if (e.type === 'FinalResultPublished') e.data.totals.against = { area: '0.00', headcount: 0 };
    });
    const problems = verifyExportText(text2).problems;
    t.ok(problems.length > 0);
    t.ok(problems.every((p) => p.check === 'tally' || p.check === 'result'), JSON.stringify(problems));
    t.match(problems[0], { check: 'tally', record: /FinalResultPublished/, detail: /differ from the totals recomputed/ });
  });

  t.test('a ballot changed after the result is caught: the result no longer follows', async (t) => {
    const problems = verifyExportText(resealed((e) => {
      if (e.type === 'BallotCast' && e.data.choice === 'against') e.data.choice = 'for';
    })).problems;
    t.match(problems, [{ check: 'tally', record: /ResultPublished/ }]);
  });

  t.test('an outcome posted against its own totals is caught', async (t) => {
    const problems = verifyExportText(resealed((e) => {
      if (e.type === 'ResultPublished') e.data.outcome = { ...e.data.outcome, passed: !e.data.outcome.passed };
    })).problems;
    t.match(problems, [{ check: 'result', record: /ResultPublished/, detail: /outcome/ }]);
  });

  t.test('a payment whose decision is not the one it names, or a ledger figure that does not follow, is caught', async (t) => {
    const link = verifyExportText(resealed((e) => {
      if (e.type === 'ReleaseRequested') e.data.budget = '90000.00';
    })).problems;
    t.match(link, [{ check: 'link', record: /ReleaseRequested/, detail: /budget/ }]);
    const ledger = verifyExportText(resealed((e) => {
      if (e.type === 'ReleaseSettled') e.data.amount = '19000.00';
    })).problems;
    t.match(ledger, [{ check: 'ledger', record: /ReleaseSettled/ }]);
    const overdrawn = verifyExportText(resealed((e) => {
      if (e.type === 'DepositRecorded' && e.data.unitId === '3-1-202') e.data.transfer.amount = '1.00';
    })).problems;
    t.ok(overdrawn.some((p) => p.check === 'ledger' && /below zero/.test(p.detail)), JSON.stringify(overdrawn));
  });
});
