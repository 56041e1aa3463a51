/**
 * The committee's deadlines (status only; the server cannot act for the people obliged): the group's list
 * posted and the first assembly held (京条例 Arts. 31–32; 沪规定 Arts. 15–16), the first meeting within 7 days
 * and the filing within 30 (指导规则 Art. 32; 物业管理条例 Art. 16; 京条例 Arts. 42–43), the re-election
 * report before the term ends, an early re-election once fewer than half the seats are filled, and each OC
 * meeting's decisions published within 3 days.
 */
import {
  articleOf,
  committeeRules,
  type CommitteeRules,
  type CommitteeSeatedData,
  type EarlyReelectionRequiredData,
  type MeetingHeldData,
  type PreparatoryGroupFormedData,
} from '../../domain/committee/index.js';
import type { Jurisdiction } from '../../domain/registry/index.js';
import type { DeadlineChange, DeadlineSource } from '../platform/deadlines.js';

export const GROUP_LIST_POSTING = 'group_list_posting';
export const FIRST_ASSEMBLY = 'first_assembly';
export const FIRST_MEETING = 'committee_first_meeting';
export const FILING = 'committee_filing';
export const REELECTION_REPORT = 'reelection_report';
export const EARLY_REELECTION = 'early_reelection';
export const DECISION_PUBLICATION = 'committee_decision_publication';
export const committeeDeadlineKinds = [GROUP_LIST_POSTING, FIRST_ASSEMBLY, FIRST_MEETING, FILING, REELECTION_REPORT, EARLY_REELECTION, DECISION_PUBLICATION] as const;

const id = (kind: string, key: string) => `${kind}:${key}`;

export function committeeDeadlineSource(): DeadlineSource {
  return {
    name: 'committee',
    handles: ['PreparatoryGroupFormed', 'PreparatoryGroupListPosted', 'CommitteeSeated', 'OfficersElected', 'CommitteeFiled', 'EarlyReelectionRequired', 'MeetingHeld', 'MeetingDecisionsPublished'],
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
          out.push({ op: 'declare', deadline: { deadlineId: id(REELECTION_REPORT, d.termId), compoundId, kind: REELECTION_REPORT, dueAt: d.reelectionReportDueBy, source: source('reelectionReportMonths'), record: term } });
          if (d.firstMeetingDueBy) out.push({ op: 'declare', deadline: { deadlineId: id(FIRST_MEETING, d.termId), compoundId, kind: FIRST_MEETING, dueAt: d.firstMeetingDueBy, source: source('firstMeeting'), record: term } });
          if (d.filingDueBy) out.push({ op: 'declare', deadline: { deadlineId: id(FILING, d.termId), compoundId, kind: FILING, dueAt: d.filingDueBy, source: source('filingDays'), record: term } });
          // A re-election seated meets the early re-election the previous term owed.
          const previous = recall(`${compoundId}/early`);
          if (d.kind === 're_election' && previous?.termId) out.push({ op: 'meet', deadlineId: id(EARLY_REELECTION, previous.termId), at: d.electedAt });
          return out;
        }
        case 'OfficersElected':
          return [{ op: 'meet', deadlineId: id(FIRST_MEETING, (event.data as { termId: string }).termId), at: (event.data as { heldAt: string }).heldAt }];
        case 'CommitteeFiled':
          return [{ op: 'meet', deadlineId: id(FILING, (event.data as { termId: string }).termId), at: (event.data as { filedAt: string }).filedAt }];
        case 'EarlyReelectionRequired': {
          const d = event.data as EarlyReelectionRequiredData;
          return [
            { op: 'remember', key: `${compoundId}/early`, facts: { termId: d.termId } },
            { op: 'declare', deadline: { deadlineId: id(EARLY_REELECTION, d.termId), compoundId, kind: EARLY_REELECTION, dueAt: d.dueBy, source: source('earlyReelection'), record: record('committee_term', d.termId) } },
          ];
        }
        case 'MeetingHeld': {
          const d = event.data as MeetingHeldData;
          return [{ op: 'declare', deadline: { deadlineId: id(DECISION_PUBLICATION, `${compoundId}/${d.meetingId}`), compoundId, kind: DECISION_PUBLICATION, dueAt: d.publicationDueBy, source: source('decisionPublicationDays'), record: record('committee_meeting', d.meetingId) } }];
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
