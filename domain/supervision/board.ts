/**
 * The supervisory board (监事会 / 业主监督委员会), set up by an owners' decision (河南 Art. 34; 台州 Art. 29;
 * 广州办法 Arts. 49–50: at least 3 members, an odd number, a term of at most 5 years; no OC member may serve),
 * and its audit opinions on a period, a transfer or a release. One stream per compound.
 */
import { holdsAny, type ActorFacts } from '../assembly/index.js';
import { assertNever, type DecideContext, type Decider, type DomainEvent } from '../shared/decider.js';
import type { DomainError } from '../shared/errors.js';
import { refuse } from './errors.js';

export const supervisionStreamId = (compoundId: string): string => `supervision-${compoundId}`;

/** 广州办法 Art. 49: at least three, an odd number; Art. 50: a term of at most five years. */
export const BOARD_RULES = { minMembers: 3, maxTermYears: 5, source: '广州办法 Arts. 49–50' } as const;

export interface BoardMember {
  readonly personId: string;
  readonly name: string;
}

export type AuditSubject = { readonly kind: 'period'; readonly id: string } | { readonly kind: 'transfer'; readonly id: string } | { readonly kind: 'release'; readonly id: string };

type Cmd<T extends string, D> = { readonly type: T; readonly data: D; readonly by: ActorFacts };
export type SupervisionCommand =
  | Cmd<
      'EstablishBoard',
      {
        compoundId: string;
        decision: { decisionId: string; compoundId: string; revoked: boolean } | null;
        decisionId: string;
        members: readonly BoardMember[];
        termYears: number;
        /** The OC's members as declared now: none of them may serve. */
        ocMembers: readonly string[];
      }
    >
  | Cmd<'RecordAuditOpinion', { opinionId: string; subject: AuditSubject; opinion: string; evidence: readonly string[] }>;

/** 监事会成立: set up by the decision named. Member names are posted (the law requires it); person ids never. */
export interface BoardEstablishedData {
  readonly compoundId: string;
  readonly decisionId: string;
  readonly members: readonly BoardMember[];
  readonly termYears: number;
  readonly termEndsAt: string;
  readonly establishedAt: string;
}

/** 审计意见: a supervisor's opinion on a period, a transfer or a release. */
export interface AuditOpinionRecordedData {
  readonly opinionId: string;
  readonly subject: AuditSubject;
  readonly opinion: string;
  readonly evidence: readonly string[];
  readonly recordedAt: string;
}

export type SupervisionEvent = DomainEvent<'BoardEstablished', BoardEstablishedData> | DomainEvent<'AuditOpinionRecorded', AuditOpinionRecordedData>;
export const supervisionEventTypes = ['BoardEstablished', 'AuditOpinionRecorded'] as const;

export type SupervisionState = { readonly status: 'none' } | { readonly status: 'established'; readonly compoundId: string; readonly members: readonly BoardMember[]; readonly opinions: number };

export function evolve(state: SupervisionState, event: SupervisionEvent): SupervisionState {
  switch (event.type) {
    case 'BoardEstablished':
      return { status: 'established', compoundId: event.data.compoundId, members: event.data.members, opinions: 0 };
    case 'AuditOpinionRecorded':
      return state.status === 'established' ? { ...state, opinions: state.opinions + 1 } : state;
    default:
      return assertNever(event);
  }
}

export function decide(command: SupervisionCommand, state: SupervisionState, ctx: DecideContext): readonly SupervisionEvent[] | DomainError {
  switch (command.type) {
    case 'EstablishBoard': {
      const d = command.data;
      if (!holdsAny(command.by, ['admin', 'oc_member', 'rc_staff', 'street_office'])) return refuse('not_entitled', 'the board is recorded by the OC, the RC or the street office');
      if (state.status !== 'none') return refuse('board_already_established', 'the compound has a supervisory board');
      if (!d.decision || d.decision.decisionId !== d.decisionId || d.decision.compoundId !== d.compoundId) return refuse('no_decision', 'the board is set up by a final owners\u2019 decision (河南 Art. 34; 台州 Art. 29)');
      if (d.decision.revoked) return refuse('decision_revoked', 'the decision was revoked');
      const ids = new Set(d.members.map((m) => m.personId));
      if (d.members.length < BOARD_RULES.minMembers || d.members.length % 2 === 0 || ids.size !== d.members.length) {
        return refuse('invalid_board', `at least ${BOARD_RULES.minMembers} distinct members, an odd number (${BOARD_RULES.source})`);
      }
      if (!Number.isInteger(d.termYears) || d.termYears < 1 || d.termYears > BOARD_RULES.maxTermYears) return refuse('invalid_board', `a term of 1 to ${BOARD_RULES.maxTermYears} years (${BOARD_RULES.source})`);
      const oc = d.members.filter((m) => d.ocMembers.includes(m.personId));
      // 广州办法 Art. 49: OC members (and their relatives) may not serve.
      if (oc.length > 0) return refuse('oc_member_on_board', 'an OC member may not sit on the supervisory board (广州办法 Art. 49)', { members: oc.map((m) => m.name) });
      const end = new Date(ctx.now);
      end.setUTCFullYear(end.getUTCFullYear() + d.termYears);
      return [{ type: 'BoardEstablished', data: { compoundId: d.compoundId, decisionId: d.decisionId, members: d.members, termYears: d.termYears, termEndsAt: end.toISOString(), establishedAt: ctx.now.toISOString() } }];
    }
    case 'RecordAuditOpinion': {
      if (state.status !== 'established') return refuse('board_not_found', 'the compound has no supervisory board');
      if (!holdsAny(command.by, ['supervisor']) || !state.members.some((m) => m.personId === command.by.personId)) return refuse('not_entitled', 'audit opinions are recorded by the board\u2019s members');
      if (!command.data.opinion.trim()) return refuse('invalid_opinion', 'the opinion says something');
      return [{ type: 'AuditOpinionRecorded', data: { opinionId: command.data.opinionId, subject: command.data.subject, opinion: command.data.opinion, evidence: [...command.data.evidence], recordedAt: ctx.now.toISOString() } }];
    }
    default:
      return assertNever(command);
  }
}

export const supervisionDecider: Decider<SupervisionState, SupervisionCommand, SupervisionEvent> = { initialState: () => ({ status: 'none' }), evolve, decide };
