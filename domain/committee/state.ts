/**
 * The committee context's state for one compound, folded from `committee-<compoundId>`. Plain JSON (no
 * bigint, no Map), so a projection may keep it as a document and render the public views from it.
 */
import { assertNever } from '../shared/decider.js';
import type { Jurisdiction } from '../registry/index.js';
import type {
  CandidateNominatedData,
  CitedGround,
  CommitteeMember,
  CommitteeEvent,
  GroupMember,
  MeetingHeldData,
  RemovalProposer,
} from './events.js';
import { actingBodyRules, emptyActing, type ActingState } from './acting.js';
import { periodEnd } from '../time/legalPeriod.js';

/** A candidate with the vetting recorded so far. */
export interface CandidateState extends Omit<CandidateNominatedData, 'compoundId' | 'electionId'> {
  readonly vetting: Partial<Record<'party_organisation' | 'street_office', { readonly outcome: 'approved' | 'refused'; readonly reason: string; readonly at: string }>>;
}

/** 选举: one election of the committee (first, by-election or re-election). */
export interface ElectionState {
  readonly electionId: string;
  readonly kind: 'first' | 'by_election' | 're_election';
  readonly seats: number;
  readonly alternates: number;
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
  readonly ended:
    | { readonly at: string; readonly reason: 'no_longer_owner'; readonly unitId: string }
    | { readonly at: string; readonly reason: 'removed'; readonly removalId: string }
    | { readonly at: string; readonly reason: 'resigned' | 'incapacity'; readonly occurredOn: string }
    | null;
  /** 累计缺席 flagged (沪规定 Art. 31 (五); 京条例 Art. 46): when, and the counts. */
  readonly absences: { readonly flaggedAt: string; readonly meetings: number; readonly absences: number } | null;
}

/** 换届: the re-election's progress in the current term (report, group) and the handover. */
export interface TransitionState {
  readonly reported: { readonly at: string; readonly late: boolean; readonly groupDueBy: string } | null;
  readonly group: { readonly members: readonly GroupMember[]; readonly leaderMemberId: string; readonly formedAt: string } | null;
  /** Since when a re-election runs (the group formed, or a re-election opened); null while none runs. */
  readonly runningSince: string | null;
  readonly handoverDueBy: string | null;
}

/** 移交: the records and seals handed over for a term. */
export interface HandoverState {
  readonly to: string;
  readonly items: readonly string[];
  readonly evidenceRef: string;
  readonly at: string;
  readonly late: boolean;
}

/** A past term kept for its handover. */
export interface PastTermState {
  readonly termId: string;
  readonly termEndsAt: string;
  readonly handoverDueBy: string | null;
  readonly handover: HandoverState | null;
}

/** 罢免: a removal from proposal to the owners' decision. */
export interface RemovalState {
  readonly removalId: string;
  readonly termId: string;
  readonly memberId: string;
  readonly grounds: string;
  readonly groundsCited?: readonly CitedGround[];
  readonly evidenceRef: string;
  readonly proposer: RemovalProposer;
  readonly proposedAt: string;
  readonly answerBy: string;
  readonly answer: { readonly text: string; readonly at: string } | null;
  readonly motionId: string | null;
  readonly outcome: { readonly removed: boolean; readonly at: string; readonly decisionId: string | null } | null;
}

/** 会议通知 / 提议: meetings convened and demanded, before they are held. */
export interface ConvenedMeetingState {
  readonly meetingId: string;
  readonly agenda: readonly string[];
  readonly heldAt: string;
  readonly convenedAt: string;
  readonly demandId?: string;
}
export interface MeetingDemandState {
  readonly demandId: string;
  readonly members: readonly string[];
  readonly agenda: string;
  readonly demandedAt: string;
  readonly holdBy: string;
  readonly heldAt: string | null;
}
export interface SealUseState {
  readonly useId: string;
  readonly purpose: string;
  readonly documentRef: string;
  readonly signedBy: readonly string[];
  readonly usedAt: string;
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
  /** 候补委员 in the order they fill vacancies (京条例 Art. 41 para. 3). */
  readonly alternates: readonly CommitteeMember[];
  readonly earlyReelection: { readonly requiredAt: string; readonly dueBy: string } | null;
  readonly transition: TransitionState;
  readonly handover: HandoverState | null;
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
  /** No preparatory body yet; an acting body (PMC or RC) may already be in office. */
  | { readonly status: 'none'; readonly compoundId?: string; readonly jurisdiction?: Jurisdiction; readonly acting?: ActingState }
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
      readonly pastTerms: readonly PastTermState[];
      readonly removals: readonly RemovalState[];
      readonly convened: readonly ConvenedMeetingState[];
      readonly demands: readonly MeetingDemandState[];
      readonly sealUses: readonly SealUseState[];
      /** The body acting for the OC where there is none (acting.ts). */
      readonly acting: ActingState;
      /** Motion steps whose freeze check (沪规定 Art. 28 para. 4) was written: `<motionId>/<step>`. */
      readonly freezeChecks: readonly string[];
    };

