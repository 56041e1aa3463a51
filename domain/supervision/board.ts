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
        /** The OC's serving members (the committee's record, with any the caller named): none of them, nor a declared relative, may serve (广州办法 Art. 49; domain-rules §6.4). */
        ocMembers: readonly string[];
      }
    >
  | Cmd<'RecordAuditOpinion', { opinionId: string; subject: AuditSubject; opinion: string; evidence: readonly string[] }>
  | Cmd<'DeclareRelationship', { declarationId: string; related: RelatedParty; relation: Relation; note: string }>
  | Cmd<'RecordBoardMeeting', { meetingId: string; heldOn: string; minutesRef: string }>;

/** Whom a declaration relates the declarant to: an organisation (a contractor) or a person (a relative). */
export type RelatedParty = { readonly kind: 'organisation'; readonly name: string; readonly creditCode?: string } | { readonly kind: 'person'; readonly personId: string };
/** 近亲属 (a relative, Civil Code Art. 1045), employment, a shareholding, or another interest. */
export type Relation = 'relative' | 'employment' | 'shareholding' | 'other';
export const relations: readonly Relation[] = ['relative', 'employment', 'shareholding', 'other'];

/**
 * 关联关系申报: an OC member or a supervisor declares a relationship (广州办法 Art. 49: OC members and their
 * related persons may not sit on the board; the board checks releases to related contractors). The person ids
 * stay in the log and the supervision's own stream; views show the declarant's role and the relation only.
 */
export interface RelationshipDeclaredData {
  readonly declarationId: string;
  readonly personId: string;
  readonly role: 'oc_member' | 'supervisor';
  readonly related: RelatedParty;
  readonly relation: Relation;
  readonly note: string;
  readonly declaredAt: string;
}

/** 监事会会议: the board met (广州办法 Art. 50: at least once a year), with its minutes. */
export interface BoardMeetingHeldData {
  readonly meetingId: string;
  readonly heldOn: string;
  readonly minutesRef: string;
  readonly recordedAt: string;
}

/** 广州办法 Art. 50: the board meets at least once a year. */
export const BOARD_MEETING_EVERY_MONTHS = 12;

/** Whether a declaration names this organisation (the same credit code, or the same name when either lacks one). */
export function relatesTo(related: RelatedParty, org: { readonly name: string; readonly creditCode?: string }): boolean {
  if (related.kind !== 'organisation') return false;
  if (related.creditCode && org.creditCode) return related.creditCode === org.creditCode;
  return related.name.trim() === org.name.trim();
}

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

export type SupervisionEvent =
  | DomainEvent<'BoardEstablished', BoardEstablishedData>
  | DomainEvent<'AuditOpinionRecorded', AuditOpinionRecordedData>
  | DomainEvent<'RelationshipDeclared', RelationshipDeclaredData>
  | DomainEvent<'BoardMeetingHeld', BoardMeetingHeldData>;
export const supervisionEventTypes = ['BoardEstablished', 'AuditOpinionRecorded', 'RelationshipDeclared', 'BoardMeetingHeld'] as const;

export type SupervisionState = (
  | { readonly status: 'none' }
  | { readonly status: 'established'; readonly compoundId: string; readonly members: readonly BoardMember[]; readonly opinions: number; readonly termEndsAt: string; readonly meetings: number }
) & { readonly declarations: readonly RelationshipDeclaredData[] };

export function evolve(state: SupervisionState, event: SupervisionEvent): SupervisionState {
  switch (event.type) {
    case 'BoardEstablished':
      return { status: 'established', compoundId: event.data.compoundId, members: event.data.members, opinions: 0, termEndsAt: event.data.termEndsAt, meetings: 0, declarations: state.declarations };
    case 'AuditOpinionRecorded':
      return state.status === 'established' ? { ...state, opinions: state.opinions + 1 } : state;
    case 'RelationshipDeclared':
      return { ...state, declarations: [...state.declarations, event.data] };
    case 'BoardMeetingHeld':
      return state.status === 'established' ? { ...state, meetings: state.meetings + 1 } : state;
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
      const relatives = d.members.filter((m) => isDeclaredRelativeOfOc(state.declarations, m.personId, d.ocMembers));
      if (relatives.length > 0) return refuse('oc_relative_on_board', 'a declared relative of an OC member may not sit on the supervisory board (广州办法 Art. 49)', { members: relatives.map((m) => m.name) });
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
    case 'DeclareRelationship': {
      // The declarant is the caller: an OC member or a supervisor on this compound declares for themself.
      const role = holdsAny(command.by, ['oc_member']) ? 'oc_member' : holdsAny(command.by, ['supervisor']) ? 'supervisor' : null;
      if (!role) return refuse('not_entitled', 'OC members and supervisors declare their own relationships');
      const r = command.data.related;
      if ((r.kind === 'organisation' && !r.name.trim()) || (r.kind === 'person' && (!r.personId.trim() || r.personId === command.by.personId))) return refuse('invalid_declaration', 'name the organisation, or another person');
      return [{ type: 'RelationshipDeclared', data: { declarationId: command.data.declarationId, personId: command.by.personId, role, related: r, relation: command.data.relation, note: command.data.note, declaredAt: ctx.now.toISOString() } }];
    }
    case 'RecordBoardMeeting': {
      if (state.status !== 'established') return refuse('board_not_found', 'the compound has no supervisory board');
      if (!holdsAny(command.by, ['supervisor']) || !state.members.some((m) => m.personId === command.by.personId)) return refuse('not_entitled', 'the board\u2019s members record its meetings');
      const held = Date.parse(`${command.data.heldOn}T00:00:00+08:00`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(command.data.heldOn) || Number.isNaN(held) || held > ctx.now.getTime()) return refuse('invalid_meeting', 'heldOn is a past date, YYYY-MM-DD');
      if (!command.data.minutesRef.trim()) return refuse('invalid_meeting', 'name the minutes');
      return [{ type: 'BoardMeetingHeld', data: { meetingId: command.data.meetingId, heldOn: command.data.heldOn, minutesRef: command.data.minutesRef, recordedAt: ctx.now.toISOString() } }];
    }
    default:
      return assertNever(command);
  }
}

/** A declared relative (either way round) of one of `ocMembers`. */
export function isDeclaredRelativeOfOc(declarations: readonly RelationshipDeclaredData[], personId: string, ocMembers: readonly string[]): boolean {
  return declarations.some(
    (d) => d.relation === 'relative' && d.related.kind === 'person' && ((ocMembers.includes(d.personId) && d.related.personId === personId) || (d.personId === personId && ocMembers.includes(d.related.personId))),
  );
}

export const supervisionDecider: Decider<SupervisionState, SupervisionCommand, SupervisionEvent> = { initialState: () => ({ status: 'none', declarations: [] }), evolve, decide };
