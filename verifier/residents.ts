/**
 * Residents' meetings (居民会议, 居民代表会议) recomputed from the events alone, folding the roll, each meeting
 * and each request to convene with the domain's own evolve (domain/residents) and its own integer rules:
 * - the roll's and a request's totals are those of the households they list;
 * - a meeting's size follows its constituency on the roll as it stood when it was convened (居委会组织法 Art. 9
 *   para. 1), a representatives' meeting's members are the representatives chosen by then;
 * - every item decided: a residents' meeting by more than half of its members present and more than half of
 *   those present in favour (Art. 9 para. 2), on the attendance recorded; a representatives' meeting by the
 *   community's fractions, counted from the representatives' own recorded votes;
 * - a request to convene: each signature's running totals, and its being reached at 1/5 of the adults, 1/5 of
 *   the households or 1/3 of the groups (Art. 10 para. 2), neither earlier nor later.
 */
import {
  constituencySize,
  evolveResidents,
  initialResidentsState,
  meetsFraction,
  petitionReached,
  representativesOf,
  residentsMeetingAdopts,
  residentsMeetingQuorum,
  rollTotals,
  type ResidentsEvent,
  type ResidentsState,
} from '../domain/residents/index.js';
import { canonicalJson } from './canonical.js';
import type { ExportedEvent } from './format.js';
import { recordOf, type Report } from './problems.js';

export class ResidentsCheck {
  private readonly streams = new Map<string, ResidentsState>();
  items = 0;

  constructor(private readonly report: Report) {}

  apply(e: ExportedEvent): void {
    if (!e.streamId.startsWith('residents-')) return;
    const event = { type: e.type, data: e.data } as ResidentsEvent;
    const before = this.streams.get(e.streamId) ?? initialResidentsState();
    this.check(e, event, before);
    this.streams.set(e.streamId, evolveResidents(before, event));
  }

  private roll(compoundId: string): ResidentsState {
    return this.streams.get(`residents-roll-${compoundId}`) ?? initialResidentsState();
  }

