/**
 * The committee context's state for one compound, folded from `committee-<compoundId>`. Plain JSON (no
 * bigint, no Map), so a projection may keep it as a document and render the public views from it.
 */
import { assertNever } from '../shared/decider.js';
import type { Jurisdiction } from '../registry/types.js';
import type {
  CandidateNominatedData,
  CommitteeEvent,
  GroupMember,
  MeetingHeldData,
} from './events.js';

/** A candidate with the vetting recorded so far. */
export interface CandidateState extends Omit<CandidateNominatedData, 'compoundId' | 'electionId'> {
  readonly vetting: Partial<Record<'party_organisation' | 'street_office', { readonly outcome: 'approved' | 'refused'; readonly reason: string; readonly at: string }>>;
}

/** 选举: one election of the committee (first, by-election or re-election). */
export interface ElectionState {
  readonly electionId: string;
  readonly kind: 'first' | 'by_election' | 're_election';
  readonly seats: number;
  readonly termYears: number;
  readonly openedAt: string;
  readonly candidates: readonly CandidateState[];
  readonly posted: { readonly postedAt: string; readonly votingMayOpenAt: string; readonly candidates: ReadonlyArray<{ readonly candidateId: string; readonly name: string }> } | null;
  readonly decided: { readonly motionId: string; readonly decisionId: string; readonly elected: readonly string[]; readonly unfilledSeats: number; readonly decidedAt: string } | null;
}

/** 委员: a seated member, with their office and whether they still serve. */
export interface MemberState {
  readonly memberId: string;
  readonly name: string;
  readonly personId: string;
  readonly unitIds: readonly string[];
  readonly electionId: string;
  readonly role: 'chair' | 'vice_chair' | 'member';
  readonly status: 'active' | 'ended';
  readonly ended: { readonly at: string; readonly reason: 'no_longer_owner'; readonly unitId: string } | null;
}

/** 届: the committee's current term. */
export interface TermState {
  readonly termId: string;
  readonly electionId: string;
  readonly seats: number;
  readonly electedAt: string;
  readonly termEndsAt: string;
  readonly firstMeetingDueBy: string | null;
  readonly filingDueBy: string | null;
  readonly reelectionReportDueBy: string;
  readonly officers: { readonly chair: string; readonly viceChairs: readonly string[]; readonly heldAt: string; readonly late: boolean } | null;
  readonly filing: { readonly certificateRef: string; readonly authority: string; readonly filedAt: string; readonly late: boolean } | null;
  readonly byElectionSeats: number;
  readonly earlyReelection: { readonly requiredAt: string; readonly dueBy: string } | null;
}

export interface MeetingState extends Omit<MeetingHeldData, 'compoundId'> {
  readonly published: { readonly publishedAt: string; readonly late: boolean } | null;
}

export interface GroupState {
  readonly body: 'preparatory_group' | 'property_management_committee';
  readonly members: readonly GroupMember[];
  readonly leaderMemberId: string;
  readonly formedAt: string;
  readonly listPostingDueBy: string | null;
  readonly firstAssemblyDueBy: string | null;
  readonly listPostedAt: string | null;
}

export type CommitteeState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active';
      readonly compoundId: string;
      readonly jurisdiction: Jurisdiction;
      readonly group: GroupState;
      readonly elections: Readonly<Record<string, ElectionState>>;
      readonly electionOrder: readonly string[];
      readonly term: TermState | null;
      readonly members: readonly MemberState[];
      readonly meetings: readonly MeetingState[];
    };

export type ActiveCommitteeState = Extract<CommitteeState, { status: 'active' }>;

export const initialCommitteeState = (): CommitteeState => ({ status: 'none' });

export const activeMembers = (state: ActiveCommitteeState): readonly MemberState[] => state.members.filter((m) => m.status === 'active');

/** The election not yet decided, if any. */
export const openElection = (state: ActiveCommitteeState): ElectionState | undefined =>
  state.electionOrder.map((id) => state.elections[id]!).find((e) => e.decided === null);

const withElection = (state: ActiveCommitteeState, electionId: string, f: (e: ElectionState) => ElectionState): ActiveCommitteeState => {
  const e = state.elections[electionId];
  return e ? { ...state, elections: { ...state.elections, [electionId]: f(e) } } : state;
};

