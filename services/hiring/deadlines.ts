/**
 * The hiring context's deadlines: a sealed bid is revealed by the end of the reveal window; the project
 * manager reports to the RC within 3 days (京条例 Art. 66); the renew-or-replace decision 6 months before the
 * term ends (京条例 Art. 75); the end of the term (the server marks it: ended, or indefinite under Civil Code
 * Art. 948); the end of a notice period (Arts. 946, 948: the server ends the service); each handover item
 * (Art. 949 and the local article); a rectification after a yellow card; a complaint's answer (杭条例 Art. 50).
 */
import {
  contractStreamId,
  HIRING_RULES,
  type ContractEvent,
  type TenderEvent,
} from '../../domain/hiring/index.js';
import type { DeadlineChange, DeadlineSource } from '../platform/deadlines.js';
import { SYSTEM_FACTS } from '../platform/reactor.js';
import type { HiringService } from './service.js';

export const BID_REVEAL = 'bid_reveal';
export const MANAGER_REPORT = 'manager_report';
export const RENEWAL_DECISION = 'renewal_decision';
export const CONTRACT_EXPIRY = 'contract_expiry';
export const SERVICE_END = 'service_end';
export const HANDOVER = 'handover';
export const RECTIFICATION = 'rectification';
export const COMPLAINT_ANSWER = 'complaint_answer';

const STEP_GRACE_MS = 60_000;
const national = (article: string) => ({ article, jurisdiction: article.startsWith('京') ? 'beijing' : article.startsWith('杭') ? 'hangzhou' : article.startsWith('沪') ? 'shanghai' : 'national' });

