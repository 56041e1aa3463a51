/**
 * Who may have a person's personal data erased, and when (PIPL Art. 47). Pure: the facts it needs (whether
 * and until when the person owned a unit, which keys are still live, the retention period) come in the context.
 *
 * - The person themself, at any time (PIPL Art. 47 para. 1, Art. 44): basis `own_request`.
 * - The OC (oc_member) or an admin, once the person owns no unit of the compound and the retention period has
 *   run since (rules.ts): basis `retention_expired`; else `still_an_owner` or `retention_period_running`.
 * Counts, areas, tallies and chains are untouched: only names become unreadable.
 */
import { assertNever, type DecideContext, type Decider } from '../shared/decider.js';
import type { DomainError } from '../shared/errors.js';
import type { ErasePersonalData, PersonalDataCommand } from './commands.js';
import { refuse } from './errors.js';
import type { PersonalDataErased, PersonalDataEvent } from './events.js';
import type { OwnershipFacts } from './ownership.js';
import { retentionEndsAt } from './rules.js';
import { erasureKey, evolve, initialState, type ErasuresState } from './state.js';

export interface ErasureContext extends DecideContext {
  readonly ownership: OwnershipFacts;
  /** Keys of the person in the compound not yet destroyed. */
  readonly liveKeyIds: readonly string[];
  readonly retentionDays: number;
}

export function decide(command: PersonalDataCommand, state: ErasuresState, ctx: ErasureContext): readonly PersonalDataEvent[] | DomainError {
  switch (command.type) {
    case 'ErasePersonalData':
      return erase(command, state, ctx);
    default:
      return assertNever(command.type);
  }
}

function erase(command: ErasePersonalData, state: ErasuresState, ctx: ErasureContext): readonly PersonalDataErased[] | DomainError {
  const { compoundId, personId } = command.data;
  const { ownership, liveKeyIds } = ctx;
  const self = command.by.acting === 'self';
  if (self && command.by.personId !== personId) return refuse('not_entitled', 'only the person themself asks as `self`');
  if (!ownership.everOwner && liveKeyIds.length === 0) return refuse('person_not_found', 'this person was never an owner in this compound');
  if (liveKeyIds.length === 0 && state.erased.has(erasureKey(compoundId, personId))) {
    return refuse('already_erased', 'this person\u2019s personal data in this compound is already erased', { erasedAt: state.erased.get(erasureKey(compoundId, personId)) });
  }
  if (!self) {
    if (ownership.isOwner) return refuse('still_an_owner', 'the person still owns a unit of the compound: only they may ask for their data to be erased');
    if (ownership.ceasedAt === null) return refuse('person_not_found', 'this person was never an owner in this compound');
    const until = retentionEndsAt(ownership.ceasedAt, ctx.retentionDays);
    if (ctx.now.getTime() < until.getTime()) {
      return refuse('retention_period_running', `the retention period runs until ${until.toISOString()}`, { until: until.toISOString(), retentionDays: ctx.retentionDays });
    }
  }
  return [
    {
      type: 'PersonalDataErased',
      data: {
        compoundId,
        personId,
        keyIds: [...liveKeyIds],
        requestedBy: command.by.acting,
        basis: self ? 'own_request' : 'retention_expired',
        ceasedToBeOwnerAt: ownership.isOwner ? null : ownership.ceasedAt,
        erasedAt: ctx.now.toISOString(),
      },
    },
  ];
}

export const personalDataDecider: Decider<ErasuresState, PersonalDataCommand, PersonalDataEvent, ErasureContext> = { initialState, evolve, decide };