export type ActiveCommitteeState = Extract<CommitteeState, { status: 'active' }>;

export const initialCommitteeState = (): CommitteeState => ({ status: 'none' });

/** The acting-body record of either state. */
export const actingOf = (state: CommitteeState): ActingState => (state.status === 'active' ? state.acting : state.acting ?? emptyActing());

/** The events on the acting body, folded into either state. */
function evolveActing(state: CommitteeState, event: CommitteeEvent): CommitteeState | null {
  const put = (f: (a: ActingState) => ActingState, origin?: { compoundId: string; jurisdiction: Jurisdiction }): CommitteeState =>
    state.status === 'active' ? { ...state, acting: f(state.acting) } : { ...state, ...(origin ?? {}), acting: f(actingOf(state)) };
  switch (event.type) {
    case 'PropertyManagementCommitteeFormed': {
      const d = event.data;
      return put(
        (a) => ({
          ...a,
          pastBodies: a.body ? [...a.pastBodies, a.body] : a.pastBodies,
          body: { kind: 'property_management_committee', pmcId: d.pmcId, members: d.members, chairMemberId: d.chairMemberId, viceChairMemberId: d.viceChairMemberId, grounds: d.grounds, formedAt: d.formedAt, termEndsAt: d.termEndsAt, dissolveDueBy: null, dissolved: null, source: d.source },
        }),
        { compoundId: d.compoundId, jurisdiction: d.jurisdiction },
      );
    }
    case 'PropertyManagementCommitteeDissolved': {
      const d = event.data;
      return put((a) => (a.body?.kind === 'property_management_committee' && a.body.pmcId === d.pmcId ? { ...a, body: { ...a.body, dissolved: { at: d.dissolvedAt, reason: d.reason, late: d.late } } } : a));
    }
    case 'ResidentsCommitteeActing': {
      const d = event.data;
      return put(
        (a) => ({ ...a, pastBodies: a.body ? [...a.pastBodies, a.body] : a.pastBodies, body: { kind: 'residents_committee', since: d.since, reason: d.reason, commissionRef: d.commissionRef, ended: null, source: d.source } }),
        { compoundId: d.compoundId, jurisdiction: d.jurisdiction },
      );
    }
    case 'OwnersDecisionConvened': {
      const { compoundId: _c, ...d } = event.data;
      return put((a) => ({ ...a, convened: [...a.convened, d] }));
    }
    case 'FreezeCheckPassed':
      return state.status === 'active' ? { ...state, freezeChecks: [...state.freezeChecks, `${event.data.motionId}/${event.data.step}`] } : state;
    default:
      return null;
  }
}

/**
 * An OC filed: Beijing's property-management committee is dissolved within 30 days (京条例 Art. 59); the RC's
 * acting ends (沪居委条例 Art. 20: it acts only while no OC could be elected).
 */
function actingAfterFiling(state: ActiveCommitteeState, filedAt: string): ActingState {
  const a = state.acting;
  const b = a.body;
  if (!b) return a;
  if (b.kind === 'residents_committee') return b.ended ? a : { ...a, body: { ...b, ended: { at: filedAt } } };
  const rule = actingBodyRules[state.jurisdiction];
  if (b.dissolved || rule.kind !== 'property_management_committee' || rule.dissolveDaysAfterFiling === null) return a;
  return { ...a, body: { ...b, dissolveDueBy: periodEnd(new Date(filedAt), rule.dissolveDaysAfterFiling).toISOString() } };
}

export const activeMembers = (state: ActiveCommitteeState): readonly MemberState[] => state.members.filter((m) => m.status === 'active');

/**
 * The person ids of the OC's serving members (none before a committee is seated): what another context needs to
 * keep them out of a body they may not sit on (the supervisory board: 广州办法 Art. 49; domain-rules §6.4).
 */
