/**
 * Deciding on the bodies that act for the owners when there is no OC (acting.ts): forming and dissolving the
 * property-management committee (京条例 Arts. 52–59; 杭条例 Arts. 38–41), recording the residents' committee
 * acting (沪居委条例 Art. 20 para. 2), and recording each owners' decision the acting body convenes, naming it,
 * the role that acted and the article.
 */
import type { DecideContext } from '../shared/decider.js';
import type { DomainError } from '../shared/errors.js';
import { actingBodyRules, actingConvenor, actingInOffice, bodyInCharge, pmcProblem } from './acting.js';
import type { CommitteeCommand } from './commands.js';
import { refuse } from './errors.js';
import type { CommitteeEvent } from './events.js';
import { addMonths, entitled, iso, isText } from './guards.js';
import { actingOf, activeMembers, type CommitteeState } from './state.js';

type Cmd<T extends CommitteeCommand['type']> = Extract<CommitteeCommand, { type: T }>;
type Decision = readonly CommitteeEvent[] | DomainError;

export type ActingCommand = Cmd<'FormPropertyManagementCommittee' | 'DissolvePropertyManagementCommittee' | 'RecordResidentsCommitteeActing' | 'RecordActingConvening'>;
export const actingCommandTypes: readonly ActingCommand['type'][] = ['FormPropertyManagementCommittee', 'DissolvePropertyManagementCommittee', 'RecordResidentsCommitteeActing', 'RecordActingConvening'];
export const isActingCommand = (c: CommitteeCommand): c is ActingCommand => (actingCommandTypes as readonly string[]).includes(c.type);

const STREET_OFFICE = ['street_office', 'admin'];

/** The OC's seats and serving members, when one is seated. */
const ocServing = (state: CommitteeState) => (state.status === 'active' && state.term ? { serving: activeMembers(state).length, seats: state.term.seats } : null);

/** The body in charge of the compound now (acting.ts `bodyInCharge`), or null before anything is recorded. */
export function chargeOf(state: CommitteeState, now: Date) {
  const jurisdiction = state.jurisdiction;
  return jurisdiction ? bodyInCharge(jurisdiction, ocServing(state), actingOf(state), now) : null;
}

export function decideActing(command: ActingCommand, state: CommitteeState, ctx: DecideContext): Decision {
  const now = ctx.now;
  switch (command.type) {
    case 'FormPropertyManagementCommittee': {
      const denied = entitled(command.by, STREET_OFFICE);
      if (denied) return denied;
      const d = command.data;
      const rule = actingBodyRules[d.jurisdiction];
      if (rule.kind !== 'property_management_committee') return refuse('acting_body_not_provided', `${d.jurisdiction} provides no property-management committee; the residents\u2019 committee acts (${rule.sources.acts})`, { source: rule.sources.acts });
      // 京条例 Art. 53; 杭条例 Art. 38: formed where no OC is in place.
      const charge = chargeOf(state, now);
      if (charge?.body === 'owners_committee') return refuse('committee_in_office', `an owners\u2019 committee serves (${rule.sources.formation})`, { source: rule.sources.formation });
      if (actingInOffice(actingOf(state), now)) return refuse('acting_body_already_formed', 'a property-management committee is in office');
      if (!isText(d.pmcId, 64) || !isText(d.grounds, 2_000)) return refuse('invalid_acting_body', 'an id and the grounds for forming it (1 to 2,000 characters)');
      const problem = pmcProblem(rule, d);
      if (problem) return problem;
      return [
        {
          type: 'PropertyManagementCommitteeFormed',
          data: {
            compoundId: d.compoundId,
            jurisdiction: d.jurisdiction,
            pmcId: d.pmcId,
            members: d.members.map((m) => ({ memberId: m.memberId, name: m.name.trim(), kind: m.kind, ...(m.unitId ? { unitId: m.unitId } : {}) })),
            chairMemberId: d.chairMemberId,
            viceChairMemberId: d.viceChairMemberId ?? null,
            grounds: d.grounds.trim(),
            formedAt: iso(now),
            // 京条例 Art. 58: ≤ 3 years; 杭条例 Art. 41: ≤ 2.
            termEndsAt: addMonths(iso(now), 12 * d.termYears),
            source: rule.sources.acts,
          },
        },
      ];
    }
    case 'DissolvePropertyManagementCommittee': {
      const denied = entitled(command.by, STREET_OFFICE);
      if (denied) return denied;
      const body = actingOf(state).body;
      if (!body || body.kind !== 'property_management_committee' || body.dissolved) return refuse('no_acting_body', 'no property-management committee is in office');
      if (!isText(command.data.reason, 2_000)) return refuse('invalid_acting_body', 'the reason is 1 to 2,000 characters');
      return [
        {
          type: 'PropertyManagementCommitteeDissolved',
          data: { compoundId: state.compoundId!, pmcId: body.pmcId, reason: command.data.reason.trim(), dissolvedAt: iso(now), late: body.dissolveDueBy !== null && now.getTime() > Date.parse(body.dissolveDueBy) },
        },
      ];
    }
    case 'RecordResidentsCommitteeActing': {
      // 沪居委条例 Art. 20 para. 2: the RC acts under the street office's guidance and supervision.
      const denied = entitled(command.by, STREET_OFFICE);
      if (denied) return denied;
      const d = command.data;
      const rule = actingBodyRules[d.jurisdiction];
      if (rule.kind !== 'residents_committee') return refuse('acting_body_not_provided', `${d.jurisdiction} provides a property-management committee instead (${rule.sources.acts})`, { source: rule.sources.acts });
      const charge = chargeOf(state, now);
      if (charge?.body === 'owners_committee') return refuse('committee_in_office', `an owners\u2019 committee serves (${rule.sources.acts})`, { source: rule.sources.acts });
      if (actingInOffice(actingOf(state), now)) return refuse('acting_body_already_formed', 'the residents\u2019 committee already acts');
      if (!isText(d.reason, 2_000) || (d.commissionRef !== undefined && !isText(d.commissionRef, 200))) return refuse('invalid_acting_body', 'the reason (1 to 2,000 characters) and, where given, the commission\u2019s reference');
      return [{ type: 'ResidentsCommitteeActing', data: { compoundId: d.compoundId, jurisdiction: d.jurisdiction, reason: d.reason.trim(), commissionRef: d.commissionRef?.trim() ?? null, since: iso(now), source: rule.sources.acts } }];
    }
    case 'RecordActingConvening': {
      const d = command.data;
      if (actingOf(state).convened.some((c) => c.motionId === d.motionId)) return [];
      const charge = actingConvenor(chargeOf(state, now), command.by);
      if ('code' in charge) return charge;
      const role = command.by.grants.find((g) => charge.convenorGrants.includes(g)) ?? 'admin';
      return [{ type: 'OwnersDecisionConvened', data: { compoundId: state.compoundId!, motionId: d.motionId, matter: d.matter, body: charge.body, role, source: charge.source, convenedAt: iso(now) } }];
    }
  }
}
