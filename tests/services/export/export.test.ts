/**
 * The export over HTTP and on the command line: who may fetch it; it holds the compound's streams and no other
 * compound's; no name, phone-shaped or ID-shaped person id of the seeded owners appears, yet co-owners stay one
 * owner set (one head) on the frozen roll and the same person has the same pseudonym throughout; `cli export`
 * and `npm run verify-export` agree with exit codes 0 and 1.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import type { ExportFile } from '../../../verifier/format.js';
import { OWNERS, seedExport } from '../../support/exportSeed.js';
import { withoutHex } from '../../support/boardSeed.js';

const run = promisify(execFile);
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');

t.test('export', async (t) => {
  const seed = await seedExport(t);
  const path = `/v1/compounds/${seed.compoundId}/export`;

  t.test('the convenor, the supervisory board and an admin may fetch it; others may not', async (t) => {
    t.equal((await seed.api.call('GET', path)).statusCode, 401);
    t.equal((await seed.api.call('GET', path, { token: await seed.api.token(OWNERS[0]!.personId, `owner@${seed.compoundId}`) })).json().code, 'insufficient_grant');
    t.equal((await seed.api.call('GET', path, { token: await seed.api.token('p-firm', `property_firm@${seed.compoundId}`) })).statusCode, 403);
    t.equal((await seed.api.call('GET', path, { token: await seed.api.token('p-sup', `supervisor@${seed.compoundId}`) })).statusCode, 200);
    t.equal((await seed.api.call('GET', path, { token: await seed.api.token('p-admin', 'admin') })).statusCode, 200);
    const missing = await seed.api.call('GET', '/v1/compounds/no-such-compound/export', { token: await seed.api.token('p-admin', 'admin') });
    t.equal(missing.statusCode, 404);
    t.equal(missing.json().code, 'compound_not_found');
  });

  t.test('the compound\u2019s streams, pseudonymised: no name or person id, co-owners one head', async (t) => {
    const res = await seed.api.call('GET', path, { token: seed.convenor });
    t.match(res.headers['content-disposition'], /attachment; filename="export-/);
    const text = res.body;
    const file = JSON.parse(text) as ExportFile;
    for (const o of OWNERS) {
      t.notOk(text.includes(o.personId), `no person id ${o.personId}`);
      t.notOk(text.includes(o.name), `no name ${o.name}`);
    }
    // Hashes, ids and signatures are random digits and letters: an 11-digit run starting 1[3-9] turns up in them by chance.
    const prose = withoutHex(text).replace(/[A-Za-z0-9+/_-]{40,}={0,2}/g, '<token>');
    t.notOk(/(?<!\d)1[3-9]\d{9}(?!\d)/.test(prose), 'nothing phone-shaped');
    t.notOk(/(?<!\d)\d{17}[\dXx](?!\d)/.test(prose), 'nothing ID-shaped');
    t.notOk(text.includes('p-oc') || text.includes('p-firm'), 'no actor\u2019s person id');
    t.notOk(text.includes(seed.otherCompoundId) || text.includes('别处业主') || text.includes('p-other'), 'nothing of the other compound');
    t.ok(file.events.every((e) => !('requestHash' in e.metadata)));
    const streams = new Set(file.events.map((e) => e.streamId.replace(/-.*/, '')));
    t.same([...streams].sort(), ['ballot', 'compound', 'funds', 'motion'].sort());

    const opened = file.events.find((e) => e.type === 'MotionOpened')!.data as { roll: { voters: { voterId: string; ownerPersonIds: string[]; units: { unitId: string }[] }[]; eligible: { headcount: number } } };
    const byUnit = new Map(opened.roll.voters.flatMap((v) => v.units.map((u) => [u.unitId, v] as const)));
    t.equal(byUnit.get('3-1-101')!.ownerPersonIds.length, 2, 'the co-owners are one owner set');
    t.equal(byUnit.get('3-1-102'), byUnit.get('3-1-201'), 'one owner of two units is one head');
    t.equal(opened.roll.eligible.headcount, 3);
    t.ok(opened.roll.voters.every((v) => v.ownerPersonIds.every((p) => /^p-[0-9a-f]{32}$/.test(p)) && /^owners:[0-9a-f]{32}$/.test(v.voterId)));
    const imported = file.events.find((e) => e.type === 'UnitsImported')!.data as { units: { unitId: string; owners: { personId: string; name?: string }[] }[] };
    const d = imported.units.find((u) => u.unitId === '3-1-102')!.owners[0]!;
    t.equal(d.name, undefined, 'the owner\u2019s name is dropped');
    t.equal(imported.units.find((u) => u.unitId === '3-1-201')!.owners[0]!.personId, d.personId, 'the same person, the same pseudonym');
    t.ok(byUnit.get('3-1-102')!.ownerPersonIds.includes(d.personId), 'the roll and the registry agree');
    const ballot = file.events.find((e) => e.type === 'BallotCast')!;
    t.match(ballot.streamId, /^ballot-.*-owners:[0-9a-f]{32}$/, 'ballot streams are renamed with the pseudonymous voter id');

    const again = (await seed.api.call('GET', path, { token: seed.convenor })).json() as ExportFile;
    t.same(again.events.map((e) => e.data), file.events.map((e) => e.data), 'the pseudonyms are stable across exports');
  });

  t.test('cli export, then npm run verify-export: 0 on the export, 1 on a changed byte', async (t) => {
    const dir = t.testdir({});
    const file = join(dir, 'export.json');
    const env = { ...process.env, DATA_DIR: seed.api.dataDir };
    const exported = await run(tsx, ['services/cli/main.ts', 'export', seed.compoundId, file], { env });
    t.match(exported.stdout, /wrote .*export\.json: \d+ events/);
    const ok = await run(tsx, ['verifier/cli.ts', file]);
    t.match(ok.stdout, /^OK: compound /m);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"choice":"against"', '"choice":"abstain"'));
    const failed = await run(tsx, ['verifier/cli.ts', file]).then(
      () => null,
      (e: { code: number; stdout: string }) => e,
    );
    t.equal(failed?.code, 1);
    t.match(failed?.stdout, /MISMATCH chain: event \d+ \(stream ballot-/);
    t.match(failed?.stdout, /FAILED: \d+ mismatch/);
  });
});
