/**
 * The owners' committee (业主委员会) recomputed from the events alone, folding `committee-<compoundId>` with the
 * domain's own evolve (domain/committee) and checking each event against the state before it:
 * - seating: the members seated are exactly those the owners' final, unrevoked election decision elected
 *   (Civil Code Art. 278 (四)), on that election's motion, among the candidates the election posted, with the
 *   units they were nominated with; the seats, the unfilled seats and the term (its end = the decision's day
 *   plus the election's term in years; a by-election joins the running term) follow;
 * - officers (指导规则 Art. 32; 京条例 Art. 42) and meetings (指导规则 Art. 38; 京条例 Art. 45): the members counted
 *   are those in office, and every quorum and adoption is recomputed as more than half of ALL members;
 * - members leaving (京条例 Art. 46; removal on an owners' decision) and the counts left, early re-election
 *   (fewer than half the seats), and the handover (移交) of a term that exists, once, late against its due date.
 */
import { activeMembers, evolveCommittee, moreThanHalf, type ActiveCommitteeState, type CommitteeEvent, type CommitteeState } from '../domain/committee/index.js';
import type { DecisionSeen } from './assembly.js';
import { canonicalJson } from './canonical.js';
import { standingDecision } from './decisions.js';
import type { ExportedEvent } from './format.js';
import { recordOf, type Report } from './problems.js';

const sorted = (xs: readonly string[]): string => canonicalJson([...xs].sort());

function addYears(at: string, years: number): string {
  const d = new Date(at);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString();
}

export class CommitteeCheck {
  state: CommitteeState = { status: 'none' };
  events = 0;

  constructor(
    private readonly report: Report,
    private readonly decisions: ReadonlyMap<string, DecisionSeen>,
  ) {}

  apply(e: ExportedEvent): void {
    if (!e.streamId.startsWith('committee-')) return;
    this.events += 1;
    const event = { type: e.type, data: e.data } as CommitteeEvent;
    if (this.state.status === 'active') this.check(e, event, this.state);
    this.state = evolveCommittee(this.state, event);
  }

