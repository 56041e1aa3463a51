/**
 * `npm run demo`: a whole owners' vote over HTTP on a fresh data directory. It starts the server with the
 * manual clock (so the 15-day notice can pass in a second), registers a realistic compound (6 buildings,
 * 1,200 units of varied area, multi-unit owners, co-owners, developer-held units), proposes a motion to use
 * the maintenance fund, gives notice, opens, lets about four in five households vote, closes and prints the
 * tally and the published result.
 */
import { mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseGrant, type Grant } from '../auth/grants.js';
import { issueToken } from '../auth/tokens.js';
import { manualClock } from '../clock.js';
import { loadConfig, loadToolConfig } from '../config.js';
import { startRuntime } from '../runtime.js';

const DAY = 24 * 3600 * 1000;

/** A small deterministic PRNG (mulberry32) so every run builds the same compound. */
function prng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface DemoUnit {
  unitId: string;
  building: string;
  area: string;
  areaSource: 'registry' | 'survey' | 'contract';
  owners: Array<{ personId: string; name: string }>;
  developerHeld?: boolean;
}

function buildCompound(): DemoUnit[] {
  const random = prng(278);
  const units: DemoUnit[] = [];
  let person = 0;
  const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
  const newOwner = () => ({ personId: `person-${++person}`, name: `${surnames[person % surnames.length]}某${person}` });
  let pendingSecond: { personId: string; name: string } | null = null;
  for (let b = 1; b <= 6; b++) {
    for (let floor = 1; floor <= 25; floor++) {
      for (let room = 1; room <= 8; room++) {
        const unitId = `${b}-${1 + ((room - 1) >> 2)}-${floor}${String(room).padStart(2, '0')}`;
        // 60–160 m², with registry figures to 2 decimals and some survey figures to 4.
        const whole = 60 + Math.floor(random() * 100);
        const survey = random() < 0.15;
        const area = survey ? `${whole}.${String(Math.floor(random() * 10_000)).padStart(4, '0')}` : `${whole}.${String(Math.floor(random() * 100)).padStart(2, '0')}`;
        const r = random();
        let owners: DemoUnit['owners'] = [];
        let developerHeld = false;
        if (r < 0.04) developerHeld = true; // unsold or undelivered
        else if (r < 0.16) owners = [newOwner(), newOwner()]; // co-owners (共有)
        else if (r < 0.22 && pendingSecond) {
          owners = [pendingSecond]; // the same person's second unit
          pendingSecond = null;
        } else {
          const o = newOwner();
          if (random() < 0.1) pendingSecond = o;
          owners = [o];
        }
        units.push({ unitId, building: String(b), area, areaSource: survey ? 'survey' : 'registry', owners, ...(developerHeld ? { developerHeld } : {}) });
      }
    }
  }
  return units;
}

