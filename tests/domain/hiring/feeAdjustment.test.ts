/** The fee adjustment's decider, given / when / then: 杭条例 Art. 53 (一)–(四). */
import t from 'tap';
import { feeAdjustmentDecider, type FeeAdjustmentEvent } from '../../../domain/hiring/index.js';
import { spec } from '../../support/deciderSpec.js';

const at = (iso: string) => () => ({ now: new Date(iso), newId: () => 'id-1', actor: { personId: 'p', role: 'oc_member' } });
const firm = { personId: 'f', grants: ['property_firm'] };
const oc = { personId: 'o', grants: ['oc_member'] };
const system = { personId: 'system', grants: ['system'] };
const proposed: FeeAdjustmentEvent = {
  type: 'FeeAdjustmentProposed',
  data: { adjustmentId: 'a1', contractId: 'c1', compoundId: 'k1', firmId: 'F', currentFee: '1.50', proposedFee: '1.80', auditReportRef: 'audit', range: 'all', reasons: 'wages', proposedAt: '2026-01-05T02:00:00.000Z' },
};
// Posted on 2026-01-05 (a Monday): 30 days from the next day end on 2026-02-04 at 24:00 China time.
const posted: FeeAdjustmentEvent = {
  type: 'FeeAdjustmentPosted',
  data: { adjustmentId: 'a1', contractId: 'c1', compoundId: 'k1', postedAt: '2026-01-05T02:00:00.000Z', postedUntil: '2026-02-04T16:00:00.000Z', article: '杭条例 Art. 53' },
};
const propose = { type: 'ProposeFeeAdjustment', data: { adjustmentId: 'a1', contractId: 'c1', compoundId: 'k1', firmId: 'F', currentFee: '1.50', proposedFee: '1.80', auditReportRef: 'audit', range: 'all', reasons: 'wages' } } as const;

t.test('杭条例 Art. 53 (一): the firm proposes with its audit report; without one it is refused', async (t) => {
  spec(feeAdjustmentDecider, at('2026-01-05T02:00:00Z')).given([]).when({ ...propose, by: firm }).then(t, [proposed]);
  spec(feeAdjustmentDecider, at('2026-01-05T02:00:00Z')).given([]).when({ ...propose, data: { ...propose.data, auditReportRef: ' ' }, by: firm }).then(t, 'invalid_adjustment');
  spec(feeAdjustmentDecider, at('2026-01-05T02:00:00Z')).given([]).when({ ...propose, by: oc }).then(t, 'not_entitled');
  spec(feeAdjustmentDecider, at('2026-01-05T02:00:00Z')).given([]).when({ ...propose, data: { ...propose.data, proposedFee: '1.50' }, by: firm }).then(t, 'invalid_adjustment');
});

t.test('杭条例 Art. 53 (三): posted 30 days, counted from the next day (Civil Code Art. 201)', async (t) => {
  spec(feeAdjustmentDecider, at('2026-01-05T02:00:00Z')).given([proposed]).when({ type: 'PostFeeAdjustment', data: {  }, by: oc }).then(t, [posted]);
  spec(feeAdjustmentDecider, at('2026-01-05T02:00:00Z')).given([proposed]).when({ type: 'PutFeeAdjustmentToOwners', data: { motionId: 'fee-a1' }, by: oc }).then(t, 'adjustment_not_posted');
});

t.test('杭条例 Art. 53 (四): to the owners only once the posting has run its 30 days', async (t) => {
  spec(feeAdjustmentDecider, at('2026-02-04T15:59:59Z')).given([proposed, posted]).when({ type: 'PutFeeAdjustmentToOwners', data: { motionId: 'fee-a1' }, by: oc }).then(t, 'posting_period_running');
  spec(feeAdjustmentDecider, at('2026-02-04T16:00:00Z'))
    .given([proposed, posted])
    .when({ type: 'PutFeeAdjustmentToOwners', data: { motionId: 'fee-a1' }, by: oc })
    .then(t, [{ type: 'FeeAdjustmentPutToOwners', data: { adjustmentId: 'a1', contractId: 'c1', compoundId: 'k1', motionId: 'fee-a1', at: '2026-02-04T16:00:00.000Z' } }]);
});

t.test('the owners decide: adopted with the decision, or rejected; a replay decides nothing', async (t) => {
  const put: FeeAdjustmentEvent = { type: 'FeeAdjustmentPutToOwners', data: { adjustmentId: 'a1', contractId: 'c1', compoundId: 'k1', motionId: 'fee-a1', at: '2026-02-05T00:00:00.000Z' } };
  const adopted: FeeAdjustmentEvent = { type: 'FeeAdjustmentAdopted', data: { adjustmentId: 'a1', contractId: 'c1', compoundId: 'k1', motionId: 'fee-a1', decisionId: 'd1', fee: '1.80', at: '2026-03-20T00:00:00.000Z' } };
  spec(feeAdjustmentDecider, at('2026-03-20T00:00:00Z')).given([proposed, posted, put]).when({ type: 'ResolveFeeAdjustment', data: { motionId: 'fee-a1', decisionId: 'd1' }, by: system }).then(t, [adopted]);
  spec(feeAdjustmentDecider, at('2026-03-20T00:00:00Z'))
    .given([proposed, posted, put])
    .when({ type: 'ResolveFeeAdjustment', data: { motionId: 'fee-a1', decisionId: null }, by: system })
    .then(t, [{ type: 'FeeAdjustmentRejected', data: { adjustmentId: 'a1', contractId: 'c1', compoundId: 'k1', motionId: 'fee-a1', at: '2026-03-20T00:00:00.000Z' } }]);
  spec(feeAdjustmentDecider, at('2026-03-21T00:00:00Z')).given([proposed, posted, put, adopted]).when({ type: 'ResolveFeeAdjustment', data: { motionId: 'fee-a1', decisionId: 'd1' }, by: system }).then(t, []);
  spec(feeAdjustmentDecider, at('2026-03-20T00:00:00Z')).given([proposed, posted, put]).when({ type: 'ResolveFeeAdjustment', data: { motionId: 'fee-a1', decisionId: 'd1' }, by: oc }).then(t, 'not_entitled');
});