  private check(e: ExportedEvent, event: ResidentsEvent, s: ResidentsState): void {
    const bad = (detail: string) => this.report('residents', recordOf(e), detail);
    switch (event.type) {
      case 'ResidentsRollRecorded':
      case 'ConveneRequestOpened': {
        const want = rollTotals(event.data.households);
        if (canonicalJson(want) !== canonicalJson(event.data.totals)) bad(`states totals ${canonicalJson(event.data.totals)}; its households give ${canonicalJson(want)}`);
        return;
      }
      case 'ResidentsMeetingConvened': {
        const d = event.data;
        const roll = this.roll(d.compoundId);
        if (roll.kind !== 'roll') return bad('convened with no residents\u2019 roll in the export');
        if (d.kind === 'residents_meeting') {
          const size = d.constituency ? constituencySize(d.constituency, roll.totals) : -1;
          if (size !== d.size) bad(`a residents' meeting of ${d.size} members; its constituency on the roll of the day gives ${size}`);
        } else {
          const reps = [...representativesOf(roll)].sort();
          if (canonicalJson([...(d.representatives ?? [])].sort()) !== canonicalJson(reps) || d.size !== reps.length) bad(`a representatives' meeting of ${d.size} (${(d.representatives ?? []).join(', ')}); the representatives chosen by then are ${reps.length} (${reps.join(', ')})`);
        }
        return;
      }
      case 'AttendanceRecorded': {
        if (s.kind !== 'meeting') return bad('attendance at a meeting the export never convened');
        const d = event.data;
        if (s.convened.kind === 'representatives_meeting') {
          const reps = d.representatives ?? [];
          if (d.present !== new Set(reps).size || reps.some((r) => !(s.convened.representatives ?? []).includes(r))) bad(`records ${d.present} present; the representatives listed are ${reps.join(', ')}`);
        } else if (d.present > s.convened.size) bad(`records ${d.present} present of a meeting of ${s.convened.size}`);
        return;
      }
      case 'ItemDecided': {
        this.items += 1;
        if (s.kind !== 'meeting') return bad('decides an item of a meeting the export never convened');
        const d = event.data;
        const m = s.convened;
        if (!m.agenda.some((i) => i.itemId === d.itemId)) bad(`item ${d.itemId} is not on the agenda`);
        let want: { size: number; present: number; inFavour: number; against: number; abstain: number; quorumMet: boolean; adopted: boolean };
        if (m.kind === 'residents_meeting') {
          const present = s.present ?? 0;
          const quorumMet = residentsMeetingQuorum(present, m.size);
          if (d.inFavour + d.against + d.abstain > present) bad(`counts ${d.inFavour + d.against + d.abstain} votes with ${present} present`);
          // 居委会组织法 Art. 9 para. 2: more than half present; more than half of those present in favour.
          want = { size: m.size, present, inFavour: d.inFavour, against: d.against, abstain: d.abstain, quorumMet, adopted: quorumMet && residentsMeetingAdopts(d.inFavour, present) };
        } else {
          const rules = m.rules;
          if (!rules) return bad('a representatives\u2019 meeting without its rules');
          const votes = [...(s.votes.get(d.itemId)?.values() ?? [])];
          const present = s.presentRepresentatives.size;
          const inFavour = votes.filter((v) => v === 'for').length;
          const quorumMet = meetsFraction(present, m.size, rules.quorum);
          want = { size: m.size, present, inFavour, against: votes.filter((v) => v === 'against').length, abstain: votes.filter((v) => v === 'abstain').length, quorumMet, adopted: quorumMet && meetsFraction(inFavour, present, rules.majority) };
        }
        const got = { size: d.size, present: d.present, inFavour: d.inFavour, against: d.against, abstain: d.abstain, quorumMet: d.quorumMet, adopted: d.adopted };
        if (canonicalJson(got) !== canonicalJson(want)) bad(`item ${d.itemId} posts ${canonicalJson(got)}; recomputed ${canonicalJson(want)}`);
        return;
      }
      case 'RepresentativeVoted': {
        if (s.kind !== 'meeting' || !s.presentRepresentatives.has(event.data.representativeId)) bad(`a vote by ${event.data.representativeId}, not recorded present`);
        return;
      }
      case 'ConveneRequestSigned': {
        if (s.kind !== 'request') return bad('a signature on a request the export never opened');
        const d = event.data;
        const want = {
          households: s.signed.households + (d.householdId !== null ? 1 : 0),
          adults: s.signed.adults + (d.householdId !== null ? s.households.get(d.householdId) ?? 0 : 0),
          groups: s.signed.groups + (d.group !== null ? 1 : 0),
        };
        if (canonicalJson(want) !== canonicalJson(d.signed)) bad(`states ${canonicalJson(d.signed)} signed; recomputed ${canonicalJson(want)}`);
        if (d.householdId !== null && !s.households.has(d.householdId)) bad(`household ${d.householdId} is not on the request's roll`);
        return;
      }
      case 'ConveneRequestReached': {
        if (s.kind !== 'request') return bad('reaches a request the export never opened');
        const reached = petitionReached(s.signed, s.totals);
        if (s.reached || !reached.reached || canonicalJson(reached.by) !== canonicalJson(event.data.by)) bad(`posted as reached by ${event.data.by.join(', ')}; ${canonicalJson(s.signed)} signed of ${canonicalJson(s.totals)} reaches ${reached.by.join(', ') || 'nothing'}`);
        return;
      }
      case 'RepresentativesChosen':
        return;
      default:
        return;
    }
  }

  /** A request that reached its threshold is posted as reached (checked once every event is in). */
  finish(): void {
    for (const [streamId, s] of this.streams) {
      if (s.kind === 'request' && !s.reached && petitionReached(s.signed, s.totals).reached) {
        this.report('residents', `stream ${streamId}`, `${canonicalJson(s.signed)} signed of ${canonicalJson(s.totals)} reaches the threshold of 居委会组织法 Art. 10 para. 2, but the request was never posted as reached`);
      }
    }
  }
}
