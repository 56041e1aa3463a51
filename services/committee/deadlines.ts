/**
 * The committee's deadlines (status only; the server cannot act for the people obliged): the group's list
 * posted and the first assembly held (京条例 Arts. 31–32; 沪规定 Arts. 15–16), the first meeting within 7 days
 * and the filing within 30 (指导规则 Art. 32; 物业管理条例 Art. 16; 京条例 Arts. 42–43), the re-election
 * report before the term ends, an early re-election once fewer than half the seats are filled, and each OC
 * meeting's decisions published within 3 days.
 */
import {
  actingBodyRules,
  articleOf,
  type PropertyManagementCommitteeFormedData,
  committeeRules,
  type CommitteeRules,
  type CommitteeSeatedData,
  type EarlyReelectionRequiredData,
  type MeetingHeldData,
  type PreparatoryGroupFormedData,
  type ReelectionGroupFormedData,
  type ReelectionReportedData,
  type RecordsHandedOverData,
  type MeetingDemandedData,
} from '../../domain/committee/index.js';
import { periodEnd } from '../../domain/time/legalPeriod.js';
import type { Jurisdiction } from '../../domain/registry/index.js';
import type { DeadlineChange, DeadlineSource } from '../platform/deadlines.js';

export const GROUP_LIST_POSTING = 'group_list_posting';
export const FIRST_ASSEMBLY = 'first_assembly';
export const FIRST_MEETING = 'committee_first_meeting';
export const FILING = 'committee_filing';
export const REELECTION_REPORT = 'reelection_report';
export const EARLY_REELECTION = 'early_reelection';
export const DECISION_PUBLICATION = 'committee_decision_publication';
export const TERM_END = 'committee_term_end';
export const REELECTION_GROUP = 'reelection_group';
export const HANDOVER = 'committee_handover';
export const DEMANDED_MEETING = 'committee_demanded_meeting';
export const REGULAR_MEETING = 'committee_regular_meeting';
// committee (#12): the property-management committee's term (京条例 Art. 58; 杭条例 Art. 41) and its dissolution (京条例 Art. 59).
export const PMC_TERM_END = 'pmc_term_end';
export const PMC_DISSOLUTION = 'pmc_dissolution';
export const committeeDeadlineKinds = [PMC_TERM_END, PMC_DISSOLUTION, GROUP_LIST_POSTING, FIRST_ASSEMBLY, FIRST_MEETING, FILING, REELECTION_REPORT, EARLY_REELECTION, DECISION_PUBLICATION, TERM_END, REELECTION_GROUP, HANDOVER, DEMANDED_MEETING, REGULAR_MEETING] as const;

const addMonths = (at: string, months: number): string => {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString();
};

const id = (kind: string, key: string) => `${kind}:${key}`;

