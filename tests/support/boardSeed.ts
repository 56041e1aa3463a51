/**
 * A compound for the notice-board tests, seeded over HTTP: 12 units whose owners' person ids are shaped like
 * phone numbers and ID numbers (so a page leaking one is caught by shape as well as by value), a yes_no
 * motion voted, closed and made final, an election (candidates' names are posted), and a choose_one motion
 * still open. Returns the positions around one ballot, for time travel.
 */
import type { Test } from 'tap';
import type { ManualClock } from '../../services/clock.js';
import { startTestApi, type TestApi } from './api.js';

const DAY = 24 * 3600 * 1000;

/** Person ids shaped like a mainland mobile number (11 digits, 1[3-9]…) or an 18-character ID number. */
export const seededPersonId = (i: number): string => (i % 2 === 0 ? `m139${String(100_000_000 + i).slice(1)}` : `id110101199003${String(i).padStart(3, '0')}12X`);
export const seededOwnerName = (i: number): string => `隐私业主${String.fromCharCode(0x7532 + i)}`;
export const PHONE_SHAPE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
export const ID_SHAPE = /(?<!\d)\d{17}[\dXx](?!\d)/;
/**
 * A page without its non-personal hex identifiers (UUIDs of compounds and records, the log head's hashes and key
 * id), so the phone and ID shapes are looked for where a person's number could be, not by chance inside a random
 * hash (a 64-hex hash holds an 11-digit run starting 1[3-9] about once in 50: the board tests failed so).
 */
export const withoutHex = (html: string): string => html.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>').replace(/\b(?=[0-9a-f]*[a-f])[0-9a-f]{16,}\b/gi, '<hex>');

export interface BoardSeed {
  readonly api: TestApi;
  readonly clock: ManualClock;
  readonly compoundId: string;
  readonly convenor: string;
  readonly owner: (i: number) => Promise<string>;
  readonly units: readonly { readonly unitId: string; readonly area: string }[];
  /** yes_no, final; `beforeBallot`/`afterBallot`: the log positions just before and at its 4th ballot. */
  readonly yesNo: { readonly motionId: string; readonly beforeBallot: string; readonly afterBallot: string; readonly afterBallotAt: string; readonly decisionId: string };
  readonly election: { readonly motionId: string; readonly candidates: readonly string[] };
  readonly open: { readonly motionId: string };
}

export async function seedBoard(t: Test): Promise<BoardSeed> {
  const api = await startTestApi();
  t.teardown(() => api.close());
  const clock = api.runtime.deps.clock as ManualClock;
  const admin = await api.token('p-admin', 'admin');
  const created = await api.call('POST', '/v1/compounds', { token: admin, body: { name: '翠湖花园', address: '杭州市西湖区文三路 1 号', jurisdiction: 'national' } });
  const { compoundId } = created.json() as { compoundId: string };
  const areas = ['88.5', '120.25', '95', '143.1234', '60', '77.77', '101', '99.9999', '130', '88', '66.6', '150'];
  const units = areas.map((area, i) => ({ unitId: `${i < 6 ? 1 : 2}-1-${101 + i}`, building: i < 6 ? '1' : '2', area, areaSource: 'registry', owners: [{ personId: seededPersonId(i), name: seededOwnerName(i) }] }));
  const imported = await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } });
  if (imported.statusCode !== 201) throw new Error(imported.body);
  const convenor = await api.token('p-oc', `oc_member@${compoundId}`);
  const owner = (i: number) => api.token(seededPersonId(i), `owner@${compoundId}`);
  const ok = async (p: Promise<{ statusCode: number; body: string; json(): unknown }>) => {
    const r = await p;
    if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
    return r.json() as Record<string, string>;
  };
  const propose = (body: Record<string, unknown>) => {
    const now = clock.now().getTime();
    return ok(api.call('POST', `/v1/compounds/${compoundId}/motions`, { token: convenor, body: { description: '', opensAt: new Date(now + 20 * DAY).toISOString(), closesAt: new Date(now + 27 * DAY).toISOString(), ...body } }));
  };
  const step = (motionId: string, what: string) => ok(api.call('POST', `/v1/motions/${motionId}/${what}`, { token: convenor }));
  const ballot = async (motionId: string, i: number, body: Record<string, unknown>) => ok(api.call('POST', `/v1/motions/${motionId}/ballots`, { token: await owner(i), body: { unitId: units[i]!.unitId, ...body } }));

  // Three motions proposed and noticed together, opened together after the notice period.
  const yesNo = (await propose({ title: '更换小区门禁系统', matter: 'other_major' })).motionId!;
  const election = (await propose({ title: '选举第二届业主委员会', matter: 'elect_committee', form: 'elect', seats: 2, candidates: [{ candidateId: 'c1', name: '张三' }, { candidateId: 'c2', name: '李四' }, { candidateId: 'c3', name: '王五' }], proposal: { seats: 2 } })).motionId!;
  const chooser = (await propose({ title: '选择外墙涂料颜色', matter: 'other_major', form: 'choose_one', closesAt: new Date(clock.now().getTime() + 60 * DAY).toISOString(), options: [{ optionId: 'grey', label: '浅灰' }, { optionId: 'sand', label: '米黄' }] })).motionId!;
  for (const m of [yesNo, election, chooser]) await step(m, 'notice');
  clock.set(new Date(clock.now().getTime() + 20 * DAY));
  for (const m of [yesNo, election, chooser]) await step(m, 'open');

  const positions: string[] = [];
  const times: string[] = [];
  for (const [i, choice] of [[0, 'for'], [1, 'for'], [2, 'against'], [3, 'for'], [4, 'for'], [5, 'for'], [6, 'abstain'], [7, 'for'], [8, 'for']] as const) {
    clock.set(new Date(clock.now().getTime() + 3600_000));
    positions.push((await ballot(yesNo, i, { choice })).position!);
    times.push(clock.now().toISOString());
  }
  for (const i of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]) await ballot(election, i, { candidates: i < 7 ? { c1: 'for', c2: 'for' } : { c3: 'for', c2: 'against' } });
  for (const i of [0, 1, 2, 5]) await ballot(chooser, i, { option: i === 2 ? 'sand' : 'grey' });

  clock.set(new Date(clock.now().getTime() + 7 * DAY));
  for (const m of [yesNo, election]) {
    const closed = await api.call('POST', `/v1/motions/${m}/close`, { token: convenor });
    if (![201, 409].includes(closed.statusCode)) throw new Error(closed.body);
    await step(m, 'result');
  }
  const { decisionId } = await ok(api.call('POST', `/v1/motions/${yesNo}/final`, { token: convenor }));
  await ok(api.call('POST', `/v1/motions/${election}/final`, { token: convenor }));
  return {
    api,
    clock,
    compoundId,
    convenor,
    owner,
    units,
    yesNo: { motionId: yesNo, beforeBallot: (BigInt(positions[3]!) - 1n).toString(), afterBallot: positions[3]!, afterBallotAt: times[3]!, decisionId: decisionId! },
    election: { motionId: election, candidates: ['张三', '李四', '王五'] },
    open: { motionId: chooser },
  };
}
