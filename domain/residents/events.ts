/**
 * Events of the residents' context: the residents' roll, residents' meetings (居民会议) and resident-representative
 * meetings (居民代表会议), and residents' requests to convene a meeting. Counts, never names.
 */
import type { DomainEvent } from '../shared/decider.js';
import type { Household, RollTotals } from './roll.js';
import type { Constituency, RepresentativeRules } from './rules.js';

/** 居民名册登记: the roll of households as it stands now (each recording replaces the last). */
export interface ResidentsRollRecordedData {
  readonly compoundId: string;
  readonly households: readonly Household[];
  readonly totals: RollTotals;
  readonly recordedAt: string;
}

/** 居民代表推选: a residents' group's representatives, each answering for some households. */
export interface RepresentativesChosenData {
  readonly compoundId: string;
  readonly group: string;
  readonly representatives: readonly { readonly representativeId: string; readonly households: number }[];
  readonly evidenceRef: string;
  readonly chosenAt: string;
}

export type MeetingKind = 'residents_meeting' | 'representatives_meeting';

/** 召集会议: the RC convenes a meeting; its size is fixed from the roll as it stands now. */
export interface ResidentsMeetingConvenedData {
  readonly meetingId: string;
  readonly compoundId: string;
  readonly kind: MeetingKind;
  /** Residents' meetings: who attends (Art. 9). */
  readonly constituency: Constituency | null;
  /** Representative meetings: the representatives, and the rules the community set. */
  readonly representatives: readonly string[] | null;
  readonly rules: RepresentativeRules | null;
  /** How many members the meeting has. */
  readonly size: number;
  readonly agenda: readonly { readonly itemId: string; readonly title: string }[];
  readonly heldAt: string;
  /** The residents' request it answers, if any. */
  readonly requestId: string | null;
  readonly convenedAt: string;
}

/** 出席: how many members attended (residents' meetings), or which representatives did. */
export interface AttendanceRecordedData {
  readonly meetingId: string;
  readonly present: number;
  readonly representatives: readonly string[] | null;
  readonly evidenceRef: string;
}

/** 代表表决: a representative's open, recorded vote (they answer to their households). */
export interface RepresentativeVotedData {
  readonly meetingId: string;
  readonly itemId: string;
  readonly representativeId: string;
  readonly choice: 'for' | 'against' | 'abstain';
}

/** 表决结果: an agenda item decided (exact integer comparisons). */
export interface ItemDecidedData {
  readonly meetingId: string;
  readonly itemId: string;
  readonly size: number;
  readonly present: number;
  readonly inFavour: number;
  readonly against: number;
  readonly abstain: number;
  readonly quorumMet: boolean;
  readonly adopted: boolean;
  readonly rule: string;
  readonly decidedAt: string;
}

/** 提议召开居民会议: a request to convene, measured against the roll as it stood. */
export interface ConveneRequestOpenedData {
  readonly requestId: string;
  readonly compoundId: string;
  readonly purpose: string;
  readonly totals: RollTotals;
  readonly households: readonly Household[];
  readonly openedAt: string;
}

/** A household's (or a residents' group's) signature, recorded by RC staff from the written request. */
export interface ConveneRequestSignedData {
  readonly requestId: string;
  readonly householdId: string | null;
  readonly group: string | null;
  readonly signed: RollTotals;
  readonly evidenceRef: string;
}

/** Art. 10 para. 2 reached: the RC must convene the residents' meeting by `conveneBy`. */
export interface ConveneRequestReachedData {
  readonly requestId: string;
  readonly compoundId: string;
  readonly by: readonly ('adults' | 'households' | 'groups')[];
  readonly conveneBy: string;
}

export type ResidentsEvent =
  | DomainEvent<'ResidentsRollRecorded', ResidentsRollRecordedData>
  | DomainEvent<'RepresentativesChosen', RepresentativesChosenData>
  | DomainEvent<'ResidentsMeetingConvened', ResidentsMeetingConvenedData>
  | DomainEvent<'AttendanceRecorded', AttendanceRecordedData>
  | DomainEvent<'RepresentativeVoted', RepresentativeVotedData>
  | DomainEvent<'ItemDecided', ItemDecidedData>
  | DomainEvent<'ConveneRequestOpened', ConveneRequestOpenedData>
  | DomainEvent<'ConveneRequestSigned', ConveneRequestSignedData>
  | DomainEvent<'ConveneRequestReached', ConveneRequestReachedData>;

export const residentsEventTypes: readonly ResidentsEvent['type'][] = [
  'ResidentsRollRecorded',
  'RepresentativesChosen',
  'ResidentsMeetingConvened',
  'AttendanceRecorded',
  'RepresentativeVoted',
  'ItemDecided',
  'ConveneRequestOpened',
  'ConveneRequestSigned',
  'ConveneRequestReached',
];

export const residentsRollStreamId = (compoundId: string) => `residents-roll-${compoundId}`;
export const residentsMeetingStreamId = (meetingId: string) => `residents-meeting-${meetingId}`;
export const conveneRequestStreamId = (requestId: string) => `residents-request-${requestId}`;
