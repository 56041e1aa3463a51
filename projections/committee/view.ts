/**
 * The committee's public views, rendered from its state: the notice board (members by role with their unit
 * numbers, term, filing, meetings and decisions) and each election (the preparatory body, candidates with
 * eligibility and vetting, the posting, the result). Candidate and member names are posted by law (京条例
 * Arts. 31, 40, 42); person ids never appear.
 */
import { actingOf, articleOf, chargeOf, committeeRules, type ActiveCommitteeState, type CommitteeState, type ElectionState } from '../../domain/committee/index.js';

export const COMMITTEE_STATE = 'committee_state';
export const COMMITTEE_BOARDS = 'committee_boards';
export const COMMITTEE_ELECTIONS = 'committee_elections';
export const COMMITTEE_ACTING = 'committee_acting';

const groupView = (state: ActiveCommitteeState) => ({
  body: state.group.body,
  members: state.group.members.map((m) => ({ memberId: m.memberId, name: m.name, kind: m.kind, ...(m.unitId ? { unitId: m.unitId } : {}) })),
  leaderMemberId: state.group.leaderMemberId,
  formedAt: state.group.formedAt,
  listPostingDueBy: state.group.listPostingDueBy,
  listPostedAt: state.group.listPostedAt,
  firstAssemblyDueBy: state.group.firstAssemblyDueBy,
});

const electionStatus = (e: ElectionState) => (e.decided ? 'decided' : e.posted ? 'posted' : 'nominating');

export function renderBoard(state: ActiveCommitteeState) {
  const term = state.term;
  const name = (id: string) => state.members.find((m) => m.memberId === id)?.name ?? id;
  return {
    compoundId: state.compoundId,
    jurisdiction: state.jurisdiction,
    preparatoryBody: groupView(state),
    committee: term
      ? {
          termId: term.termId,
          electedAt: term.electedAt,
          termEndsAt: term.termEndsAt,
          seats: term.seats,
          serving: state.members.filter((m) => m.status === 'active').length,
          members: state.members.map((m) => ({ memberId: m.memberId, name: m.name, role: m.role, units: m.unitIds, status: m.status, ended: m.ended })),
          officers: term.officers,
          firstMeetingDueBy: term.firstMeetingDueBy,
          filing: term.filing ? { status: 'filed', ...term.filing, dueBy: term.filingDueBy } : { status: 'pending', dueBy: term.filingDueBy },
          byElectionSeats: term.byElectionSeats,
          // 候补委员 in the order they fill vacancies (京条例 Art. 41 para. 3): names and units are posted (Art. 44 (五)).
          alternates: (term.alternates ?? []).map((a) => ({ memberId: a.memberId, name: a.name, units: a.unitIds })),
          earlyReelection: term.earlyReelection,
          reelectionReportDueBy: term.reelectionReportDueBy,
          reelection: {
            reported: term.transition.reported,
            group: term.transition.group ? { ...term.transition.group, members: term.transition.group.members.map((m) => ({ memberId: m.memberId, name: m.name, kind: m.kind, ...(m.unitId ? { unitId: m.unitId } : {}) })) } : null,
            runningSince: term.transition.runningSince,
            // 沪规定 Art. 28 para. 4: decisions on the firm, fees and major works are frozen while it runs.
            freeze: term.transition.runningSince !== null && committeeRules(state.jurisdiction).transitionFreeze ? articleOf(committeeRules(state.jurisdiction).sources.transitionFreeze) : null,
            handoverDueBy: term.transition.handoverDueBy,
          },
          handover: term.handover,
          absences: state.members.filter((m) => m.absences !== null && m.status === 'active').map((m) => ({ memberId: m.memberId, name: m.name, ...m.absences! })),
          sealUses: state.sealUses.map((u) => ({ useId: u.useId, purpose: u.purpose, documentRef: u.documentRef, signedBy: u.signedBy.map(name), usedAt: u.usedAt })),
        }
      : null,
    removals: state.removals.map((r) => ({
      removalId: r.removalId,
      memberId: r.memberId,
      name: name(r.memberId),
      grounds: r.grounds,
      groundsCited: r.groundsCited ?? [],
      // Who proposed: members by name (posted); owners only as their share, never who (as a petition's signers).
      proposer: r.proposer.kind === 'members' ? { kind: 'members', members: r.proposer.members.map(name), of: r.proposer.of } : { kind: 'owners', support: r.proposer.support, totals: r.proposer.totals },
      proposedAt: r.proposedAt,
      answerBy: r.answerBy,
      answer: r.answer,
      motionId: r.motionId,
      outcome: r.outcome,
    })),
    convened: state.convened.map((c) => ({ ...c })),
    demands: state.demands.map((x) => ({ demandId: x.demandId, members: x.members.map(name), agenda: x.agenda, demandedAt: x.demandedAt, holdBy: x.holdBy, heldAt: x.heldAt })),
    pastTerms: state.pastTerms,
    meetings: state.meetings.map((m) => ({
      meetingId: m.meetingId,
      heldAt: m.heldAt,
      members: m.members.length,
      present: m.present.length,
      quorumMet: m.quorumMet,
      items: m.items.map((i) => ({ itemId: i.itemId, title: i.title, inFavour: i.inFavour.length, signedBy: i.inFavour.map(name), adopted: i.adopted })),
      publicationDueBy: m.publicationDueBy,
      published: m.published,
      decisions: m.published ? m.items.filter((i) => i.adopted).map((i) => ({ itemId: i.itemId, title: i.title })) : [],
    })),
    elections: state.electionOrder.map((id) => {
      const e = state.elections[id]!;
      return { electionId: id, kind: e.kind, seats: e.seats, status: electionStatus(e) };
    }),
  };
}