  private check(e: ExportedEvent, event: CommitteeEvent, s: ActiveCommitteeState): void {
    const where = recordOf(e);
    const bad = (detail: string) => this.report('committee', where, detail);
    const serving = activeMembers(s);
    switch (event.type) {
      case 'CommitteeSeated': {
        const d = event.data;
        const election = s.elections[d.electionId];
        if (!election) return bad(`seats election ${d.electionId}, which the export never opened`);
        if (election.kind !== d.kind) bad(`seats a ${d.kind} for election ${d.electionId}, which opened as a ${election.kind}`);
        const decision = standingDecision(this.decisions, this.report, e, d.decisionId, { check: 'committee', what: `the seating of election ${d.electionId}`, motionId: d.motionId, adopted: 'elected' });
        if (decision) {
          const proposal = decision.proposal;
          if (proposal?.kind !== 'elect_committee' || proposal.electionId !== d.electionId) bad(`decision ${d.decisionId} is not the owners' vote on election ${d.electionId}`);
          if (decision.adopted.kind === 'elected') {
            const elected = decision.adopted.candidates.map((c) => c.candidateId);
            if (sorted(elected) !== sorted(d.members.map((m) => m.memberId))) bad(`seats ${d.members.map((m) => m.memberId).join(', ')}; decision ${d.decisionId} elected ${elected.join(', ') || 'nobody'}`);
            if (decision.adopted.unfilledSeats !== d.unfilledSeats) bad(`records ${d.unfilledSeats} unfilled seats; the decision left ${decision.adopted.unfilledSeats}`);
          }
          if (decision.decidedAt !== d.electedAt) bad(`elected at ${d.electedAt}; the decision was taken at ${decision.decidedAt}`);
        }
        const posted = new Set((election.posted?.candidates ?? []).map((c) => c.candidateId));
        for (const m of d.members) {
          const c = election.candidates.find((x) => x.candidateId === m.memberId);
          if (!posted.has(m.memberId) || !c) bad(`seats ${m.memberId}, not a candidate the election posted`);
          else if (sorted(c.unitIds) !== sorted(m.unitIds) || c.personId !== m.personId) bad(`seats ${m.memberId} with units ${m.unitIds.join(', ')}; nominated with ${c.unitIds.join(', ')}`);
        }
        const into = d.kind === 'by_election' && s.term;
        const seats = into ? s.term!.seats : election.seats;
        if (d.seats !== seats) bad(`counts ${d.seats} seats; the ${into ? 'running term' : 'election'} has ${seats}`);
        const endsAt = into ? s.term!.termEndsAt : addYears(d.electedAt, election.termYears);
        if (d.termEndsAt !== endsAt) bad(`the term ends at ${d.termEndsAt}; ${into ? 'the running term ends' : `${election.termYears} years from the election is`} ${endsAt}`);
        if (into && d.termId !== s.term!.termId) bad(`a by-election seats into term ${d.termId}, not the running term ${s.term!.termId}`);
        return;
      }
      case 'ByElectionRequired': {
        const e2 = s.elections[event.data.electionId]?.decided;
        if (!e2 || e2.unfilledSeats !== event.data.seats) bad(`calls a by-election for ${event.data.seats} seats; election ${event.data.electionId} left ${e2 ? e2.unfilledSeats : 'no seating'} unfilled`);
        return;
      }
      case 'OfficersElected': {
        const d = event.data;
        const ids = new Set(serving.map((m) => m.memberId));
        if (d.members !== serving.length) bad(`counts ${d.members} members; ${serving.length} are in office`);
        if (!moreThanHalf(d.present, serving.length)) bad(`${d.present} present of ${serving.length} members is not more than half`);
        for (const officer of [d.chair, ...d.viceChairs]) {
          if (!ids.has(officer)) bad(`officer ${officer} is not a member in office`);
          const votes = d.votes[officer] ?? 0;
          if (!moreThanHalf(votes, serving.length)) bad(`officer ${officer} has ${votes} votes: not more than half of all ${serving.length} members`);
        }
        return;
      }
      case 'MeetingHeld': {
        const d = event.data;
        if (sorted(d.members) !== sorted(serving.map((m) => m.memberId))) bad(`counts members ${d.members.join(', ')}; in office: ${serving.map((m) => m.memberId).join(', ')}`);
        const members = serving.length;
        const present = new Set(d.present);
        const strangers = d.present.filter((p) => !serving.some((m) => m.memberId === p));
        if (strangers.length > 0) bad(`records ${strangers.join(', ')} present, not members in office`);
        const quorum = moreThanHalf(present.size, members);
        if (d.quorumMet !== quorum) bad(`posts the quorum as ${d.quorumMet ? 'met' : 'not met'}; ${present.size} present of ${members} members: ${quorum ? 'met' : 'not met'}`);
        for (const item of d.items) {
          if (item.inFavour.some((m) => !present.has(m))) bad(`item ${item.itemId} counts in favour members who were not present`);
          const adopted = quorum && moreThanHalf(new Set(item.inFavour).size, members);
          if (item.adopted !== adopted) bad(`item ${item.itemId} posted as ${item.adopted ? 'adopted' : 'not adopted'}; ${item.inFavour.length} in favour of ${members} members: ${adopted ? 'adopted' : 'not adopted'}`);
        }
        return;
      }
      case 'MembershipEnded':
      case 'MembershipTerminated': // polish: 京条例 Art. 46 para. 1 (二)(三), the same counts
      case 'MemberRemoved': {
        const d = event.data;
        if (!serving.some((m) => m.memberId === d.memberId)) bad(`ends the membership of ${d.memberId}, not a member in office`);
        else if (d.remaining !== serving.length - 1) bad(`leaves ${d.remaining} members; ${serving.length - 1} remain`);
        if (s.term && d.seats !== s.term.seats) bad(`counts ${d.seats} seats; the term has ${s.term.seats}`);
        if (event.type === 'MemberRemoved') {
          const removal = s.removals.find((r) => r.removalId === event.data.removalId);
          if (!removal || removal.memberId !== d.memberId) return bad(`removes ${d.memberId} on removal ${event.data.removalId}, which proposed no such removal`);
          if (removal.motionId === null) return bad(`removal ${removal.removalId} was never put to the owners`);
          standingDecision(this.decisions, this.report, e, event.data.decisionId, { check: 'committee', what: `the removal of ${d.memberId}`, motionId: removal.motionId, adopted: 'motion' });
        }
        return;
      }
      case 'EarlyReelectionRequired': {
        const d = event.data;
        if (!(2 * d.remaining < d.seats)) bad(`requires an early re-election with ${d.remaining} of ${d.seats} seats filled: not fewer than half`);
        return;
      }
      case 'RecordsHandedOver': {
        const d = event.data;
        const current = s.term?.termId === d.termId ? s.term : null;
        const past = s.pastTerms.find((p) => p.termId === d.termId);
        if (!current && !past) return bad(`hands over term ${d.termId}, which the export never seated`);
        if ((current ?? past)!.handover) bad(`hands over term ${d.termId} a second time`);
        const due = current ? current.transition.handoverDueBy : past!.handoverDueBy;
        if (due !== null && d.late !== Date.parse(d.handedOverAt) > Date.parse(due)) bad(`posted as ${d.late ? 'late' : 'on time'}; handed over ${d.handedOverAt}, due by ${due}`);
        return;
      }
      default:
        return;
    }
  }
}
