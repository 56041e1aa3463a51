/**
 * Disputes' deadlines: the mediation's one-month limit (司法部《人民调解工作若干规定》 Art. 33; extendable once by
 * ≤ 30 days), met when it ends; and after an agreement the 30 days to apply for judicial confirmation
 * (人民调解法 Art. 33), met when the application is recorded.
 */
import type { AgreementSignedData, DisputeFiledData, MediationExtendedData, MediationStartedData } from '../../domain/disputes/index.js';
import type { DeadlineSource } from '../platform/deadlines.js';

export const MEDIATION_LIMIT = 'mediation_limit';
export const JUDICIAL_CONFIRMATION = 'judicial_confirmation';

export const disputesDeadlineSource: DeadlineSource = {
  name: 'disputes',
  handles: ['DisputeFiled', 'MediationStarted', 'MediationExtended', 'AgreementSigned', 'MediationRefused', 'MediationFailed', 'JudicialConfirmationApplied'],
  changes(event, recall) {
    const { disputeId } = event.data as { disputeId: string };
    const record = { type: 'dispute', id: disputeId };
    const limit = `${MEDIATION_LIMIT}:${disputeId}`;
    const compoundId = recall(disputeId)?.compoundId ?? '';
    const at = (k: string) => (event.data as Record<string, string>)[k]!;
    const declareLimit = (dueAt: string) => ({
      op: 'declare' as const,
      deadline: { deadlineId: limit, compoundId, kind: MEDIATION_LIMIT, dueAt, source: { article: '司法部《人民调解工作若干规定》 Art. 33 (one month, extendable ≤ 30 days)', jurisdiction: 'national' }, record },
    });
    switch (event.type) {
      case 'DisputeFiled':
        return [{ op: 'remember', key: disputeId, facts: { compoundId: (event.data as DisputeFiledData).compoundId } }];
      case 'MediationStarted':
        return [declareLimit((event.data as MediationStartedData).dueBy)];
      case 'MediationExtended':
        return [declareLimit((event.data as MediationExtendedData).dueBy)];
      case 'AgreementSigned': {
        const d = event.data as AgreementSignedData;
        return [
          { op: 'meet', deadlineId: limit, at: d.signedAt },
          {
            op: 'declare',
            deadline: { deadlineId: `${JUDICIAL_CONFIRMATION}:${disputeId}`, compoundId, kind: JUDICIAL_CONFIRMATION, dueAt: d.confirmationDueBy, source: { article: '人民调解法 Art. 33', jurisdiction: 'national' }, record },
          },
        ];
      }
      case 'MediationRefused':
        return [{ op: 'meet', deadlineId: limit, at: at('refusedAt') }];
      case 'MediationFailed':
        return [{ op: 'meet', deadlineId: limit, at: at('failedAt') }];
      case 'JudicialConfirmationApplied':
        return [{ op: 'meet', deadlineId: `${JUDICIAL_CONFIRMATION}:${disputeId}`, at: at('appliedAt') }];
      default:
        return [];
    }
  },
};