export function evolveCommittee(state: CommitteeState, event: CommitteeEvent): CommitteeState {
  if (event.type === 'PreparatoryGroupFormed') {
    const d = event.data;
    return {
      status: 'active',
      compoundId: d.compoundId,
      jurisdiction: d.jurisdiction,
      group: { body: d.body, members: d.members, leaderMemberId: d.leaderMemberId, formedAt: d.formedAt, listPostingDueBy: d.listPostingDueBy, firstAssemblyDueBy: d.firstAssemblyDueBy, listPostedAt: null },
      elections: {},
      electionOrder: [],
      term: null,
      members: [],
      meetings: [],
    };
  }
  if (state.status !== 'active') return state;
  switch (event.type) {
    case 'PreparatoryGroupListPosted':
      return { ...state, group: { ...state.group, listPostedAt: event.data.postedAt } };
    case 'ElectionOpened': {
      const d = event.data;
      const election: ElectionState = { electionId: d.electionId, kind: d.kind, seats: d.seats, termYears: d.termYears, openedAt: d.openedAt, candidates: [], posted: null, decided: null };
      return { ...state, elections: { ...state.elections, [d.electionId]: election }, electionOrder: [...state.electionOrder, d.electionId] };
    }
    case 'CandidateNominated': {
      const { compoundId: _c, electionId, ...candidate } = event.data;
      return withElection(state, electionId, (e) => ({ ...e, candidates: [...e.candidates, { ...candidate, vetting: {} }] }));
    }
    case 'CandidateVetted': {
      const d = event.data;
      return withElection(state, d.electionId, (e) => ({
        ...e,
        candidates: e.candidates.map((c) => (c.candidateId === d.candidateId ? { ...c, vetting: { ...c.vetting, [d.by]: { outcome: d.outcome, reason: d.reason, at: d.vettedAt } } } : c)),
      }));
    }
    case 'CandidatesPosted': {
      const d = event.data;
      return withElection(state, d.electionId, (e) => ({ ...e, posted: { postedAt: d.postedAt, votingMayOpenAt: d.votingMayOpenAt, candidates: d.candidates } }));
    }
    case 'CommitteeSeated': {
      const d = event.data;
      const next = withElection(state, d.electionId, (e) => ({
        ...e,
        decided: { motionId: d.motionId, decisionId: d.decisionId, elected: d.members.map((m) => m.memberId), unfilledSeats: d.unfilledSeats, decidedAt: d.electedAt },
      }));
      const seated: MemberState[] = d.members.map((m) => ({ ...m, electionId: d.electionId, role: 'member', status: 'active', ended: null }));
      if (d.kind === 'by_election' && next.term) {
        return { ...next, members: [...next.members, ...seated], term: { ...next.term, byElectionSeats: d.unfilledSeats } };
      }
      return {
        ...next,
        members: seated,
        meetings: [],
        term: {
          termId: d.termId,
          electionId: d.electionId,
          seats: d.seats,
          electedAt: d.electedAt,
          termEndsAt: d.termEndsAt,
          firstMeetingDueBy: d.firstMeetingDueBy,
          filingDueBy: d.filingDueBy,
          reelectionReportDueBy: d.reelectionReportDueBy,
          officers: null,
          filing: null,
          byElectionSeats: d.unfilledSeats,
          earlyReelection: null,
        },
      };
    }
    case 'ByElectionRequired':
      return state.term ? { ...state, term: { ...state.term, byElectionSeats: event.data.seats } } : state;
    case 'OfficersElected': {
      const d = event.data;
      const role = (id: string): MemberState['role'] => (id === d.chair ? 'chair' : d.viceChairs.includes(id) ? 'vice_chair' : 'member');
      return {
        ...state,
        members: state.members.map((m) => ({ ...m, role: role(m.memberId) })),
        term: state.term ? { ...state.term, officers: { chair: d.chair, viceChairs: d.viceChairs, heldAt: d.heldAt, late: d.late } } : null,
      };
    }
    case 'CommitteeFiled': {
      const d = event.data;
      return state.term ? { ...state, term: { ...state.term, filing: { certificateRef: d.certificateRef, authority: d.authority, filedAt: d.filedAt, late: d.late } } } : state;
    }
    case 'MembershipEnded': {
      const d = event.data;
      return {
        ...state,
        members: state.members.map((m) => (m.memberId === d.memberId ? { ...m, status: 'ended', ended: { at: d.endedAt, reason: d.reason, unitId: d.unitId } } : m)),
      };
    }
    case 'EarlyReelectionRequired':
      return state.term ? { ...state, term: { ...state.term, earlyReelection: { requiredAt: event.data.requiredAt, dueBy: event.data.dueBy } } } : state;
    case 'MeetingHeld': {
      const { compoundId: _c, ...meeting } = event.data;
      return { ...state, meetings: [...state.meetings, { ...meeting, published: null }] };
    }
    case 'MeetingDecisionsPublished': {
      const d = event.data;
      return { ...state, meetings: state.meetings.map((m) => (m.meetingId === d.meetingId ? { ...m, published: { publishedAt: d.publishedAt, late: d.late } } : m)) };
    }
    default:
      return assertNever(event);
  }
}
