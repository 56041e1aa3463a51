/**
 * 候补委员 (Beijing): alternates elected in the same ballot after the members, at most as many as the members
 * (京条例 Art. 39 para. 1); a vacancy during the term is filled by the first alternate for the rest of the term
 * (Art. 41 para. 3: the order is the rules of procedure's; this project's default is the rank in the ballot).
 * Only once the alternates are used up does fewer than half the seats call the early re-election (Art. 48:
 * 经递补人数仍不足总数的二分之一).
 */
import { periodEnd } from '../time/legalPeriod.js';
import type { CommitteeEvent } from './events.js';
import { iso } from './guards.js';
import type { CommitteeRules } from './rules.js';
import type { ActiveCommitteeState, TermState } from './state.js';

/** After a member leaves (`remaining` serving without them): the first alternate fills the seat, then the early re-election if still short. */
export function afterVacancy(state: ActiveCommitteeState, term: TermState, vacated: string, remaining: number, rules: CommitteeRules, now: Date): CommitteeEvent[] {
  const events: CommitteeEvent[] = [];
  let serving = remaining;
  const next = term.alternates[0];
  if (next && serving < term.seats) {
    serving += 1;
    events.push({ type: 'AlternateSeated', data: { compoundId: state.compoundId, termId: term.termId, memberId: next.memberId, replaces: vacated, seatedAt: iso(now), remaining: serving, source: rules.sources.alternates } });
  }
  // 沪规定 Art. 32 para. 2 (一); 京条例 Art. 48; 指导规则 Art. 46: fewer than half (after the alternates) → early re-election.
  if (2 * serving < term.seats && !term.earlyReelection) {
    events.push({ type: 'EarlyReelectionRequired', data: { compoundId: state.compoundId, termId: term.termId, remaining: serving, seats: term.seats, requiredAt: iso(now), dueBy: iso(periodEnd(now, rules.earlyReelectionDays)) } });
  }
  return events;
}
