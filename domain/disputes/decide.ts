/**
 * The dispute decider (人民调解法): filing by a party (an owner, the OC, the firm, the RC), mediation by the
 * community Party committee, the RC's people's mediation committee, a joint meeting or the street office; a
 * party's refusal ends it (Art. 17); an agreement signed by the parties and the mediator opens the 30-day window
 * for judicial confirmation (Art. 33); a failure records the routes the parties were told of (Art. 26). The
 * one-month limit may be extended once, by at most 30 days, with both parties' consent.
 */
import type { ActorFacts } from '../assembly/index.js';
import { assertNever, type DecideContext, type Decider } from '../shared/decider.js';
import type { DomainError } from '../shared/errors.js';
import { periodEnd, DEFAULT_CALENDAR, type HolidayCalendar } from '../time/legalPeriod.js';
import type { DisputeCommand } from './commands.js';
import { refuse } from './errors.js';
import type { DisputeEvent } from './events.js';
import { confirmationDue, disputeCategories, linkedRecordTypes, MAX_EXTENSION_DAYS, mediators, oneMonthFrom, parties, routes, type Party } from './rules.js';
import { evolveDispute, initialDisputeState, type DisputeState } from './state.js';

export interface DisputeContext extends DecideContext {
  readonly calendar?: HolidayCalendar;
}

type Decision = readonly DisputeEvent[] | DomainError;

/** The party a grant files as. */
const PARTY_OF_GRANT: Readonly<Record<string, Party>> = { owner: 'owner', oc_member: 'oc', property_firm: 'firm', rc_staff: 'rc' };
/** Who runs a mediation: the RC (its mediation committee), the Party committee, the street office (沪居委条例 Art. 21; 沪规定 Art. 36). */
const MEDIATING: readonly string[] = ['rc_staff', 'party_committee', 'street_office'];
const mediates = (by: ActorFacts) => by.grants.some((g) => MEDIATING.includes(g));
const text = (v: unknown, max: number) => (typeof v === 'string' && v.trim() !== '' && v.length <= max ? v.trim() : null);
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

