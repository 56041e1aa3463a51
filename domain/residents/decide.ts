/**
 * The residents' deciders: the roll (`residents-roll-<compoundId>`), meetings (`residents-meeting-<id>`) and
 * requests to convene (`residents-request-<id>`). The residents' committee keeps the roll, convenes and chairs
 * meetings (居委会组织法 Art. 10 para. 1: 居民会议由居民委员会召集和主持) and records what happened in them.
 */
import type { ActorFacts } from '../assembly/index.js';
import { assertNever, type DecideContext, type Decider } from '../shared/decider.js';
import type { DomainError } from '../shared/errors.js';
import { periodEnd, DEFAULT_CALENDAR, type HolidayCalendar } from '../time/legalPeriod.js';
import type { ResidentsCommand } from './commands.js';
import { refuse } from './errors.js';
import type { ResidentsEvent } from './events.js';
import { checkHouseholds, rollTotals, type RollTotals } from './roll.js';
import {
  constituencySize,
  DEFAULT_CONVENE_DAYS,
  DEFAULT_REPRESENTATIVE_RULES,
  meetsFraction,
  petitionReached,
  residentsMeetingAdopts,
  residentsMeetingQuorum,
  type RepresentativeRules,
} from './rules.js';
import { evolveResidents, initialResidentsState, type ResidentsState } from './state.js';

export interface ResidentsContext extends DecideContext {
  readonly calendar?: HolidayCalendar;
}

type Decision = readonly ResidentsEvent[] | DomainError;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** The residents' committee keeps the roll and runs meetings; the street office may too (it guides the RC, Art. 2). */
const RC: readonly string[] = ['rc_staff', 'street_office'];
const isRc = (by: ActorFacts) => by.grants.some((g) => RC.includes(g));
const text = (v: unknown, max: number) => (typeof v === 'string' && v.trim() !== '' && v.length <= max ? v.trim() : null);
const count = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 1_000_000;