export function hiringDeadlineSource(hiring: HiringService): DeadlineSource {
  return {
    name: 'hiring',
    handles: [
      'TenderPublished',
      'BidSubmitted',
      'BidRevealed',
      'ContractSigned',
      'ProjectManagerReported',
      'RenewalDecisionRecorded',
      'NonRenewalNoticeGiven',
      'DismissalNoticeGiven',
      'ContractBecameIndefinite',
      'ServiceEnded',
      'HandoverItemConfirmed',
      'YellowCardIssued',
      'RectificationReported',
      'ComplaintFiled',
      'ComplaintAnswered',
    ],
    changes(event, recall): DeadlineChange[] {
      const e = { type: event.type, data: event.data } as TenderEvent | ContractEvent;
      switch (e.type) {
        case 'TenderPublished':
          return [{ op: 'remember', key: `tender:${e.data.tenderId}`, facts: { revealUntil: e.data.revealUntil } }];
        case 'BidSubmitted': {
          const facts = recall(`tender:${e.data.tenderId}`);
          if (!facts) return [];
          return [
            {
              op: 'declare',
              deadline: {
                deadlineId: `${BID_REVEAL}:${e.data.tenderId}:${e.data.firmId}`,
                compoundId: e.data.compoundId,
                kind: BID_REVEAL,
                dueAt: facts.revealUntil!,
                source: national(HIRING_RULES.revealDays.article),
                record: { type: 'tender', id: e.data.tenderId },
              },
            },
          ];
        }
        case 'BidRevealed':
          return [{ op: 'meet', deadlineId: `${BID_REVEAL}:${e.data.tenderId}:${e.data.firmId}`, at: e.data.revealedAt }];
        case 'ContractSigned': {
          const record = { type: 'contract', id: e.data.contractId };
          const expiryId = `${CONTRACT_EXPIRY}:${e.data.contractId}:${e.data.lastDay}`;
          return [
            { op: 'remember', key: `contract:${e.data.contractId}`, facts: { expiryId } },
            { op: 'declare', deadline: { deadlineId: `${MANAGER_REPORT}:${e.data.contractId}`, compoundId: e.data.compoundId, kind: MANAGER_REPORT, dueAt: e.data.managerReportDueBy, source: national(HIRING_RULES.managerReportDays.article), record } },
            {
              op: 'declare',
              deadline: { deadlineId: `${RENEWAL_DECISION}:${e.data.contractId}`, compoundId: e.data.compoundId, kind: RENEWAL_DECISION, dueAt: e.data.renewalDecisionDueBy, source: national(HIRING_RULES.renewalDecisionMonthsBefore.article), record },
            },
            {
              op: 'declare',
              deadline: { deadlineId: expiryId, compoundId: e.data.compoundId, kind: CONTRACT_EXPIRY, dueAt: e.data.expiresAt, source: national('Civil Code Arts. 947–948'), record, graceMs: STEP_GRACE_MS, actionable: true },
            },
          ];
        }
        case 'ProjectManagerReported':
          return [{ op: 'meet', deadlineId: `${MANAGER_REPORT}:${e.data.contractId}`, at: e.data.reportedAt }];
        case 'RenewalDecisionRecorded': {
          const facts = recall(`contract:${e.data.contractId}`);
          const met: DeadlineChange = { op: 'meet', deadlineId: facts?.renewalId ?? `${RENEWAL_DECISION}:${e.data.contractId}`, at: e.data.recordedAt };
          if (!e.data.newLastDay || !e.data.newExpiresAt || !facts) return [met];
          const expiryId = `${CONTRACT_EXPIRY}:${e.data.contractId}:${e.data.newLastDay}`;
          // 京条例 Art. 75: the renewed term has its own renew-or-replace decision, 6 months before it ends.
          const renewalId = `${RENEWAL_DECISION}:${e.data.contractId}:${e.data.newLastDay}`;
          const nextRenewal: DeadlineChange[] = e.data.renewalDecisionDueBy
            ? [
                {
                  op: 'declare',
                  deadline: { deadlineId: renewalId, compoundId: e.data.compoundId, kind: RENEWAL_DECISION, dueAt: e.data.renewalDecisionDueBy, source: national(HIRING_RULES.renewalDecisionMonthsBefore.article), record: { type: 'contract', id: e.data.contractId } },
                },
              ]
            : [];
          return [
            met,
            ...nextRenewal,
            { op: 'withdraw', deadlineId: facts.expiryId! },
            { op: 'remember', key: `contract:${e.data.contractId}`, facts: { expiryId, ...(e.data.renewalDecisionDueBy ? { renewalId } : {}) } },
            {
              op: 'declare',
              deadline: { deadlineId: expiryId, compoundId: e.data.compoundId, kind: CONTRACT_EXPIRY, dueAt: e.data.newExpiresAt, source: national('Civil Code Arts. 947–948'), record: { type: 'contract', id: e.data.contractId }, graceMs: STEP_GRACE_MS, actionable: true },
            },
          ];
        }
        case 'DismissalNoticeGiven':
        case 'NonRenewalNoticeGiven': {
          // A firm's notice in the fixed term takes effect at expiry (that deadline exists); a notice period of its own otherwise.
          if (e.type === 'NonRenewalNoticeGiven' && e.data.daysBefore !== null) return [];
          return [
            {
              op: 'declare',
              deadline: {
                deadlineId: `${SERVICE_END}:${e.data.contractId}`,
                compoundId: e.data.compoundId,
                kind: SERVICE_END,
                dueAt: e.data.endsAt,
                source: national(e.data.article),
                record: { type: 'contract', id: e.data.contractId },
                graceMs: STEP_GRACE_MS,
                actionable: true,
              },
            },
          ];
        }
        case 'ContractBecameIndefinite': {
          const facts = recall(`contract:${e.data.contractId}`);
          return facts ? [{ op: 'meet', deadlineId: facts.expiryId!, at: e.data.at }] : [];
        }
        case 'ServiceEnded': {
          const facts = recall(`contract:${e.data.contractId}`);
          const record = { type: 'contract', id: e.data.contractId };
          return [
            ...(facts ? [{ op: 'meet', deadlineId: facts.expiryId!, at: e.data.endedAt } as const] : []),
            { op: 'meet', deadlineId: `${SERVICE_END}:${e.data.contractId}`, at: e.data.endedAt },
            ...e.data.items.map(
              (item): DeadlineChange => ({
                op: 'declare',
                deadline: { deadlineId: `${HANDOVER}:${e.data.contractId}:${item}`, compoundId: e.data.compoundId, kind: HANDOVER, dueAt: e.data.handoverDueBy, source: national(e.data.article), record },
              }),
            ),
          ];
        }
        case 'HandoverItemConfirmed':
          return [{ op: 'meet', deadlineId: `${HANDOVER}:${e.data.contractId}:${e.data.item}`, at: e.data.confirmedAt }];
        case 'YellowCardIssued':
          return [
            {
              op: 'declare',
              deadline: {
                deadlineId: `${RECTIFICATION}:${e.data.contractId}:${e.data.period}`,
                compoundId: e.data.compoundId,
                kind: RECTIFICATION,
                dueAt: e.data.rectifyBy,
                source: national(HIRING_RULES.rectificationDays.article),
                record: { type: 'contract', id: e.data.contractId },
              },
            },
          ];
        case 'RectificationReported':
          return [{ op: 'meet', deadlineId: `${RECTIFICATION}:${e.data.contractId}:${e.data.period}`, at: e.data.reportedAt }];
        case 'ComplaintFiled':
          return [
            {
              op: 'declare',
              deadline: {
                deadlineId: `${COMPLAINT_ANSWER}:${e.data.complaintId}`,
                compoundId: e.data.compoundId,
                kind: COMPLAINT_ANSWER,
                dueAt: e.data.answerDueBy,
                source: national(HIRING_RULES.complaintAnswerDays.article),
                record: { type: 'contract', id: e.data.contractId },
              },
            },
          ];
        case 'ComplaintAnswered':
          return [{ op: 'meet', deadlineId: `${COMPLAINT_ANSWER}:${e.data.complaintId}`, at: e.data.answeredAt }];
        default:
          return [];
      }
    },
    async onDue(deadline) {
      const contractId = deadline.record.id;
      switch (deadline.kind) {
        case CONTRACT_EXPIRY:
          return [{ streamId: contractStreamId(contractId), execute: (cmd) => hiring.handleContract(contractId, { type: 'ExpireContract', data: {  }, by: SYSTEM_FACTS }, cmd) }];
        case SERVICE_END:
          return [{ streamId: contractStreamId(contractId), execute: (cmd) => hiring.handleContract(contractId, { type: 'EndService', data: {  }, by: SYSTEM_FACTS }, cmd) }];
        default:
          return [];
      }
    },
  };
}
