/**
 * Mediation rules (人民调解法) and their clocks, in China time (Civil Code Arts. 200–204).
 */
import { periodEnd, DEFAULT_CALENDAR, type HolidayCalendar } from '../time/legalPeriod.js';

/** 纠纷类别. */
export type DisputeCategory = 'fees' | 'service' | 'decision' | 'ballot' | 'funds' | 'election' | 'contract' | 'neighbours' | 'other';
export const disputeCategories: readonly DisputeCategory[] = ['fees', 'service', 'decision', 'ballot', 'funds', 'election', 'contract', 'neighbours', 'other'];

/** The parties of a compound's disputes (业主、业委会、物业、居委会). */
export type Party = 'owner' | 'oc' | 'firm' | 'rc';
export const parties: readonly Party[] = ['owner', 'oc', 'firm', 'rc'];

/** Who mediates: the community Party committee, the RC's people's mediation committee (Arts. 8–9), a joint meeting, the street office. */
export type Mediator = 'party_committee' | 'mediation_committee' | 'joint_meeting' | 'street_office';
export const mediators: readonly Mediator[] = ['party_committee', 'mediation_committee', 'joint_meeting', 'street_office'];

/** What a dispute may be about: records of other contexts, by type and id. */
export type LinkedRecordType = 'motion' | 'ballot' | 'decision' | 'release' | 'contract' | 'election' | 'complaint';
export const linkedRecordTypes: readonly LinkedRecordType[] = ['motion', 'ballot', 'decision', 'release', 'contract', 'election', 'complaint'];

/** Art. 26: routes the parties are told of when mediation fails. */
export type Route = 'arbitration' | 'administrative' | 'judicial';
export const routes: readonly Route[] = ['arbitration', 'administrative', 'judicial'];

const DAY = 86_400_000;
const CHINA = 8 * 3_600_000;

/**
 * One month from `from` (司法部《人民调解工作若干规定》 Art. 33: 一般在一个月内调结; Civil Code Art. 202: the
 * corresponding day of the next month, or its last day when there is none), ending at 24:00 China time, a rest
 * day at the end rolling to the next working day (Art. 203).
 */
export function oneMonthFrom(from: Date, calendar: HolidayCalendar = DEFAULT_CALENDAR): Date {
  const china = new Date(from.getTime() + CHINA);
  const y = china.getUTCFullYear();
  const m = china.getUTCMonth();
  const lastDay = new Date(Date.UTC(y, m + 2, 0)).getUTCDate();
  const target = Date.UTC(y, m + 1, Math.min(china.getUTCDate(), lastDay));
  // periodEnd counts from the day after its start: start it on the day before the target, for one day.
  return periodEnd(new Date(target - DAY - CHINA + 12 * 3_600_000), 1, calendar);
}

/** Art. 33: the parties may apply for judicial confirmation within 30 days of the agreement taking effect. */
export const JUDICIAL_CONFIRMATION_DAYS = 30;
/** The one-month limit may be extended once by at most 30 days with both parties' consent (杭州 2010 guidance [P]). */
export const MAX_EXTENSION_DAYS = 30;

export const confirmationDue = (signedAt: Date, calendar: HolidayCalendar = DEFAULT_CALENDAR): Date => periodEnd(signedAt, JUDICIAL_CONFIRMATION_DAYS, calendar);