function decide(cmd: ResidentsCommand, state: ResidentsState, ctx: ResidentsContext): Decision {
  if (!isRc(cmd.by)) return refuse('not_entitled', 'the residents\u2019 committee keeps the roll and runs residents\u2019 meetings (居委会组织法 Art. 10)');
  const now = ctx.now.toISOString();
  switch (cmd.type) {
    case 'RecordRoll': {
      const households = checkHouseholds(cmd.data.households);
      if ('code' in households) return households;
      return [{ type: 'ResidentsRollRecorded', data: { compoundId: cmd.data.compoundId, households, totals: rollTotals(households), recordedAt: now } }];
    }
    case 'ChooseRepresentatives': {
      if (state.kind !== 'roll') return refuse('roll_not_found', 'record the residents\u2019 roll first');
      const { group, representatives, evidenceRef } = cmd.data;
      if (!state.groups.has(group)) return refuse('invalid_representatives', `no residents\u2019 group ${group} on the roll`);
      if (!text(evidenceRef, 500)) return refuse('invalid_representatives', 'the choice of representatives names its record (evidenceRef)');
      if (!Array.isArray(representatives) || representatives.length === 0 || representatives.length > 100) return refuse('invalid_representatives', 'a group chooses 1 to 100 representatives');
      const ids = new Set<string>();
      for (const r of representatives) {
        if (typeof r?.representativeId !== 'string' || !ID.test(r.representativeId) || ids.has(r.representativeId)) return refuse('invalid_representatives', 'representative ids are unique ids');
        if (!Number.isInteger(r.households) || r.households < 1) return refuse('invalid_representatives', 'each representative answers for at least one household');
        ids.add(r.representativeId);
      }
      const answered = representatives.reduce((n, r) => n + r.households, 0);
      if (answered > state.groups.get(group)!) return refuse('invalid_representatives', 'more households represented than the group has', { group, households: state.groups.get(group) });
      return [{ type: 'RepresentativesChosen', data: { compoundId: state.compoundId, group, representatives: representatives.map((r) => ({ ...r })), evidenceRef: evidenceRef.trim(), chosenAt: now } }];
    }
    case 'ConveneMeeting': {
      if (state.kind !== 'none') return refuse('meeting_exists', `meeting ${cmd.data.meetingId} exists`);
      const d = cmd.data;
      if (!d.roll) return refuse('roll_not_found', 'record the residents\u2019 roll first');
      if (!Array.isArray(d.agenda) || d.agenda.length === 0 || d.agenda.length > 50) return refuse('invalid_meeting', 'an agenda lists 1 to 50 items');
      const items = new Set<string>();
      for (const i of d.agenda) {
        if (typeof i?.itemId !== 'string' || !ID.test(i.itemId) || items.has(i.itemId) || !text(i.title, 200)) return refuse('invalid_meeting', 'agenda items have unique ids and a title of 1 to 200 characters');
        items.add(i.itemId);
      }
      const heldAt = Date.parse(d.heldAt);
      if (Number.isNaN(heldAt)) return refuse('invalid_meeting', 'heldAt is an ISO-8601 instant');
      let size: number;
      let rules: RepresentativeRules | null = null;
      let representatives: readonly string[] | null = null;
      if (d.kind === 'residents_meeting') {
        const c = d.constituency;
        if (!c || !['all_adults', 'household_representatives', 'group_representatives'].includes(c.kind) || (c.kind === 'group_representatives' && c.perGroup !== 2 && c.perGroup !== 3)) {
          return refuse('invalid_meeting', 'the constituency is all_adults, household_representatives, or group_representatives with perGroup 2 or 3 (居委会组织法 Art. 9)');
        }
        size = constituencySize(c, d.roll.totals);
      } else if (d.kind === 'representatives_meeting') {
        representatives = [...d.roll.representatives];
        size = representatives.length;
        rules = { ...DEFAULT_REPRESENTATIVE_RULES, ...(d.rules ?? {}) };
        const fractionOk = (f: RepresentativeRules['quorum']) => Number.isInteger(f.num) && Number.isInteger(f.den) && f.num > 0 && f.den > 0 && f.num <= f.den;
        if (!fractionOk(rules.quorum) || !fractionOk(rules.majority)) return refuse('invalid_meeting', 'quorum and majority are fractions num/den of at most 1');
      } else {
        return refuse('invalid_meeting', 'kind is residents_meeting or representatives_meeting');
      }
      if (size === 0) return refuse('invalid_meeting', 'the meeting would have no members');
      return [
        {
          type: 'ResidentsMeetingConvened',
          data: {
            meetingId: d.meetingId,
            compoundId: d.compoundId,
            kind: d.kind,
            // Only what the constituency's kind has: a stray perGroup on all_adults is not kept (居委会组织法 Art. 9).
            constituency: d.kind === 'residents_meeting' ? (d.constituency!.kind === 'group_representatives' ? { kind: 'group_representatives', perGroup: d.constituency!.perGroup } : { kind: d.constituency!.kind }) : null,
            representatives,
            rules,
            size,
            agenda: d.agenda.map((i) => ({ itemId: i.itemId, title: i.title.trim() })),
            heldAt: new Date(heldAt).toISOString(),
            requestId: d.requestId ?? null,
            convenedAt: now,
          },
        },
      ];
    }
    case 'RecordAttendance': {
      if (state.kind !== 'meeting') return refuse('meeting_not_found', `no meeting ${cmd.data.meetingId}`);
      if (!text(cmd.data.evidenceRef, 500)) return refuse('invalid_count', 'attendance names its record (the sign-in sheet: evidenceRef)');
      if (state.kind === 'meeting' && state.convened.kind === 'representatives_meeting') {
        const reps = cmd.data.representatives ?? [];
        const known = new Set(state.convened.representatives ?? []);
        if (!Array.isArray(reps) || reps.some((r) => !known.has(r)) || new Set(reps).size !== reps.length) return refuse('representative_not_found', 'attendance lists representatives of this meeting, once each');
        return [{ type: 'AttendanceRecorded', data: { meetingId: state.convened.meetingId, present: reps.length, representatives: [...reps], evidenceRef: cmd.data.evidenceRef.trim() } }];
      }
      const present = cmd.data.present;
      if (!count(present) || (present as number) > state.convened.size) return refuse('invalid_count', `present is a whole number from 0 to the meeting\u2019s ${state.convened.size} members`);
      return [{ type: 'AttendanceRecorded', data: { meetingId: state.convened.meetingId, present: present as number, representatives: null, evidenceRef: cmd.data.evidenceRef.trim() } }];
    }
    case 'RecordCount': {
      if (state.kind !== 'meeting') return refuse('meeting_not_found', `no meeting ${cmd.data.meetingId}`);
      const m = state.convened;
      if (m.kind !== 'residents_meeting') return refuse('invalid_vote', 'representatives vote one by one, on the record');
      if (!m.agenda.some((i) => i.itemId === cmd.data.itemId)) return refuse('item_not_found', `no item ${cmd.data.itemId} on the agenda`);
      if (state.decided.has(cmd.data.itemId)) return refuse('item_already_decided', 'this item is decided');
      if (state.present === null) return refuse('attendance_not_recorded', 'record the attendance first');
      const { inFavour, against, abstain } = cmd.data;
      if (![inFavour, against, abstain].every(count) || inFavour + against + abstain > state.present) return refuse('invalid_count', 'the counts are whole numbers adding up to at most those present');
      const quorumMet = residentsMeetingQuorum(state.present, m.size);
      return [
        {
          type: 'ItemDecided',
          data: {
            meetingId: m.meetingId,
            itemId: cmd.data.itemId,
            size: m.size,
            present: state.present,
            inFavour,
            against,
            abstain,
            quorumMet,
            adopted: quorumMet && residentsMeetingAdopts(inFavour, state.present),
            rule: '居委会组织法 Art. 9: more than half of the members present; more than half of those present in favour',
            decidedAt: now,
          },
        },
      ];
    }
    case 'RecordRepresentativeVote': {
      if (state.kind !== 'meeting') return refuse('meeting_not_found', `no meeting ${cmd.data.meetingId}`);
      const m = state.convened;
      if (m.kind !== 'representatives_meeting') return refuse('invalid_vote', 'a residents\u2019 meeting records its counts');
      if (!m.agenda.some((i) => i.itemId === cmd.data.itemId)) return refuse('item_not_found', `no item ${cmd.data.itemId} on the agenda`);
      if (state.decided.has(cmd.data.itemId)) return refuse('item_already_decided', 'this item is decided');
      if (!state.presentRepresentatives.has(cmd.data.representativeId)) return refuse('representative_not_found', 'only a representative recorded present votes');
      if (!['for', 'against', 'abstain'].includes(cmd.data.choice)) return refuse('invalid_vote', 'the choice is for, against or abstain');
      if (state.votes.get(cmd.data.itemId)?.has(cmd.data.representativeId)) return refuse('already_voted', 'this representative has voted on this item');
      return [{ type: 'RepresentativeVoted', data: { ...cmd.data } }];
    }
    case 'CloseItem': {
      if (state.kind !== 'meeting') return refuse('meeting_not_found', `no meeting ${cmd.data.meetingId}`);
      const m = state.convened;
      if (m.kind !== 'representatives_meeting' || !m.rules) return refuse('invalid_vote', 'a residents\u2019 meeting records its counts');
      if (state.decided.has(cmd.data.itemId)) return refuse('item_already_decided', 'this item is decided');
      if (!m.agenda.some((i) => i.itemId === cmd.data.itemId)) return refuse('item_not_found', `no item ${cmd.data.itemId} on the agenda`);
      const votes = [...(state.votes.get(cmd.data.itemId)?.values() ?? [])];
      const present = state.presentRepresentatives.size;
      const inFavour = votes.filter((v) => v === 'for').length;
      const quorumMet = meetsFraction(present, m.size, m.rules.quorum);
      return [
        {
          type: 'ItemDecided',
          data: {
            meetingId: m.meetingId,
            itemId: cmd.data.itemId,
            size: m.size,
            present,
            inFavour,
            against: votes.filter((v) => v === 'against').length,
            abstain: votes.filter((v) => v === 'abstain').length,
            quorumMet,
            adopted: quorumMet && meetsFraction(inFavour, present, m.rules.majority),
            rule: `the community\u2019s rules: ${m.rules.quorum.num}/${m.rules.quorum.den} of the representatives present, ${m.rules.majority.inclusive ? 'at least' : 'more than'} ${m.rules.majority.num}/${m.rules.majority.den} of those present in favour`,
            decidedAt: now,
          },
        },
      ];
    }
    case 'OpenConveneRequest': {
      if (state.kind !== 'none') return refuse('request_exists', `request ${cmd.data.requestId} exists`);
      if (!cmd.data.households) return refuse('roll_not_found', 'record the residents\u2019 roll first');
      const purpose = text(cmd.data.purpose, 2000);
      if (!purpose) return refuse('invalid_meeting', 'the request states its purpose (1 to 2,000 characters)');
      const households = cmd.data.households;
      return [{ type: 'ConveneRequestOpened', data: { requestId: cmd.data.requestId, compoundId: cmd.data.compoundId, purpose, totals: rollTotals(households), households, openedAt: now } }];
    }
    case 'SignConveneRequest': {
      if (state.kind !== 'request') return refuse('meeting_not_found', `no request ${cmd.data.requestId}`);
      if (!text(cmd.data.evidenceRef, 500)) return refuse('invalid_count', 'a signature points at the written request (evidenceRef)');
      const { householdId, group } = cmd.data;
      if ((householdId === undefined) === (group === undefined)) return refuse('invalid_count', 'sign for a household or for a residents\u2019 group');
      if (householdId !== undefined) {
        if (!state.households.has(householdId)) return refuse('household_not_found', `no household ${householdId} on the roll`);
        if (state.signedHouseholds.has(householdId)) return refuse('already_requested', 'this household has already asked');
      } else if (!state.groupNames.has(group!)) return refuse('household_not_found', `no residents\u2019 group ${group}`);
      else if (state.signedGroups.has(group!)) return refuse('already_requested', 'this group has already asked');
      const signed: RollTotals = {
        households: state.signed.households + (householdId !== undefined ? 1 : 0),
        adults: state.signed.adults + (householdId !== undefined ? state.households.get(householdId)! : 0),
        groups: state.signed.groups + (group !== undefined ? 1 : 0),
      };
      const events: ResidentsEvent[] = [{ type: 'ConveneRequestSigned', data: { requestId: state.requestId, householdId: householdId ?? null, group: group ?? null, signed, evidenceRef: cmd.data.evidenceRef.trim() } }];
      const reached = petitionReached(signed, state.totals);
      if (!state.reached && reached.reached) {
        events.push({
          type: 'ConveneRequestReached',
          data: { requestId: state.requestId, compoundId: state.compoundId, by: reached.by, conveneBy: periodEnd(ctx.now, DEFAULT_CONVENE_DAYS, ctx.calendar ?? DEFAULT_CALENDAR).toISOString() },
        });
      }
      return events;
    }
    default:
      return assertNever(cmd);
  }
}

export const residentsDecider: Decider<ResidentsState, ResidentsCommand, ResidentsEvent, ResidentsContext> = {
  initialState: initialResidentsState,
  evolve: evolveResidents,
  decide,
};
