/**
 * The committee decider: pure, no clock but the context's. Each rule names its article (rules.ts holds the
 * numbers per jurisdiction).
 */
import { holdsAny, type ActorFacts } from '../assembly/index.js';
import { parseArea } from '../shared/area.js';
import { assertNever, type DecideContext, type Decider } from '../shared/decider.js';
import type { DomainError } from '../shared/errors.js';
import { periodEnd } from '../time/legalPeriod.js';
import type { CommitteeCommand } from './commands.js';
import { absencesAfter, conveneMeeting, demandMeeting, useSeal } from './convening.js';
import { checkEligibility } from './eligibility.js';
import { refuse } from './errors.js';
import type { CommitteeEvent, CommitteeMember, MeetingItem } from './events.js';
import { moreThanHalf, neededForMajority } from './majority.js';
import { groupProblem } from './guards.js';
import { answerRemoval, decideRemoval, proposeRemoval, putRemovalToOwners } from './removal.js';
import { committeeRules, type CommitteeRules, type NominationRoute } from './rules.js';
import { checkTransitionFreeze, formReelectionGroup, recordHandover, reportReelection } from './transition.js';
import { decideActing, isActingCommand } from './actingDecide.js';
import { afterVacancy } from './alternates.js';
import { recordIncapacity, resign } from './leaving.js';
import { activeMembers, evolveCommittee, initialCommitteeState, openElection, type ActiveCommitteeState, type CommitteeState } from './state.js';

/** Who does what (README "Who may do what"): the street office forms the group and reviews; the Party committee nominates and consents; the group or the OC convenes; owners nominate; members record meetings. */
export const GROUP_GRANTS = ['street_office', 'rc_staff', 'admin'] as const;
const CONVENING_GRANTS = ['street_office', 'rc_staff', 'oc_member', 'admin'];
const MEMBER_GRANTS = ['oc_member', 'admin'];
const SYSTEM_GRANTS = ['system', 'admin'];
const ROUTE_GRANTS: Record<NominationRoute, readonly string[]> = {
  party_organisation: ['party_committee', 'admin'],
  residents_committee: ['rc_staff', 'admin'],
  self: ['owner', 'admin'],
  owners_jointly: ['owner', 'admin'],
};

const MAX_TEXT = 2_000;
const iso = (d: Date) => d.toISOString();
const isText = (v: unknown, max = 200): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= max;

const entitled = (by: ActorFacts, grants: readonly string[]): DomainError | null =>
  holdsAny(by, grants) ? null : refuse('not_entitled', `this needs one of: ${grants.join(', ')}`, { needed: grants });

function addYears(at: string, years: number): string {
  const d = new Date(at);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString();
}
function minusMonths(at: string, months: number): string {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
}

/** Whether the small-compound size applies (沪规定 Art. 20: ≤ 10,000 m²; 京条例 Art. 39, 杭条例 Art. 27: ≤ 100 households). */
function isSmall(rules: CommitteeRules, size: { totalArea: string; households: number }): boolean {
  const { maxArea, maxHouseholds } = rules.seats.small;
  if (maxHouseholds !== undefined && size.households <= maxHouseholds) return true;
  if (maxArea !== undefined) {
    const area = parseArea(size.totalArea);
    const max = parseArea(maxArea)!;
    if (area !== null && area <= max) return true;
  }
  return false;
}

function seatsProblem(rules: CommitteeRules, seats: number, small: boolean): string | null {
  if (!Number.isInteger(seats) || seats < 1) return 'seats is a positive whole number';
  if (small && seats === rules.seats.smallSeats) return null;
  if (seats % 2 === 0) return `the committee has an odd number of members (${rules.sources.seats})`;
  if (seats < rules.seats.min || seats > rules.seats.max) return `${rules.seats.min} to ${rules.seats.max} members${rules.seats.smallSeats < rules.seats.min ? `, or ${rules.seats.smallSeats} in a small compound` : ''} (${rules.sources.seats})`;
  return null;
}

