/** The contract's rules in the decider: the firm's non-renewal notice (Art. 947), hold-back arithmetic, sealed bids. */
import t from 'tap';
import {
  bidCommitment,
  contractDecider,
  periodShares,
  releaseFor,
  tenderDecider,
  termHeldBack,
  type ContractEvent,
  type TenderEvent,
  type TenderPublishedData,
} from '../../../domain/hiring/index.js';
import { spec } from '../../support/deciderSpec.js';

const firm = { personId: 'f-a', grants: ['property_firm'] };
const oc = { personId: 'p-oc', grants: ['oc_member'] };
const system = { personId: 'system', grants: ['system'] };
let n = 0;
const at = (iso: string) => () => ({ now: new Date(iso), newId: () => `id-${n++}`, actor: { personId: 'x', role: 'x' } });

const tender: TenderPublishedData = {
  tenderId: 't1', compoundId: 'c1', jurisdiction: 'hangzhou', title: '选聘', scope: '全区', standards: '二级', feeCeiling: '2.00', termMonths: 12,
  bidDeadline: '2026-03-10T00:00:00.000Z', revealUntil: '2026-03-13T16:00:00.000Z', criteria: [{ criterionId: 'price', name: '报价', weight: 100 }],
  holdBackPercent: 10, scoreRule: { fullAt: 90, noneBelow: 60 }, yellowLine: 70, assessmentTemplate: [{ itemId: 'all', name: '综合', points: 100 }], publishedAt: '2026-03-01T00:00:00.000Z',
};
const terms = { feePerSquareMetreMonth: '1.50', servicePlanRef: 'plan', staffing: 10, promises: [] };

function signedContract(): ContractEvent[] {
  const drawn = spec(contractDecider, at('2026-03-20T02:00:00.000Z'))
    .given([])
    .when({ type: 'DrawContract', data: { contractId: 't1', tender, motionId: 'tender-t1', decisionId: 'd1', firm: { firmId: 'X', name: 'A物业', creditCode: 'X' }, terms, chargeableArea: '1000' }, by: system })
    .events(t);
  const signed = spec(contractDecider, at('2026-03-20T02:00:00.000Z')).given([...drawn]).when({ type: 'SignContract', data: { startsOn: '2026-04-01', documentRef: 'c' }, by: oc }).events(t);
  return [...drawn, ...signed];
}

t.test('term 2026-04-01 + 12 months: last day 2027-03-31, ends at 24:00 China time', async (t) => {
  const [, signed] = signedContract();
  t.match(signed!.data, { lastDay: '2027-03-31', expiresAt: '2027-03-31T16:00:00.000Z' });
});

t.test('a non-renewal notice 90 days before expiry is on time; 89 days is recorded late (Civil Code Art. 947)', async (t) => {
  const given = signedContract();
  // Expiry at 24:00 on 2027-03-31 = the start of 2027-04-01; 90 days before is 2027-01-01.
  const onTime = spec(contractDecider, at('2027-01-01T02:00:00.000Z')).given(given).when({ type: 'GiveNonRenewalNotice', data: { documentRef: 'n1' }, by: firm }).events(t);
  t.match(onTime[0]!.data, { daysBefore: 90, requiredDays: 90, late: false, endsAt: '2027-03-31T16:00:00.000Z' });
  const late = spec(contractDecider, at('2027-01-02T02:00:00.000Z')).given(given).when({ type: 'GiveNonRenewalNotice', data: { documentRef: 'n1' }, by: firm }).events(t);
  t.match(late[0]!.data, { daysBefore: 89, requiredDays: 90, late: true, article: 'Civil Code Art. 947' });
  // The late notice still ends the contract at expiry (the firm cannot be made to renew), not indefinite.
  const expired = spec(contractDecider, at('2027-04-01T02:00:00.000Z')).given([...given, ...late]).when({ type: 'ExpireContract', data: {  }, by: system }).events(t);
  t.match(expired, [{ type: 'ServiceEnded', data: { reason: 'not_renewed', article: '杭条例 Art. 57' } }]);
  // With neither a notice nor a decision the contract becomes indefinite (Art. 948).
  spec(contractDecider, at('2027-04-01T02:00:00.000Z')).given(given).when({ type: 'ExpireContract', data: {  }, by: system }).then(t, [
    { type: 'ContractBecameIndefinite', data: { contractId: 't1', compoundId: 'c1', at: '2027-04-01T02:00:00.000Z', article: 'Civil Code Art. 948' } },
  ]);
});