function decide(cmd: DisputeCommand, state: DisputeState, ctx: DisputeContext): Decision {
  const now = ctx.now.toISOString();
  const calendar = ctx.calendar ?? DEFAULT_CALENDAR;
  if (cmd.type === 'FileDispute') {
    if (state.status !== 'none') return refuse('dispute_exists', `dispute ${cmd.data.disputeId} exists`);
    const filedBy = cmd.by.grants.map((g) => PARTY_OF_GRANT[g]).find((p) => p !== undefined);
    if (!filedBy) return refuse('not_entitled', 'a dispute is filed by an owner, the OC, the firm or the RC');
    const d = cmd.data;
    if (!disputeCategories.includes(d.category)) return refuse('invalid_dispute', `the category is one of ${disputeCategories.join(', ')}`);
    if (!Array.isArray(d.respondents) || d.respondents.length === 0 || d.respondents.some((p) => !parties.includes(p))) return refuse('invalid_dispute', `respondents are among ${parties.join(', ')}`);
    const description = text(d.description, 5000);
    if (!description) return refuse('invalid_dispute', 'a dispute is described in 1 to 5,000 characters');
    const links = d.links ?? [];
    if (!Array.isArray(links) || links.length > 50 || links.some((l) => !linkedRecordTypes.includes(l?.type) || typeof l.id !== 'string' || !ID.test(l.id))) {
      return refuse('invalid_dispute', `links are at most 50 records {type: ${linkedRecordTypes.join('|')}, id}`);
    }
    return [{ type: 'DisputeFiled', data: { disputeId: d.disputeId, compoundId: d.compoundId, category: d.category, filedBy, respondents: [...new Set(d.respondents)], description, links: links.map((l) => ({ type: l.type, id: l.id })), filedAt: now } }];
  }
  if (state.status === 'none') return refuse('dispute_not_found', `no dispute ${cmd.data.disputeId}`);
  if (!mediates(cmd.by)) return refuse('not_entitled', 'the mediator records the mediation (RC, Party committee, street office)');
  const open = state.status === 'filed' || state.status === 'mediating';
  if (!open) return refuse('mediation_ended', `the mediation has ended (${state.status})`);
  const id = state.filed.disputeId;
  switch (cmd.type) {
    case 'StartMediation':
      if (state.status !== 'filed') return refuse('mediation_already_started', 'mediation has started');
      if (!mediators.includes(cmd.data.mediator)) return refuse('invalid_mediation', `the mediator is one of ${mediators.join(', ')}`);
      return [{ type: 'MediationStarted', data: { disputeId: id, mediator: cmd.data.mediator, startedAt: now, dueBy: oneMonthFrom(ctx.now, calendar).toISOString() } }];
    case 'RecordSession': {
      if (state.status !== 'mediating') return refuse('mediation_not_started', 'start the mediation first');
      const summary = text(cmd.data.summary, 5000);
      if (!summary) return refuse('invalid_mediation', 'a session is summarised in 1 to 5,000 characters (Art. 27: records kept)');
      return [{ type: 'MediationSessionHeld', data: { disputeId: id, summary, heldAt: now } }];
    }
    case 'ExtendMediation': {
      if (state.status !== 'mediating' || !state.dueBy) return refuse('mediation_not_started', 'start the mediation first');
      if (state.extended) return refuse('extension_not_allowed', 'the limit may be extended once');
      if (!Number.isInteger(cmd.data.days) || cmd.data.days < 1 || cmd.data.days > MAX_EXTENSION_DAYS) return refuse('invalid_mediation', `an extension is 1 to ${MAX_EXTENSION_DAYS} days`);
      const consentRef = text(cmd.data.consentRef, 500);
      if (!consentRef) return refuse('invalid_mediation', 'an extension needs both parties\u2019 written consent (consentRef)');
      // The extension runs from the current limit's last day.
      const dueBy = periodEnd(new Date(state.dueBy.getTime() - 1), cmd.data.days, calendar).toISOString();
      return [{ type: 'MediationExtended', data: { disputeId: id, days: cmd.data.days, dueBy, consentRef } }];
    }
    case 'RecordAgreement': {
      if (state.status !== 'mediating') return refuse('mediation_not_started', 'start the mediation first');
      const terms = text(cmd.data.terms, 10_000);
      if (!terms) return refuse('invalid_mediation', 'an agreement states its terms');
      return [{ type: 'AgreementSigned', data: { disputeId: id, terms, signedAt: now, confirmationDueBy: confirmationDue(ctx.now, calendar).toISOString() } }];
    }
    case 'RecordRefusal':
      if (!parties.includes(cmd.data.party)) return refuse('invalid_mediation', `the party is one of ${parties.join(', ')}`);
      if (cmd.data.party !== state.filed.filedBy && !state.filed.respondents.includes(cmd.data.party)) return refuse('invalid_mediation', 'only a party to the dispute refuses its mediation');
      return [{ type: 'MediationRefused', data: { disputeId: id, party: cmd.data.party, refusedAt: now } }];
    case 'RecordFailure': {
      if (state.status !== 'mediating') return refuse('mediation_not_started', 'start the mediation first');
      const told = cmd.data.routesTold;
      if (!Array.isArray(told) || told.length === 0 || told.some((r) => !routes.includes(r))) return refuse('invalid_mediation', `a failed mediation records the routes the parties were told of (Art. 26): ${routes.join(', ')}`);
      return [{ type: 'MediationFailed', data: { disputeId: id, routesTold: [...new Set(told)], failedAt: now } }];
    }
    case 'RecordConfirmationApplied':
      return refuse('mediation_not_started', 'judicial confirmation follows an agreement');
    default:
      return assertNever(cmd);
  }
}

/** After an agreement: the application for judicial confirmation is recorded (by anyone mediating). */
function decideAll(cmd: DisputeCommand, state: DisputeState, ctx: DisputeContext): Decision {
  if (cmd.type === 'RecordConfirmationApplied' && state.status === 'agreed') {
    if (!mediates(cmd.by)) return refuse('not_entitled', 'the mediator records the application');
    const court = text(cmd.data.court, 200);
    const reference = text(cmd.data.reference, 200);
    if (!court || !reference) return refuse('invalid_mediation', 'name the court and the application\u2019s reference');
    return [{ type: 'JudicialConfirmationApplied', data: { disputeId: state.filed.disputeId, court, reference, appliedAt: ctx.now.toISOString() } }];
  }
  return decide(cmd, state, ctx);
}

export const disputeDecider: Decider<DisputeState, DisputeCommand, DisputeEvent, DisputeContext> = {
  initialState: initialDisputeState,
  evolve: evolveDispute,
  decide: decideAll,
};