async function main() {
  const dataDir = mkdtempSync(join(loadToolConfig().dataDir, 'demo-'));
  // PORT is honoured (unset: any free port), so the demo can run beside a server on 3000.
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, CLOCK: 'manual', PORT: process.env.PORT ?? '0' });
  const clock = manualClock(new Date('2026-03-02T01:00:00.000Z'));
  const runtime = await startRuntime(config, { clock });
  const base = await runtime.app.listen({ port: 0, host: '127.0.0.1' });
  const key = runtime.deps.signingKey;
  const token = (sub: string, ...grants: string[]) => issueToken(key, sub, grants.map(parseGrant).filter((g): g is Grant => g !== null));
  const call = async (method: string, path: string, bearer: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${bearer}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  console.log(`demo data directory: ${dataDir}\nserver: ${base} (manual clock at ${clock.now().toISOString()})\n`);

  const admin = await token('demo-admin', 'admin');
  const { compoundId } = (await call('POST', '/v1/compounds', admin, { name: '翠湖花园', address: '杭州市西湖区文三路 478 号', jurisdiction: 'hangzhou' })) as { compoundId: string };
  const units = buildCompound();
  const street = await token('street-officer', `street_office@${compoundId}`);
  await call('POST', `/v1/compounds/${compoundId}/units`, street, { units });
  const electorate = await call('GET', `/v1/compounds/${compoundId}/electorate`, street);
  console.log(`compound 翠湖花园 (${compoundId}), Hangzhou rules: ${electorate.units} units, ${electorate.totalArea} m², ${electorate.headcount} heads`);
  console.log('  (multi-unit owners and co-owner groups count once; all developer-held units together count once)\n');

  const oc = await token('oc-chair', `oc_member@${compoundId}`);
  const opensAt = new Date(clock.now().getTime() + 17 * DAY).toISOString();
  const closesAt = new Date(clock.now().getTime() + 27 * DAY).toISOString();
  const { motionId } = (await call('POST', `/v1/compounds/${compoundId}/motions`, oc, {
    title: '使用维修资金更换 3 号楼电梯',
    description: '使用住宅专项维修资金更换 3 号楼两部电梯，预算 86 万元，由 3 号楼业主分摊。',
    matter: 'use_maintenance_fund',
    opensAt,
    closesAt,
  })) as { motionId: string };
  await call('POST', `/v1/motions/${motionId}/notice`, oc);
  console.log(`motion ${motionId}: use the maintenance fund (ordinary matter, Civil Code Art. 278 item 5); notice published`);
  clock.set(new Date(opensAt));
  await call('POST', `/v1/motions/${motionId}/open`, oc);
  console.log(`clock moved to ${opensAt}: notice period run, voting open, roll frozen`);

  // Each voter identity votes once, through any one of its units; about 80% turn out.
  const random = prng(1259);
  const identities = new Map<string, { unitId: string; personId: string | null }>();
  for (const u of units) {
    const key = u.developerHeld ? 'developer' : u.owners.map((o) => o.personId).sort().join('+');
    if (!identities.has(key)) identities.set(key, { unitId: u.unitId, personId: u.developerHeld ? null : u.owners[0]!.personId });
  }
  const developer = await token('developer-rep', `developer@${compoundId}`);
  const rc = await token('rc-staff', `rc_staff@${compoundId}`);
  let cast = 0;
  let paper = 0;
  const voters = [...identities.values()].filter(() => random() < 0.8);
  const jobs = voters.map(async (v, i) => {
    const r = random();
    const choice = r < 0.62 ? 'for' : r < 0.9 ? 'against' : 'abstain';
    if (v.personId !== null && i % 10 === 0) {
      // A paper ballot entered by residents'-committee staff with its evidence reference.
      await call('POST', `/v1/motions/${motionId}/ballots`, rc, { unitId: v.unitId, choice, channel: 'paper', onBehalfOf: v.personId, evidenceRef: `paper-box/${i}` });
      paper++;
    } else {
      const bearer = v.personId === null ? developer : await token(v.personId, `owner@${compoundId}`);
      await call('POST', `/v1/motions/${motionId}/ballots`, bearer, { unitId: v.unitId, choice });
    }
    cast++;
  });
  await Promise.all(jobs);
  console.log(`${cast} ballots cast over HTTP (${paper} paper ballots entered by RC staff)\n`);

  const live = await call('GET', `/v1/motions/${motionId}/tally`, oc);
  console.log('tally while voting is open:');
  console.log(JSON.stringify(live, null, 2));
  clock.set(new Date(closesAt));
  await call('POST', `/v1/motions/${motionId}/close`, oc);
  await call('POST', `/v1/motions/${motionId}/result`, oc);
  const final = (await call('GET', `/v1/motions/${motionId}/tally`, oc)) as Record<string, { area: string; headcount: number } | boolean | string>;
  const show = (k: string) => {
    const v = final[k] as { area: string; headcount: number };
    return `${v.area} m² / ${v.headcount} heads`;
  };
  console.log('\nresult (published):');
  console.log(`  eligible       ${show('eligible')}`);
  console.log(`  participating  ${show('participating')}   quorum (≥ 2/3 on both axes): ${final.quorumMet ? 'met' : 'NOT met'}`);
  console.log(`  for            ${show('for')}`);
  console.log(`  against        ${show('against')}`);
  console.log(`  abstain        ${show('abstain')}`);
  console.log(`  passed (> 1/2 of participating on both axes): ${final.passed}`);
  const board = await call('GET', `/v1/compounds/${compoundId}/motions`, oc);
  console.log(`
notice board: ${(board.motions as unknown[]).length} motion(s); ballot list: GET /v1/motions/${motionId}/ballots`);
  // board: the OC makes the compound's notice board public, so anyone can open it in a browser.
  await call('POST', `/v1/compounds/${compoundId}/board`, oc, { public: true });
  await runtime.close();
  console.log(`
done; the demo server has stopped. The log is in ${dataDir}/events.db: check it with`);
  console.log(`  DATA_DIR=${dataDir} npm run cli -- verify`);
  console.log(`or serve it again with  DATA_DIR=${dataDir} CLOCK=manual npm start  and open http://127.0.0.1:3000/board/${compoundId} (public)`);
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