function decideActive(command: CommitteeCommand, state: ActiveCommitteeState, ctx: DecideContext): readonly CommitteeEvent[] | DomainError {
  const rules = committeeRules(state.jurisdiction);
  const now = ctx.now;
  const compoundId = state.compoundId;
  switch (command.type) {
    case 'FormPreparatoryGroup':
      return refuse('group_already_formed', 'the compound\u2019s preparatory body is already formed');
    case 'PostGroupList': {
      const denied = entitled(command.by, GROUP_GRANTS);
      if (denied) return denied;
      if (state.group.listPostedAt) return refuse('group_list_already_posted', 'the member list is already posted');
      const late = state.group.listPostingDueBy !== null && now.getTime() > Date.parse(state.group.listPostingDueBy);
      return [{ type: 'PreparatoryGroupListPosted', data: { compoundId, postedAt: iso(now), late } }];
    }
    case 'OpenElection': {
      const denied = entitled(command.by, CONVENING_GRANTS);
      if (denied) return denied;
      const d = command.data;
      if (state.elections[d.electionId]) return refuse('election_already_open', `election ${d.electionId} exists`);
      const pending = openElection(state);
      if (pending) return refuse('election_already_open', `election ${pending.electionId} is not decided yet`, { electionId: pending.electionId });
      const term = state.term;
      const vacancies = term ? term.seats - activeMembers(state).length : 0;
      const kind = !term ? 'first' : !term.earlyReelection && vacancies > 0 ? 'by_election' : 're_election';
      if (kind === 'by_election') {
        // 沪规定 Art. 32 para. 1: members short but more than half: the assembly may fill the seats.
        if (!Number.isInteger(d.seats) || d.seats < 1 || d.seats > vacancies) return refuse('invalid_seats', `a by-election fills 1 to ${vacancies} vacant seats`, { vacancies });
      } else {
        const problem = seatsProblem(rules, d.seats, isSmall(rules, d.size));
        if (problem) return refuse('invalid_seats', problem, { source: rules.sources.seats });
        if (!Number.isInteger(d.termYears) || d.termYears < rules.termYears.min || d.termYears > rules.termYears.max) {
          return refuse('invalid_term', `the term is ${rules.termYears.min} to ${rules.termYears.max} years (${rules.sources.termYears})`);
        }
      }
      // 京条例 Arts. 33, 39 para. 1: alternates elected with the members, at most as many (Beijing only).
      const alternates = d.alternates ?? 0;
      if (alternates !== 0 && (!rules.alternatesAllowed || kind === 'by_election' || !Number.isInteger(alternates) || alternates < 0 || alternates > d.seats)) {
        return refuse('invalid_seats', rules.alternatesAllowed ? `0 to ${d.seats} alternates, elected with the members (${rules.sources.alternates})` : `no alternates here (${rules.sources.alternates})`, { source: rules.sources.alternates });
      }
      return [{ type: 'ElectionOpened', data: { compoundId, electionId: d.electionId, kind, seats: d.seats, ...(alternates > 0 ? { alternates } : {}), termYears: kind === 'by_election' ? 0 : d.termYears, openedAt: iso(now) } }];
    }
    case 'NominateCandidate': {
      const d = command.data;
      if (!rules.nominationRoutes.includes(d.route)) return refuse('invalid_nomination', `${d.route} is not a nomination route here (${rules.sources.nomination})`);
      const denied = entitled(command.by, ROUTE_GRANTS[d.route]);
      if (denied) return denied;
      if (d.route === 'self' && command.by.personId !== d.personId && !command.by.grants.includes('admin')) return refuse('not_entitled', 'a self-nomination is the candidate\u2019s own');
      if (d.route === 'owners_jointly' && (!d.supporters || d.supporters.length < 2)) return refuse('invalid_nomination', 'a joint nomination names the units of at least two owners (supporters)');
      if (!isText(d.name, 100)) return refuse('invalid_nomination', 'the candidate\u2019s name is 1 to 100 characters');
      const election = state.elections[d.electionId];
      if (!election) return refuse('election_not_found', `no election ${d.electionId}`);
      if (election.posted) return refuse('nominations_closed', 'the candidate list is already posted');
      if (election.candidates.some((c) => c.candidateId === d.candidateId || c.personId === d.personId)) return refuse('already_nominated', 'this person is already nominated in this election');
      const { eligible, checks } = checkEligibility(rules, d.ownedUnits, d.declarations);
      return [
        {
          type: 'CandidateNominated',
          data: {
            compoundId,
            electionId: d.electionId,
            candidateId: d.candidateId,
            name: d.name.trim(),
            personId: d.personId,
            unitIds: [...d.ownedUnits],
            route: d.route,
            ...(d.supporters ? { supporters: [...d.supporters] } : {}),
            eligible,
            checks,
            nominatedAt: iso(now),
          },
        },
      ];
    }
    case 'VetCandidate': {
      const d = command.data;
      // 京条例 Art. 40: the list goes to the community Party organisation; 沪规定 Art. 21 (河南 Art. 28): the street office reviews.
      const body = command.by.grants.includes('party_committee') ? 'party_organisation' : command.by.grants.includes('street_office') ? 'street_office' : null;
      if (!body) return refuse('not_entitled', 'the community Party organisation consents, the street office reviews', { needed: ['party_committee', 'street_office'] });
      if (d.outcome !== 'approved' && d.outcome !== 'refused') return refuse('invalid_vetting', 'outcome is approved or refused');
      if (!isText(d.reason, MAX_TEXT)) return refuse('invalid_vetting', 'the reasons are recorded (1 to 2,000 characters)');
      const election = state.elections[d.electionId];
      if (!election) return refuse('election_not_found', `no election ${d.electionId}`);
      const candidate = election.candidates.find((c) => c.candidateId === d.candidateId);
      if (!candidate) return refuse('candidate_not_found', `no candidate ${d.candidateId}`);
      if (election.posted) return refuse('nominations_closed', 'the candidate list is already posted');
      if (!candidate.eligible) return refuse('candidate_ineligible', 'an ineligible nomination is not vetted', { checks: candidate.checks.filter((c) => !c.met) });
      if (candidate.vetting[body]) return refuse('already_vetted', `already vetted by the ${body.replace('_', ' ')}`);
      return [{ type: 'CandidateVetted', data: { compoundId, electionId: d.electionId, candidateId: d.candidateId, by: body, outcome: d.outcome, reason: d.reason.trim(), vettedAt: iso(now) } }];
    }
    case 'PostCandidates': {
      const denied = entitled(command.by, CONVENING_GRANTS);
      if (denied) return denied;
      const election = state.elections[command.data.electionId];
      if (!election) return refuse('election_not_found', `no election ${command.data.electionId}`);
      if (election.posted) return refuse('nominations_closed', 'the candidate list is already posted');
      const eligible = election.candidates.filter((c) => c.eligible);
      const pending = eligible.filter(
        (c) => (rules.partyConsentRequired && !c.vetting.party_organisation) || (rules.streetOfficeReviewRequired && !c.vetting.street_office),
      );
      if (pending.length > 0) {
        return refuse('vetting_pending', 'every eligible candidate is vetted before the list is posted', {
          candidates: pending.map((c) => c.candidateId),
          sources: [...(rules.partyConsentRequired ? [rules.sources.partyConsent] : []), ...(rules.streetOfficeReviewRequired ? [rules.sources.streetOfficeReview] : [])],
        });
      }
      const listed = eligible.filter((c) => c.vetting.party_organisation?.outcome !== 'refused' && c.vetting.street_office?.outcome !== 'refused');
      if (listed.length === 0) return refuse('no_candidates', 'no eligible, approved candidate to post');
      return [
        {
          type: 'CandidatesPosted',
          data: {
            compoundId,
            electionId: election.electionId,
            candidates: listed.map((c) => ({ candidateId: c.candidateId, name: c.name })),
            postedAt: iso(now),
            // e.g. 京条例 Art. 32; 杭条例 Art. 26: posted at least 15 days before the vote (a legal period, Civil Code Art. 201).
            votingMayOpenAt: iso(periodEnd(now, rules.postingBeforeVoteDays)),
          },
        },
      ];
    }
    case 'SeatCommittee': {
      const denied = entitled(command.by, SYSTEM_GRANTS);
      if (denied) return denied;
      const d = command.data;
      const election = state.elections[d.electionId];
      if (!election) return refuse('election_not_found', `no election ${d.electionId}`);
      if (election.decided) {
        if (election.decided.decisionId === d.decisionId) return [];
        return refuse('election_already_decided', 'this election already seated its members', { decisionId: election.decided.decisionId });
      }
      if (!election.posted) return refuse('candidates_not_posted', 'the election\u2019s candidates were never posted');
      const byId = new Map(election.candidates.map((c) => [c.candidateId, c]));
      const unknown = d.elected.filter((id) => !election.posted!.candidates.some((p) => p.candidateId === id));
      if (unknown.length > 0) return refuse('candidate_not_found', 'the decision elects candidates this election did not post', { candidates: unknown });
      const toMember = (id: string): CommitteeMember => {
        const c = byId.get(id)!;
        return { memberId: c.candidateId, name: c.name, personId: c.personId, unitIds: c.unitIds };
      };
      // 京条例 Art. 41 para. 3: with alternates on the ballot, the first `seats` in rank order are members, the rest alternates in order.
      const members: CommitteeMember[] = d.elected.slice(0, election.seats).map(toMember);
      const alternates: CommitteeMember[] = election.alternates > 0 ? d.elected.slice(election.seats).map(toMember) : [];
      const unfilledSeats = election.alternates > 0 ? election.seats - members.length : d.unfilledSeats;
      const by = election.kind === 'by_election' && state.term;
      const termId = by ? state.term!.termId : ctx.newId();
      const seats = by ? state.term!.seats : election.seats;
      const decidedAt = new Date(d.decidedAt);
      const termEndsAt = by ? state.term!.termEndsAt : addYears(d.decidedAt, election.termYears);
      const events: CommitteeEvent[] = [
        {
          type: 'CommitteeSeated',
          data: {
            compoundId,
            electionId: d.electionId,
            motionId: d.motionId,
            decisionId: d.decisionId,
            termId,
            kind: election.kind,
            members,
            ...(alternates.length > 0 ? { alternates } : {}),
            seats,
            unfilledSeats,
            electedAt: d.decidedAt,
            termEndsAt,
            // 指导规则 Art. 32 / 京条例 Art. 42: first meeting within 7 days; 物业管理条例 Art. 16 / 京条例 Art. 43: filing within 30.
            firstMeetingDueBy: by ? null : iso(periodEnd(decidedAt, rules.firstMeetingDays)),
            filingDueBy: by ? null : iso(periodEnd(decidedAt, rules.filingDays)),
            reelectionReportDueBy: by ? state.term!.reelectionReportDueBy : minusMonths(termEndsAt, rules.reelectionReportMonths),
          },
        },
      ];
      if (unfilledSeats > 0) events.push({ type: 'ByElectionRequired', data: { compoundId, termId, electionId: d.electionId, seats: unfilledSeats } });
      const serving = (by ? activeMembers(state).length : 0) + members.length;
      if (2 * serving < seats) {
        events.push({ type: 'EarlyReelectionRequired', data: { compoundId, termId, remaining: serving, seats, requiredAt: iso(now), dueBy: iso(periodEnd(now, rules.earlyReelectionDays)) } });
      }
      return events;
    }
    case 'ElectOfficers': {
      const denied = entitled(command.by, MEMBER_GRANTS);
      if (denied) return denied;
      const term = state.term;
      if (!term) return refuse('committee_not_found', 'no committee is seated');
      if (term.officers) return refuse('officers_already_elected', 'the chair and vice-chairs are already elected');
      const d = command.data;
      const members = activeMembers(state);
      const isMember = (id: string) => members.some((m) => m.memberId === id);
      const present = [...new Set(d.present)];
      const strangers = [...present, d.chair, ...d.viceChairs].filter((id) => !isMember(id));
      if (strangers.length > 0) return refuse('member_not_found', 'not members of the committee', { members: [...new Set(strangers)] });
      if (d.viceChairs.length < 1 || new Set([d.chair, ...d.viceChairs]).size !== d.viceChairs.length + 1) return refuse('invalid_officers', 'one chair and at least one vice-chair, all different');
      if (!moreThanHalf(present.length, members.length)) {
        return refuse('officers_not_elected', `the meeting needs more than half of the ${members.length} members present (${rules.sources.meetings})`, { present: present.length, needed: neededForMajority(members.length) });
      }
      const short: Record<string, unknown>[] = [];
      for (const officer of [d.chair, ...d.viceChairs]) {
        const votes = d.votes[officer];
        if (votes === undefined || !Number.isInteger(votes) || votes < 0 || votes > present.length) return refuse('invalid_officers', `votes for ${officer} are a whole number up to the members present`);
        // > 1/2 of ALL members (指导规则 Art. 32; 京条例 Art. 42), not of those present.
        if (!moreThanHalf(votes, members.length)) short.push({ officer, votes, needed: neededForMajority(members.length) });
      }
      if (short.length > 0) return refuse('officers_not_elected', `each officer needs more than half of all ${members.length} members (${rules.sources.officers})`, { short });
      const late = term.firstMeetingDueBy !== null && now.getTime() > Date.parse(term.firstMeetingDueBy);
      const votes = Object.fromEntries([d.chair, ...d.viceChairs].map((id) => [id, d.votes[id]!]));
      return [{ type: 'OfficersElected', data: { compoundId, termId: term.termId, chair: d.chair, viceChairs: [...d.viceChairs], votes, members: members.length, present: present.length, heldAt: iso(now), late } }];
    }
    case 'RecordFiling': {
      const denied = entitled(command.by, ['street_office', 'admin']);
      if (denied) return denied;
      const term = state.term;
      if (!term) return refuse('committee_not_found', 'no committee is seated');
      if (term.filing) return refuse('already_filed', 'the term is already filed', { certificateRef: term.filing.certificateRef });
      const d = command.data;
      if (!isText(d.certificateRef, 200) || !isText(d.authority, 200)) return refuse('invalid_filing', 'the filing certificate\u2019s reference and the authority are recorded (1 to 200 characters)');
      const late = term.filingDueBy !== null && now.getTime() > Date.parse(term.filingDueBy);
      return [{ type: 'CommitteeFiled', data: { compoundId, termId: term.termId, certificateRef: d.certificateRef.trim(), authority: d.authority.trim(), filedAt: iso(now), late } }];
    }
    case 'EndMembership': {
      const denied = entitled(command.by, SYSTEM_GRANTS);
      if (denied) return denied;
      const term = state.term;
      const d = command.data;
      // Still an owner (another unit, or bought back): nothing ends. Already ended: nothing to do (exactly once).
      const member = activeMembers(state).find((m) => m.personId === d.personId);
      if (!term || d.stillOwnsUnits.length > 0) return [];
      if (!member) {
        // An alternate who is no longer an owner leaves the alternates' list (京条例 Art. 39 para. 1: alternates
        // meet a member's conditions, owner in the compound first; Art. 46 para. 1 (一)), once.
        const alternate = term.alternates.find((a) => a.personId === d.personId);
        if (!alternate) return [];
        return [{ type: 'AlternateLeft', data: { compoundId, termId: term.termId, memberId: alternate.memberId, reason: 'no_longer_owner', causeEventId: d.causeEventId, unitId: d.unitId, leftAt: iso(now), source: rules.sources.membershipEnds } }];
      }
      const remaining = activeMembers(state).length - 1;
      const events: CommitteeEvent[] = [
        // 京条例 Art. 46 (一); 指导规则 Art. 43: membership ends by itself when the member is no longer an owner.
        { type: 'MembershipEnded', data: { compoundId, termId: term.termId, memberId: member.memberId, reason: 'no_longer_owner', causeEventId: d.causeEventId, unitId: d.unitId, endedAt: iso(now), remaining, seats: term.seats } },
      ];
      // 京条例 Art. 41 para. 3: an alternate fills the seat; then fewer than half → early re-election (Art. 48).
      events.push(...afterVacancy(state, term, member.memberId, remaining, rules, now));
      return events;
    }
    case 'RecordMeeting': {
      const denied = entitled(command.by, MEMBER_GRANTS);
      if (denied) return denied;
      const term = state.term;
      if (!term) return refuse('committee_not_found', 'no committee is seated');
      const d = command.data;
      if (!isText(d.meetingId, 64) || state.meetings.some((m) => m.meetingId === d.meetingId)) return refuse('meeting_already_recorded', `meeting ${d.meetingId} is already recorded`);
      if (d.items.length < 1 || d.items.length > 50) return refuse('invalid_meeting', 'a meeting decides 1 to 50 items');
      const members = activeMembers(state).map((m) => m.memberId);
      const present = [...new Set(d.present)];
      const strangers = present.filter((id) => !members.includes(id));
      if (strangers.length > 0) return refuse('member_not_found', 'not members of the committee', { members: strangers });
      const items: MeetingItem[] = [];
      for (const item of d.items) {
        if (!isText(item.itemId, 64) || !isText(item.title, 500)) return refuse('invalid_meeting', 'each item has an id and a title');
        const inFavour = [...new Set(item.inFavour)];
        const absent = inFavour.filter((id) => !present.includes(id));
        // 京条例 Art. 45 para. 2; 指导规则 Art. 38: members may not vote by proxy: only those present sign.
        if (absent.length > 0) return refuse('proxy_not_allowed', 'only members present sign; no proxies', { item: item.itemId, members: absent, source: rules.sources.meetings });
        items.push({ itemId: item.itemId, title: item.title.trim(), inFavour, adopted: false });
      }
      // Quorum: > 1/2 of members present; each decision: > 1/2 of ALL members in favour, signing.
      const quorumMet = moreThanHalf(present.length, members.length);
      const decided = items.map((i) => ({ ...i, adopted: quorumMet && moreThanHalf(i.inFavour.length, members.length) }));
      const demandId = state.convened.find((c) => c.meetingId === d.meetingId)?.demandId;
      const held = { compoundId, termId: term.termId, meetingId: d.meetingId, heldAt: iso(now), members, present, quorumMet, items: decided, publicationDueBy: iso(periodEnd(now, rules.decisionPublicationDays)), ...(demandId ? { demandId } : {}) };
      return [{ type: 'MeetingHeld', data: held }, ...absencesAfter(state, rules, held, now).map((data) => ({ type: 'AbsencesFlagged' as const, data }))];
    }
    case 'PublishMeetingDecisions': {
      const denied = entitled(command.by, MEMBER_GRANTS);
      if (denied) return denied;
      const meeting = state.meetings.find((m) => m.meetingId === command.data.meetingId);
      if (!meeting) return refuse('meeting_not_found', `no meeting ${command.data.meetingId}`);
      if (meeting.published) return refuse('decisions_already_published', 'already published');
      return [{ type: 'MeetingDecisionsPublished', data: { compoundId, meetingId: meeting.meetingId, publishedAt: iso(now), late: now.getTime() > Date.parse(meeting.publicationDueBy) } }];
    }
    case 'ReportReelection':
      return reportReelection(command, state, rules, ctx);
    case 'FormReelectionGroup':
      return formReelectionGroup(command, state, rules, ctx);
    case 'RecordHandover':
      return recordHandover(command, state, rules, ctx);
    case 'ProposeRemoval':
      return proposeRemoval(command, state, rules, ctx);
    case 'Resign':
      return resign(command, state, rules, ctx);
    case 'RecordIncapacity':
      return recordIncapacity(command, state, rules, ctx);
    case 'AnswerRemoval':
      return answerRemoval(command, state, ctx);
    case 'PutRemovalToOwners':
      return putRemovalToOwners(command, state, ctx);
    case 'DecideRemoval':
      return decideRemoval(command, state, rules, ctx);
    case 'ConveneMeeting':
      return conveneMeeting(command, state, rules, ctx);
    case 'DemandMeeting':
      return demandMeeting(command, state, rules, ctx);
    case 'UseSeal':
      return useSeal(command, state, rules, ctx);
    case 'FormPropertyManagementCommittee':
    case 'DissolvePropertyManagementCommittee':
    case 'RecordResidentsCommitteeActing':
    case 'RecordActingConvening':
      return decideActing(command, state, ctx);
    case 'CheckTransitionFreeze':
      return checkTransitionFreeze(command, state, ctx);
    default:
      return assertNever(command);
  }
}