export function renderElection(state: ActiveCommitteeState, e: ElectionState, motionId: string | null) {
  const nameOf = (id: string) => e.candidates.find((c) => c.candidateId === id)?.name ?? id;
  return {
    electionId: e.electionId,
    compoundId: state.compoundId,
    kind: e.kind,
    seats: e.seats,
    termYears: e.termYears,
    openedAt: e.openedAt,
    status: electionStatus(e),
    preparatoryBody: groupView(state),
    candidates: e.candidates.map((c) => ({
      candidateId: c.candidateId,
      name: c.name,
      units: c.unitIds,
      route: c.route,
      nominatedAt: c.nominatedAt,
      eligible: c.eligible,
      checks: c.checks,
      vetting: c.vetting,
    })),
    posting: e.posted,
    motionId: e.decided?.motionId ?? motionId,
    result: e.decided ? { decisionId: e.decided.decisionId, elected: e.decided.elected.map((id) => ({ candidateId: id, name: nameOf(id) })), unfilledSeats: e.decided.unfilledSeats, decidedAt: e.decided.decidedAt } : null,
  };
}

export type CommitteeBoardDoc = ReturnType<typeof renderBoard>;
export type ElectionDoc = ReturnType<typeof renderElection>;

/**
 * The body acting where there is no OC (京条例 Arts. 52–59; 杭条例 Arts. 38–41; 沪居委条例 Art. 20): its members
 * by kind with their names and units (the list is posted: 京条例 Art. 54 para. 2; 杭条例 Art. 39 para. 2), its
 * term and dissolution, and every owners' decision it convened with the role that acted and the article.
 * `inCharge` is as of the last event (the term's end is a deadline, not an event).
 */
export function renderActing(state: CommitteeState, at: string) {
  const acting = actingOf(state);
  const view = (b: NonNullable<typeof acting.body>) =>
    b.kind === 'property_management_committee'
      ? { ...b, members: b.members.map((m) => ({ memberId: m.memberId, name: m.name, kind: m.kind, ...(m.unitId ? { unitId: m.unitId } : {}) })), article: articleOf(b.source) }
      : { ...b, article: articleOf(b.source) };
  const charge = chargeOf(state, new Date(at));
  return {
    compoundId: state.compoundId ?? null,
    jurisdiction: state.jurisdiction ?? null,
    inCharge: charge ? { body: charge.body, article: articleOf(charge.source) } : null,
    body: acting.body ? view(acting.body) : null,
    pastBodies: acting.pastBodies.map(view),
    convened: acting.convened.map((c) => ({ ...c, article: articleOf(c.source) })),
  };
}

export type ActingBodyDoc = ReturnType<typeof renderActing>;
