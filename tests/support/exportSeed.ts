/**
 * A compound for the export tests, seeded over HTTP: owners whose person ids are shaped like phone and ID
 * numbers, with names; a unit held by two co-owners and an owner of two units (one head each, 区分所有权解释
 * Art. 9); a final use_maintenance_fund decision for building 3, the ledgers with first deposits, and a release
 * on that decision through advance, acceptance, audit and settlement; a second compound that must not leak in.
 */
import type { Test } from 'tap';
import type { ManualClock } from '../../services/clock.js';
import { startTestApi, type TestApi } from './api.js';

const DAY = 24 * 3600 * 1000;

export const OWNERS = [
  { personId: 'm13912345670', name: '隐私业主甲' },
  { personId: 'm13912345671', name: '隐私业主乙' },
  { personId: 'id11010119900307123X', name: '隐私业主丙' },
  { personId: 'm13912345673', name: '隐私业主丁' },
  { personId: 'id11010119900307124X', name: '隐私业主戊' },
];

export interface ExportSeed {
  readonly api: TestApi;
  readonly compoundId: string;
  readonly otherCompoundId: string;
  readonly motionId: string;
  readonly decisionId: string;
  readonly releaseId: string;
  readonly convenor: string;
}

export async function seedExport(t: Test): Promise<ExportSeed> {
  const api = await startTestApi();
  t.teardown(() => api.close());
  const clock = api.runtime.deps.clock as ManualClock;
  const admin = await api.token('p-admin', 'admin');
  const ok = async (p: Promise<{ statusCode: number; body: string; json(): unknown }>) => {
    const r = await p;
    if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
    return r.json() as Record<string, string>;
  };
  const register = (name: string) => ok(api.call('POST', '/v1/compounds', { token: admin, body: { name, address: '文三路 1 号', jurisdiction: 'hangzhou' } }));
  const { compoundId } = await register('翠湖花园');
  const { compoundId: otherCompoundId } = await register('另一小区');
  const [a, b, c, d, e] = OWNERS as [typeof OWNERS[0], typeof OWNERS[0], typeof OWNERS[0], typeof OWNERS[0], typeof OWNERS[0]];
  const units = [
    { unitId: '1-1-101', building: '1', area: '90', owners: [a] },
    { unitId: '3-1-101', building: '3', area: '88.1234', owners: [b, c] },
    { unitId: '3-1-102', building: '3', area: '100', owners: [d] },
    { unitId: '3-1-201', building: '3', area: '75.5', owners: [d] },
    { unitId: '3-1-202', building: '3', area: '120.0325', owners: [e] },
  ].map((u) => ({ ...u, areaSource: 'registry' }));
  await ok(api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } }));
  await ok(api.call('POST', `/v1/compounds/${otherCompoundId}/units`, { token: admin, body: { units: [{ unitId: '9-1-101', building: '9', area: '50', areaSource: 'registry', owners: [{ personId: 'p-other', name: '别处业主' }] }] } }));
  const oc = await api.token('p-oc', `oc_member@${compoundId}`);
  const firm = await api.token('p-firm', `property_firm@${compoundId}`);

  await ok(api.call('POST', `/v1/compounds/${compoundId}/funds`, { token: oc, body: { ratePerSquareMetre: '120.50', evidenceRef: '杭房〔2026〕1号' } }));
  for (const u of units) await ok(api.call('POST', `/v1/compounds/${compoundId}/funds/deposits`, { token: oc, body: { unitId: u.unitId, basis: 'first_deposit', evidence: [`slip-${u.unitId}`] } }));

  const proposal = { plan: '3号楼屋面防水', budget: '20000.00', chargeScope: { kind: 'buildings', buildings: ['3'] }, works: [{ item: '屋面防水层' }], contractor: { name: '甲建筑公司' } };
  const now = clock.now().getTime();
  const { motionId } = await ok(api.call('POST', `/v1/compounds/${compoundId}/motions`, { token: oc, body: { title: '3号楼屋面', description: '', matter: 'use_maintenance_fund', buildings: ['3'], proposal, opensAt: new Date(now + 20 * DAY).toISOString(), closesAt: new Date(now + 27 * DAY).toISOString() } }));
  await ok(api.call('POST', `/v1/motions/${motionId}/notice`, { token: oc }));
  clock.set(new Date(now + 20 * DAY));
  await ok(api.call('POST', `/v1/motions/${motionId}/open`, { token: oc }));
  for (const [owner, unitId, choice] of [[b, '3-1-101', 'for'], [d, '3-1-201', 'for'], [e, '3-1-202', 'against']] as const) {
    await ok(api.call('POST', `/v1/motions/${motionId}/ballots`, { token: await api.token(owner.personId, `owner@${compoundId}`), body: { unitId, choice } }));
  }
  clock.set(new Date(now + 27 * DAY + 1000));
  const closed = await api.call('POST', `/v1/motions/${motionId}/close`, { token: oc });
  if (![201, 409].includes(closed.statusCode)) throw new Error(closed.body);
  await ok(api.call('POST', `/v1/motions/${motionId}/result`, { token: oc }));
  clock.set(new Date(now + 40 * DAY));
  const { decisionId } = await ok(api.call('POST', `/v1/motions/${motionId}/final`, { token: oc }));
  if (!decisionId) throw new Error('the seeded motion adopted nothing');

  const { releaseId } = await ok(api.call('POST', `/v1/compounds/${compoundId}/releases`, { token: firm, body: { decisionId, contractPrice: '18000.00', contractor: { name: '甲建筑公司' }, chargeScope: { kind: 'buildings', buildings: ['3'] }, evidence: ['合同 2026-07'] } }));
  const step = (path: string, body: Record<string, unknown>) => ok(api.call('POST', `/v1/compounds/${compoundId}/releases/${releaseId}/${path}`, { token: oc, body }));
  await step('advance', { amount: '5400.00', evidence: ['预付申请'] });
  await step('acceptance', { acceptanceRef: '验收记录 2026-08-01' });
  await step('audit', { auditedAmount: '19500.37', auditRef: '审价报告 2026-015' });
  await step('settlement', { evidence: ['结算单'] });
  return { api, compoundId: compoundId!, otherCompoundId: otherCompoundId!, motionId: motionId!, decisionId, releaseId: releaseId!, convenor: oc };
}