export const servingMemberPersonIds = (state: CommitteeState): readonly string[] => (state.status === 'active' && state.term ? activeMembers(state).map((m) => m.personId) : []);

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
      pastTerms: [],
      removals: [],
      convened: [],
      demands: [],
      sealUses: [],
      acting: actingOf(state),
      freezeChecks: [],
    };
  }
  const acting = evolveActing(state, event);
  if (acting) return acting;
  if (state.status !== 'active') return state;
  switch (event.type) {
    case 'PreparatoryGroupListPosted':
      return { ...state, group: { ...state.group, listPostedAt: event.data.postedAt } };
    case 'ElectionOpened': {
      const d = event.data;
      const election: ElectionState = { electionId: d.electionId, kind: d.kind, seats: d.seats, alternates: d.alternates ?? 0, termYears: d.termYears, openedAt: d.openedAt, candidates: [], posted: null, decided: null };
      const next = { ...state, elections: { ...state.elections, [d.electionId]: election }, electionOrder: [...state.electionOrder, d.electionId] };
      // A re-election runs from its opening (or the group's forming, whichever is first) until the new committee.
      if (d.kind === 're_election' && next.term && next.term.transition.runningSince === null) {
        return { ...next, term: { ...next.term, transition: { ...next.term.transition, runningSince: d.openedAt } } };
      }
      return next;
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
      const seated: MemberState[] = d.members.map((m) => ({ ...m, electionId: d.electionId, role: 'member', status: 'active', ended: null, absences: null }));
      if (d.kind === 'by_election' && next.term) {
        return { ...next, members: [...next.members, ...seated], term: { ...next.term, byElectionSeats: d.unfilledSeats } };
      }
      const old = next.term;
      return {
        ...next,
        members: seated,
        meetings: [],
        convened: [],
        demands: [],
        sealUses: [],
        pastTerms: old ? [...next.pastTerms, { termId: old.termId, termEndsAt: old.termEndsAt, handoverDueBy: old.transition.handoverDueBy, handover: old.handover }] : next.pastTerms,
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
          alternates: d.alternates ?? [],
          earlyReelection: null,
          transition: { reported: null, group: null, runningSince: null, handoverDueBy: null },
          handover: null,
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
      return state.term ? { ...state, acting: actingAfterFiling(state, d.filedAt), term: { ...state.term, filing: { certificateRef: d.certificateRef, authority: d.authority, filedAt: d.filedAt, late: d.late } } } : state;
    }
    case 'MembershipEnded': {
      const d = event.data;
      return {
        ...state,
        members: state.members.map((m) => (m.memberId === d.memberId ? { ...m, status: 'ended' as const, ended: { at: d.endedAt, reason: d.reason, unitId: d.unitId } } : m)),
      };
    }
    case 'EarlyReelectionRequired':
      return state.term ? { ...state, term: { ...state.term, earlyReelection: { requiredAt: event.data.requiredAt, dueBy: event.data.dueBy } } } : state;
    case 'MeetingHeld': {
      const { compoundId: _c, ...meeting } = event.data;
      const demandId = meeting.demandId;
      return {
        ...state,
        meetings: [...state.meetings, { ...meeting, published: null }],
        convened: state.convened.filter((c) => c.meetingId !== meeting.meetingId),
        demands: demandId ? state.demands.map((x) => (x.demandId === demandId ? { ...x, heldAt: meeting.heldAt } : x)) : state.demands,
      };
    }
    case 'ReelectionReported': {
      const d = event.data;
      return state.term ? { ...state, term: { ...state.term, transition: { ...state.term.transition, reported: { at: d.reportedAt, late: d.late, groupDueBy: d.groupDueBy } } } } : state;
    }
    case 'ReelectionGroupFormed': {
      const d = event.data;
      if (!state.term) return state;
      const t = state.term.transition;
      return {
        ...state,
        term: {
          ...state.term,
          transition: { ...t, group: { members: d.members, leaderMemberId: d.leaderMemberId, formedAt: d.formedAt }, runningSince: t.runningSince ?? d.formedAt, handoverDueBy: d.handoverDueBy ?? t.handoverDueBy },
        },
      };
    }
    case 'RecordsHandedOver': {
      const d = event.data;
      const handover: HandoverState = { to: d.to, items: d.items, evidenceRef: d.evidenceRef, at: d.handedOverAt, late: d.late };
      if (state.term?.termId === d.termId) return { ...state, term: { ...state.term, handover } };
      return { ...state, pastTerms: state.pastTerms.map((p) => (p.termId === d.termId ? { ...p, handover } : p)) };
    }
    case 'RemovalProposed': {
      const { compoundId: _c, ...d } = event.data;
      return { ...state, removals: [...state.removals, { ...d, answer: null, motionId: null, outcome: null }] };
    }
    case 'RemovalAnswered': {
      const d = event.data;
      return { ...state, removals: state.removals.map((r) => (r.removalId === d.removalId ? { ...r, answer: { text: d.answer, at: d.answeredAt } } : r)) };
    }
    case 'RemovalPutToOwners': {
      const d = event.data;
      return { ...state, removals: state.removals.map((r) => (r.removalId === d.removalId ? { ...r, motionId: d.motionId } : r)) };
    }
    case 'MemberRemoved': {
      const d = event.data;
      return {
        ...state,
        removals: state.removals.map((r) => (r.removalId === d.removalId ? { ...r, outcome: { removed: true, at: d.removedAt, decisionId: d.decisionId } } : r)),
        members: state.members.map((m) => (m.memberId === d.memberId && m.status === 'active' ? { ...m, status: 'ended' as const, ended: { at: d.removedAt, reason: 'removed' as const, removalId: d.removalId } } : m)),
      };
    }
    case 'RemovalNotAdopted': {
      const d = event.data;
      return { ...state, removals: state.removals.map((r) => (r.removalId === d.removalId ? { ...r, outcome: { removed: false, at: d.decidedAt, decisionId: null } } : r)) };
    }
    case 'AbsencesFlagged': {
      const d = event.data;
      return { ...state, members: state.members.map((m) => (m.memberId === d.memberId ? { ...m, absences: { flaggedAt: d.flaggedAt, meetings: d.meetings, absences: d.absences } } : m)) };
    }
    case 'MeetingConvened': {
      const d = event.data;
      return { ...state, convened: [...state.convened, { meetingId: d.meetingId, agenda: d.agenda, heldAt: d.heldAt, convenedAt: d.convenedAt, ...(d.demandId ? { demandId: d.demandId } : {}) }] };
    }
    case 'MeetingDemanded': {
      const d = event.data;
      return { ...state, demands: [...state.demands, { demandId: d.demandId, members: d.members, agenda: d.agenda, demandedAt: d.demandedAt, holdBy: d.holdBy, heldAt: null }] };
    }
    case 'SealUsed': {
      const d = event.data;
      return { ...state, sealUses: [...state.sealUses, { useId: d.useId, purpose: d.purpose, documentRef: d.documentRef, signedBy: d.signedBy, usedAt: d.usedAt }] };
    }
    case 'MeetingDecisionsPublished': {
      const d = event.data;
      return { ...state, meetings: state.meetings.map((m) => (m.meetingId === d.meetingId ? { ...m, published: { publishedAt: d.publishedAt, late: d.late } } : m)) };
    }
    case 'PropertyManagementCommitteeFormed':
    case 'PropertyManagementCommitteeDissolved':
    case 'ResidentsCommitteeActing':
    case 'OwnersDecisionConvened':
    case 'FreezeCheckPassed':
      return state;
    case 'MembershipTerminated': {
      const d = event.data;
      return { ...state, members: state.members.map((m) => (m.memberId === d.memberId && m.status === 'active' ? { ...m, status: 'ended' as const, ended: { at: d.endedAt, reason: d.reason, occurredOn: d.occurredOn } } : m)) };
    }
    case 'AlternateLeft': {
      const term = state.term;
      return term?.termId === event.data.termId ? { ...state, term: { ...term, alternates: term.alternates.filter((a) => a.memberId !== event.data.memberId) } } : state;
    }
    case 'AlternateSeated': {
      const d = event.data;
      const term = state.term;
      const alternate = term?.alternates.find((a) => a.memberId === d.memberId);
      if (!term || !alternate) return state;
      const seated: MemberState = { ...alternate, electionId: term.electionId, role: 'member', status: 'active', ended: null, absences: null };
      return { ...state, members: [...state.members, seated], term: { ...term, alternates: term.alternates.filter((a) => a.memberId !== d.memberId) } };
    }
    default:
      return assertNever(event);
  }
}