function formGroup(command: Extract<CommitteeCommand, { type: 'FormPreparatoryGroup' }>, ctx: DecideContext): readonly CommitteeEvent[] | DomainError {
  const denied = entitled(command.by, ['street_office', 'admin']);
  if (denied) return denied;
  const d = command.data;
  const rules = committeeRules(d.jurisdiction);
  const members = d.members;
  // 指导规则 Arts. 10–12; 沪规定 Art. 15; 京条例 Art. 31: an odd number, owner representatives at least half, the leader per pack.
  const problem = groupProblem(rules, d);
  if (problem) return problem;
  const now = ctx.now;
  return [
    {
      type: 'PreparatoryGroupFormed',
      data: {
        compoundId: d.compoundId,
        jurisdiction: d.jurisdiction,
        body: rules.preparatoryBody,
        members: members.map((m) => ({ memberId: m.memberId, name: m.name.trim(), kind: m.kind, ...(m.unitId ? { unitId: m.unitId } : {}) })),
        leaderMemberId: d.leaderMemberId,
        formedAt: iso(now),
        listPostingDueBy: rules.groupListPostingDays === null ? null : iso(periodEnd(now, rules.groupListPostingDays)),
        firstAssemblyDueBy: rules.firstAssemblyDays === null ? null : iso(periodEnd(now, rules.firstAssemblyDays)),
      },
    },
  ];
}

export function decideCommittee(command: CommitteeCommand, state: CommitteeState, ctx: DecideContext): readonly CommitteeEvent[] | DomainError {
  if (state.status === 'none') {
    if (command.type === 'FormPreparatoryGroup') return formGroup(command, ctx);
    if (command.type === 'EndMembership' || command.type === 'CheckTransitionFreeze') return [];
    if (isActingCommand(command)) return decideActing(command, state, ctx);
    return refuse('group_not_found', 'no preparatory body is formed for this compound');
  }
  return decideActive(command, state, ctx);
}

export const committeeDecider: Decider<CommitteeState, CommitteeCommand, CommitteeEvent> = {
  initialState: initialCommitteeState,
  evolve: evolveCommittee,
  decide: decideCommittee,
};