t.test('held-back fees: the periods and the releases sum to the total, to the fen', async (t) => {
  // By hand: 153 fen × 10,333,333 (ten-thousandths of m²) × 12 × 7 = 132,803,995,716 → ÷ 10^6 = 132,803.995716 → 132,803 fen.
  const total = termHeldBack(153n, 10_333_333n, 12, 7);
  t.equal(total, 132_803n);
  const shares = periodShares(total, 4);
  t.same(shares, [33_201n, 33_201n, 33_201n, 33_200n]);
  t.equal(shares.reduce((a, b) => a + b, 0n), total);
  for (const score of [0, 59, 60, 61, 77, 89, 90, 100]) {
    const r = releaseFor(33_201n, score, { fullAt: 90, noneBelow: 60 });
    t.equal(r.released + r.withheld, 33_201n, `score ${score}: parts sum to the share`);
  }
  t.same(releaseFor(33_201n, 77, { fullAt: 90, noneBelow: 60 }), { released: 25_564n, withheld: 7_637n, band: 'pro_rata' });
  t.same(releaseFor(33_201n, 59, { fullAt: 90, noneBelow: 60 }).band, 'none');
  t.same(releaseFor(33_201n, 90, { fullAt: 90, noneBelow: 60 }).band, 'full');
});

t.test('sealed bids: nothing but a commitment before the deadline; a reveal must hash to it', async (t) => {
  const published: TenderEvent = { type: 'TenderPublished', data: tender };
  const commitment = bidCommitment('t1', 'F1', terms, 's'.repeat(32));
  const bid = spec(tenderDecider, at('2026-03-05T00:00:00.000Z')).given([published]).when({ type: 'SubmitBid', data: { firmId: 'F1', commitment }, by: firm }).events(t);
  t.same(Object.keys(bid[0]!.data).sort(), ['commitment', 'compoundId', 'firmId', 'submittedAt', 'tenderId'], 'no terms in the event');
  spec(tenderDecider, at('2026-03-10T00:00:00.000Z')).given([published]).when({ type: 'SubmitBid', data: { firmId: 'F2', commitment }, by: firm }).then(t, 'bid_after_deadline');
  spec(tenderDecider, at('2026-03-09T00:00:00.000Z')).given([published, ...bid]).when({ type: 'RevealBid', data: { firmId: 'F1', terms, salt: 's'.repeat(32) }, by: firm }).then(t, 'reveal_before_deadline');
  spec(tenderDecider, at('2026-03-11T00:00:00.000Z')).given([published, ...bid]).when({ type: 'RevealBid', data: { firmId: 'F1', terms: { ...terms, feePerSquareMetreMonth: '1.49' }, salt: 's'.repeat(32) }, by: firm }).then(t, 'reveal_mismatch');
  spec(tenderDecider, at('2026-03-11T00:00:00.000Z')).given([published, ...bid]).when({ type: 'RevealBid', data: { firmId: 'F1', terms, salt: 's'.repeat(32) }, by: firm }).events(t);
  spec(tenderDecider, at('2026-03-14T00:00:00.000Z')).given([published, ...bid]).when({ type: 'RevealBid', data: { firmId: 'F1', terms, salt: 's'.repeat(32) }, by: firm }).then(t, 'reveal_window_closed');
});