export function committeeDeadlineSource(): DeadlineSource {
  return {
    name: 'committee',
    handles: [
      'PreparatoryGroupFormed',
      'PreparatoryGroupListPosted',
      'CommitteeSeated',
      'OfficersElected',
      'CommitteeFiled',
      'EarlyReelectionRequired',
      'MeetingHeld',
      'MeetingDecisionsPublished',
      'ReelectionReported',
      'ReelectionGroupFormed',
      'RecordsHandedOver',
      'MeetingDemanded',
      'PropertyManagementCommitteeFormed',
      'PropertyManagementCommitteeDissolved',
    ],
    changes(event, recall): DeadlineChange[] {
      const compoundId = (event.data as { compoundId: string }).compoundId;
      const rulesOf = (): CommitteeRules => committeeRules((recall(compoundId)?.jurisdiction ?? 'national') as Jurisdiction);
      const source = (field: keyof CommitteeRules['sources']) => {
        const rules = rulesOf();
        return { article: articleOf(rules.sources[field]), jurisdiction: rules.jurisdiction };
      };
      const record = (type: string, rid: string) => ({ type, id: rid });
      switch (event.type) {
        case 'PreparatoryGroupFormed': {
          const d = event.data as PreparatoryGroupFormedData;
          const rules = committeeRules(d.jurisdiction);
          const src = (field: keyof CommitteeRules['sources']) => ({ article: articleOf(rules.sources[field]), jurisdiction: rules.jurisdiction });
          const out: DeadlineChange[] = [{ op: 'remember', key: compoundId, facts: { jurisdiction: d.jurisdiction } }];
          if (d.listPostingDueBy) out.push({ op: 'declare', deadline: { deadlineId: id(GROUP_LIST_POSTING, compoundId), compoundId, kind: GROUP_LIST_POSTING, dueAt: d.listPostingDueBy, source: src('groupListPostingDays'), record: record('preparatory_group', compoundId) } });
          if (d.firstAssemblyDueBy) out.push({ op: 'declare', deadline: { deadlineId: id(FIRST_ASSEMBLY, compoundId), compoundId, kind: FIRST_ASSEMBLY, dueAt: d.firstAssemblyDueBy, source: src('firstAssemblyDays'), record: record('preparatory_group', compoundId) } });
          return out;
        }
        case 'PreparatoryGroupListPosted':
          return [{ op: 'meet', deadlineId: id(GROUP_LIST_POSTING, compoundId), at: (event.data as { postedAt: string }).postedAt }];
        case 'CommitteeSeated': {
          const d = event.data as CommitteeSeatedData;
          if (d.kind === 'by_election') return [];
          const term = record('committee_term', d.termId);
          const out: DeadlineChange[] = [];
          // The first assembly is held when it elects the committee (指导规则 Art. 15).
          if (d.kind === 'first') out.push({ op: 'meet', deadlineId: id(FIRST_ASSEMBLY, compoundId), at: d.electedAt });
          // 京条例 Art. 58; 杭条例 Art. 41: the property-management committee's task is met once an OC is elected.
          const pmc = recall(`${compoundId}/pmc`);
          if (pmc?.pmcId) out.push({ op: 'meet', deadlineId: id(PMC_TERM_END, pmc.pmcId), at: d.electedAt });
          out.push({ op: 'declare', deadline: { deadlineId: id(REELECTION_REPORT, d.termId), compoundId, kind: REELECTION_REPORT, dueAt: d.reelectionReportDueBy, source: source('reelectionReportMonths'), record: term } });
          if (d.firstMeetingDueBy) out.push({ op: 'declare', deadline: { deadlineId: id(FIRST_MEETING, d.termId), compoundId, kind: FIRST_MEETING, dueAt: d.firstMeetingDueBy, source: source('firstMeeting'), record: term } });
          if (d.filingDueBy) out.push({ op: 'declare', deadline: { deadlineId: id(FILING, d.termId), compoundId, kind: FILING, dueAt: d.filingDueBy, source: source('filingDays'), record: term } });
          // A re-election seated meets the early re-election the previous term owed.
          const previous = recall(`${compoundId}/early`);
          if (d.kind === 're_election' && previous?.termId) out.push({ op: 'meet', deadlineId: id(EARLY_REELECTION, previous.termId), at: d.electedAt });
          // The term's end (京条例 Art. 41; 沪规定 Art. 20; 杭条例 Art. 33): met when the next committee is elected.
          const before = recall(`${compoundId}/term`);
          if (before?.termId) out.push({ op: 'meet', deadlineId: id(TERM_END, before.termId), at: d.electedAt });
          if (before?.regular) out.push({ op: 'withdraw', deadlineId: before.regular });
          out.push({ op: 'declare', deadline: { deadlineId: id(TERM_END, d.termId), compoundId, kind: TERM_END, dueAt: d.termEndsAt, source: source('termEnd'), record: term } });
          const rules = rulesOf();
          // 杭条例 Art. 34; 指导规则 Art. 48: records and seals handed over within 10 days of the term's end.
          if (rules.handoverFrom === 'term_end') {
            out.push({ op: 'declare', deadline: { deadlineId: id(HANDOVER, d.termId), compoundId, kind: HANDOVER, dueAt: periodEnd(new Date(d.termEndsAt), rules.handoverDays).toISOString(), source: source('handover'), record: term } });
          }
          // 京条例 Art. 45; 沪规定 Art. 26: a regular meeting at least every two months.
          const facts: Record<string, string> = { termId: d.termId };
          if (rules.regularMeetingMonths !== null) {
            const regular = id(REGULAR_MEETING, `${d.termId}/seated`);
            facts.regular = regular;
            out.push({ op: 'declare', deadline: { deadlineId: regular, compoundId, kind: REGULAR_MEETING, dueAt: addMonths(d.electedAt, rules.regularMeetingMonths), source: source('regularMeeting'), record: term } });
          }
          out.push({ op: 'remember', key: `${compoundId}/term`, facts });
          return out;
        }
        case 'PropertyManagementCommitteeFormed': {
          const d = event.data as PropertyManagementCommitteeFormedData;
          const rule = actingBodyRules[d.jurisdiction];
          if (rule.kind !== 'property_management_committee') return [];
          return [
            { op: 'remember', key: compoundId, facts: { jurisdiction: d.jurisdiction } },
            { op: 'remember', key: `${compoundId}/pmc`, facts: { pmcId: d.pmcId } },
            // 京条例 Art. 58; 杭条例 Art. 41: by the term's end an OC is elected (met when one is seated or it is dissolved).
            { op: 'declare', deadline: { deadlineId: id(PMC_TERM_END, d.pmcId), compoundId, kind: PMC_TERM_END, dueAt: d.termEndsAt, source: { article: articleOf(rule.sources.term), jurisdiction: d.jurisdiction }, record: record('property_management_committee', d.pmcId) } },
          ];
        }
        case 'PropertyManagementCommitteeDissolved': {
          const d = event.data as { pmcId: string; dissolvedAt: string };
          return [
            { op: 'meet', deadlineId: id(PMC_TERM_END, d.pmcId), at: d.dissolvedAt },
            { op: 'meet', deadlineId: id(PMC_DISSOLUTION, d.pmcId), at: d.dissolvedAt },
          ];
        }
        case 'OfficersElected':
          return [{ op: 'meet', deadlineId: id(FIRST_MEETING, (event.data as { termId: string }).termId), at: (event.data as { heldAt: string }).heldAt }];
        case 'CommitteeFiled': {
          const filedAt = (event.data as { filedAt: string }).filedAt;
          const out: DeadlineChange[] = [{ op: 'meet', deadlineId: id(FILING, (event.data as { termId: string }).termId), at: filedAt }];
          // 京条例 Art. 59: the property-management committee is dissolved within 30 days of the OC's filing.
          const pmc = recall(`${compoundId}/pmc`);
          const rule = actingBodyRules[rulesOf().jurisdiction];
          if (pmc?.pmcId && rule.kind === 'property_management_committee' && rule.dissolveDaysAfterFiling !== null) {
            out.push({ op: 'declare', deadline: { deadlineId: id(PMC_DISSOLUTION, pmc.pmcId), compoundId, kind: PMC_DISSOLUTION, dueAt: periodEnd(new Date(filedAt), rule.dissolveDaysAfterFiling).toISOString(), source: { article: articleOf(rule.sources.dissolution), jurisdiction: rulesOf().jurisdiction }, record: record('property_management_committee', pmc.pmcId) } });
          }
          return out;
        }
        case 'EarlyReelectionRequired': {
          const d = event.data as EarlyReelectionRequiredData;
          return [
            { op: 'remember', key: `${compoundId}/early`, facts: { termId: d.termId } },
            { op: 'declare', deadline: { deadlineId: id(EARLY_REELECTION, d.termId), compoundId, kind: EARLY_REELECTION, dueAt: d.dueBy, source: source('earlyReelection'), record: record('committee_term', d.termId) } },
          ];
        }
        case 'MeetingHeld': {
          const d = event.data as MeetingHeldData;
          const out: DeadlineChange[] = [
            { op: 'declare', deadline: { deadlineId: id(DECISION_PUBLICATION, `${compoundId}/${d.meetingId}`), compoundId, kind: DECISION_PUBLICATION, dueAt: d.publicationDueBy, source: source('decisionPublicationDays'), record: record('committee_meeting', d.meetingId) } },
          ];
          if (d.demandId) out.push({ op: 'meet', deadlineId: id(DEMANDED_MEETING, `${compoundId}/${d.demandId}`), at: d.heldAt });
          const rules = rulesOf();
          const term = recall(`${compoundId}/term`);
          if (rules.regularMeetingMonths !== null && term?.termId === d.termId) {
            if (term.regular) out.push({ op: 'meet', deadlineId: term.regular, at: d.heldAt });
            const next = id(REGULAR_MEETING, `${d.termId}/${d.meetingId}`);
            out.push({ op: 'declare', deadline: { deadlineId: next, compoundId, kind: REGULAR_MEETING, dueAt: addMonths(d.heldAt, rules.regularMeetingMonths), source: source('regularMeeting'), record: record('committee_meeting', d.meetingId) } });
            out.push({ op: 'remember', key: `${compoundId}/term`, facts: { termId: d.termId, regular: next } });
          }
          return out;
        }
        case 'ReelectionReported': {
          const d = event.data as ReelectionReportedData;
          return [
            { op: 'meet', deadlineId: id(REELECTION_REPORT, d.termId), at: d.reportedAt },
            { op: 'declare', deadline: { deadlineId: id(REELECTION_GROUP, d.termId), compoundId, kind: REELECTION_GROUP, dueAt: d.groupDueBy, source: source('reelectionGroup'), record: record('committee_term', d.termId) } },
          ];
        }
        case 'ReelectionGroupFormed': {
          const d = event.data as ReelectionGroupFormedData;
          const out: DeadlineChange[] = [{ op: 'meet', deadlineId: id(REELECTION_GROUP, d.termId), at: d.formedAt }];
          // 沪规定 Art. 29 para. 1: records and seals to the housing office within 10 days of the group.
          if (d.handoverDueBy) out.push({ op: 'declare', deadline: { deadlineId: id(HANDOVER, d.termId), compoundId, kind: HANDOVER, dueAt: d.handoverDueBy, source: source('handover'), record: record('committee_term', d.termId) } });
          return out;
        }
        case 'RecordsHandedOver': {
          const d = event.data as RecordsHandedOverData;
          return [{ op: 'meet', deadlineId: id(HANDOVER, d.termId), at: d.handedOverAt }];
        }
        case 'MeetingDemanded': {
          const d = event.data as MeetingDemandedData;
          return [{ op: 'declare', deadline: { deadlineId: id(DEMANDED_MEETING, `${compoundId}/${d.demandId}`), compoundId, kind: DEMANDED_MEETING, dueAt: d.holdBy, source: source('demandedMeeting'), record: record('committee_meeting_demand', d.demandId) } }];
        }
        case 'MeetingDecisionsPublished': {
          const d = event.data as { meetingId: string; publishedAt: string };
          return [{ op: 'meet', deadlineId: id(DECISION_PUBLICATION, `${compoundId}/${d.meetingId}`), at: d.publishedAt }];
        }
        default:
          return [];
      }
    },
  };
}
