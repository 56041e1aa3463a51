/**
 * 提议召开业主大会临时会议: owners petition for an extraordinary meeting. When the signatures reach 20% of the
 * owners on both axes the owners' committee must convene one (物业管理条例 Art. 13: 经20%以上的业主提议; 指导规则
 * Art. 21: 专有部分面积20%以上且人数20%以上; 京条例 Art. 35, 沪规定 Art. 25, 杭条例 Art. 18 (一)). One signature per
 * voter identity (one head, 区分所有权解释 Art. 9), counted with its whole area (Art. 8).
 *
 * Commands follow the project's convention `{ type, data, by }`. Stream: `petition-<petitionId>`.
 */
import type { VoterIdentity } from '../registry/types.js';
import { formatArea, parseArea } from '../shared/area.js';
import { assertNever, type DecideContext, type Decider, type DomainEvent } from '../shared/decider.js';
import type { DomainError } from '../shared/errors.js';
import { periodEnd, DEFAULT_CALENDAR, type HolidayCalendar } from '../time/legalPeriod.js';
import type { ActorFacts } from './actor.js';
import { refuse } from './errors.js';
import type { AxesWire } from './events.js';
import { freezeRoll, type FrozenRoll } from './roll.js';
import { meets, type Threshold } from './thresholds.js';

/** 20% 以上 (Civil Code Art. 1259: 以上 includes the number) on area AND on headcount. */
export const PETITION_THRESHOLD: Threshold = { num: 1n, den: 5n, inclusive: true, of: 'eligible' };

/**
 * Days the OC has to convene once the threshold is reached. No statute fixes them (物业管理条例 Art. 13 and
 * 杭条例 Art. 18 say 应当/及时); 杭条例 Art. 80 gives 30 days when the street office orders an OC that failed to
 * convene, which this project takes as the default everywhere (a pack may set its own).
 */
export const DEFAULT_CONVENE_DAYS = 30;

export const petitionStreamId = (petitionId: string): string => `petition-${petitionId}`;

export interface OpenPetition {
  readonly type: 'OpenPetition';
  readonly data: {
    readonly petitionId: string;
    readonly compoundId: string;
    /** What the extraordinary meeting is to decide. */
    readonly purpose: string;
    /** The registry's voter identities of the whole compound today: the denominators. */
    readonly roll: readonly VoterIdentity[];
    readonly conveneDays?: number;
  };
  readonly by: ActorFacts;
}

export interface SignPetition {
  readonly type: 'SignPetition';
  readonly data: { readonly petitionId: string; readonly unitId: string };
  readonly by: ActorFacts;
}

export type PetitionCommand = OpenPetition | SignPetition;

export interface PetitionOpenedData {
  readonly petitionId: string;
  readonly compoundId: string;
  readonly purpose: string;
  readonly openedAt: string;
  /** Who may sign and what each signature weighs. */
  readonly roll: FrozenRoll;
  readonly conveneDays: number;
}

export interface PetitionSignedData {
  readonly petitionId: string;
  readonly voterId: string;
  readonly unitIds: readonly string[];
  readonly area: string;
  readonly signedAt: string;
  /** The running totals after this signature. */
  readonly signatures: AxesWire;
}

/** The threshold is reached: the OC must convene an extraordinary meeting by `conveneBy`. */
export interface PetitionThresholdReachedData {
  readonly petitionId: string;
  readonly compoundId: string;
  readonly reachedAt: string;
  readonly signatures: AxesWire;
  readonly eligible: AxesWire;
  readonly conveneBy: string;
  readonly source: string;
}

export type PetitionEvent =
  | DomainEvent<'PetitionOpened', PetitionOpenedData>
  | DomainEvent<'PetitionSigned', PetitionSignedData>
  | DomainEvent<'PetitionThresholdReached', PetitionThresholdReachedData>;

export const petitionEventTypes: readonly PetitionEvent['type'][] = ['PetitionOpened', 'PetitionSigned', 'PetitionThresholdReached'];

export type PetitionState =
  | { readonly status: 'none' }
  | {
      readonly status: 'collecting' | 'reached';
      readonly petitionId: string;
      readonly compoundId: string;
      readonly roll: FrozenRoll;
      readonly conveneDays: number;
      readonly signed: ReadonlySet<string>;
      readonly area: bigint;
      readonly heads: number;
    };

export interface PetitionContext extends DecideContext {
  readonly calendar?: HolidayCalendar;
}

export function evolvePetition(state: PetitionState, event: PetitionEvent): PetitionState {
  switch (event.type) {
    case 'PetitionOpened':
      return {
        status: 'collecting',
        petitionId: event.data.petitionId,
        compoundId: event.data.compoundId,
        roll: event.data.roll,
        conveneDays: event.data.conveneDays,
        signed: new Set(),
        area: 0n,
        heads: 0,
      };
    case 'PetitionSigned':
      if (state.status === 'none') return state;
      return { ...state, signed: new Set([...state.signed, event.data.voterId]), area: state.area + parseArea(event.data.area)!, heads: state.heads + 1 };
    case 'PetitionThresholdReached':
      return state.status === 'none' ? state : { ...state, status: 'reached' };
    default:
      return assertNever(event);
  }
}

const PURPOSE_MAX = 2_000;

function open(cmd: OpenPetition, state: PetitionState, ctx: PetitionContext): readonly PetitionEvent[] | DomainError {
  if (state.status !== 'none') return refuse('petition_already_exists', `petition ${cmd.data.petitionId} exists`);
  if (!cmd.by.grants.includes('owner')) return refuse('not_entitled', 'owners petition for an extraordinary meeting');
  const purpose = typeof cmd.data.purpose === 'string' ? cmd.data.purpose.trim() : '';
  if (purpose === '' || purpose.length > PURPOSE_MAX) return refuse('invalid_petition', `the purpose is 1 to ${PURPOSE_MAX} characters`, { field: 'purpose' });
  const conveneDays = cmd.data.conveneDays ?? DEFAULT_CONVENE_DAYS;
  if (!Number.isInteger(conveneDays) || conveneDays < 1 || conveneDays > 365) return refuse('invalid_petition', 'conveneDays is 1 to 365', { field: 'conveneDays' });
  const roll = freezeRoll(cmd.data.roll, { kind: 'compound' });
  if ('code' in roll) return roll;
  if (!roll.voters.some((v) => v.ownerPersonIds.includes(cmd.by.personId))) {
    return refuse('not_entitled', 'the petitioner is an owner in the compound');
  }
  return [
    {
      type: 'PetitionOpened',
      data: { petitionId: cmd.data.petitionId, compoundId: cmd.data.compoundId, purpose, openedAt: ctx.now.toISOString(), roll, conveneDays },
    },
  ];
}

function sign(cmd: SignPetition, state: PetitionState, ctx: PetitionContext): readonly PetitionEvent[] | DomainError {
  if (state.status === 'none' || state.petitionId !== cmd.data.petitionId) return refuse('petition_not_found', `no petition ${cmd.data.petitionId}`);
  const voter = state.roll.voters.find((v) => v.units.some((u) => u.unitId === cmd.data.unitId));
  if (!voter) return refuse('unit_not_in_roll', `unit ${cmd.data.unitId} is not in the compound`, { unitId: cmd.data.unitId });
  if (!cmd.by.grants.includes('owner') || !voter.ownerPersonIds.includes(cmd.by.personId)) {
    return refuse('not_entitled', 'an owner signs for their own units');
  }
  if (state.signed.has(voter.voterId)) return refuse('already_signed', 'this owner has already signed (one signature per owner, 区分所有权解释 Art. 9)');
  const area = state.area + parseArea(voter.area)!;
  const heads = state.heads + 1;
  const signatures = { area: formatArea(area), headcount: heads };
  const now = ctx.now.toISOString();
  const events: PetitionEvent[] = [
    {
      type: 'PetitionSigned',
      data: { petitionId: state.petitionId, voterId: voter.voterId, unitIds: voter.units.map((u) => u.unitId), area: voter.area, signedAt: now, signatures },
    },
  ];
  const eligibleArea = parseArea(state.roll.eligible.area)!;
  const reached = meets(area, eligibleArea, PETITION_THRESHOLD) && meets(BigInt(heads), BigInt(state.roll.eligible.headcount), PETITION_THRESHOLD);
  if (state.status === 'collecting' && reached) {
    events.push({
      type: 'PetitionThresholdReached',
      data: {
        petitionId: state.petitionId,
        compoundId: state.compoundId,
        reachedAt: now,
        signatures,
        eligible: state.roll.eligible,
        conveneBy: periodEnd(ctx.now, state.conveneDays, ctx.calendar ?? DEFAULT_CALENDAR).toISOString(),
        source: '物业管理条例 Art. 13; 指导规则 Art. 21 (20% of area and of headcount)',
      },
    });
  }
  return events;
}

export const petitionDecider: Decider<PetitionState, PetitionCommand, PetitionEvent, PetitionContext> = {
  initialState: () => ({ status: 'none' }),
  evolve: evolvePetition,
  decide(command, state, context) {
    switch (command.type) {
      case 'OpenPetition':
        return open(command, state, context);
      case 'SignPetition':
        return sign(command, state, context);
      default:
        return assertNever(command);
    }
  },
};
