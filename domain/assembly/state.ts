/**
 * The state of one motion (业主共同决定事项) folded from its stream.
 */
import { assertNever } from '../shared/decider.js';
import type { DecisionRecord, MandateRegisteredData, MotionEvent } from './events.js';
import type { MotionForm } from './forms.js';
import type { Proposal } from './proposals.js';
import type { Matter } from './matters.js';
import { indexRoll, type RollIndex } from './roll.js';
import type { MotionRules } from './rules.js';
import type { MotionScope } from './scope.js';

/**
 * Where a motion stands: proposed (议题提出) → noticed (已公告) → open (投票中) → closed (投票结束) →
 * result_published (初步统计结果公示; the objection window runs) → final (最终结果公示); or cancelled (已撤回)
 * before opening.
 */
export type MotionStatus = 'proposed' | 'noticed' | 'open' | 'closed' | 'result_published' | 'final' | 'cancelled';

export interface Mandate {
  /** The identity it speaks for (for a pending mandate, the registry's identity when it was registered). */
  readonly voterId: string;
  /** Registered before opening and not yet checked against the frozen roll. */
  readonly pending: boolean;
  readonly unitId: string;
  readonly principalPersonId: string;
  readonly proxyPersonId: string;
  readonly mandateRef: string;
}

export interface ObjectionState {
  readonly voterId: string;
  readonly status: 'open' | 'upheld' | 'dismissed';
}

/** The decision a final motion made, and whether it still stands. */
export interface DecisionState {
  readonly record: DecisionRecord;
  readonly revokedAt: Date | null;
  readonly notified: boolean;
}

export interface NoMotion {
  readonly status: 'none';
}

export interface Motion {
  readonly status: MotionStatus;
  readonly motionId: string;
  readonly compoundId: string;
  readonly jurisdiction: string;
  readonly title: string;
  readonly matter: Matter;
  readonly scope: MotionScope;
  readonly opensAt: Date;
  readonly closesAt: Date;
  readonly rules: MotionRules;
  readonly noticePublishedAt: Date | null;
  readonly noticeRunsUntil: Date | null;
  readonly openedAt: Date | null;
  readonly closedAt: Date | null;
  readonly resultDueBy: Date | null;
  /** The frozen roll, from the opening on. */
  readonly roll: RollIndex | null;
  readonly mandates: readonly Mandate[];
  readonly form: MotionForm;
  readonly proposal: Proposal | null;
  /** Voter identities whose notice delivery is recorded (从众 deems only them). */
  readonly delivered: ReadonlySet<string>;
  /** Set when the preliminary result is posted. */
  readonly preliminaryAt: Date | null;
  readonly objectionsUntil: Date | null;
  readonly objections: ReadonlyMap<string, ObjectionState>;
  /** Receipts of ballots ruled invalid on an upheld objection. */
  readonly invalidated: ReadonlySet<string>;
  readonly finalAt: Date | null;
  readonly decision: DecisionState | null;
}

export type MotionState = NoMotion | Motion;

export const initialMotionState = (): MotionState => ({ status: 'none' });

function mandateOf(d: MandateRegisteredData): Mandate {
  return {
    voterId: d.voterId,
    pending: d.beforeOpening === true,
    unitId: d.unitId ?? '',
    principalPersonId: d.principalPersonId,
    proxyPersonId: d.proxyPersonId,
    mandateRef: d.mandateRef,
  };
}

/** Mandates registered before opening take the identity of their unit on the frozen roll; lapsed ones go. */
function resolveMandates(mandates: readonly Mandate[], roll: RollIndex): Mandate[] {
  const out: Mandate[] = [];
  for (const m of mandates) {
    if (!m.pending) {
      out.push(m);
      continue;
    }
    const voterId = roll.voterByUnit.get(m.unitId);
    const voter = voterId === undefined ? undefined : roll.voters.get(voterId);
    if (voter && !voter.developerHeld && voter.ownerPersonIds.includes(m.principalPersonId)) out.push({ ...m, voterId: voter.voterId, pending: false });
  }
  return out;
}

export function evolveMotion(state: MotionState, event: MotionEvent): MotionState {
  if (event.type === 'MotionProposed') {
    const d = event.data;
    return {
      status: 'proposed',
      motionId: d.motionId,
      compoundId: d.compoundId,
      jurisdiction: d.jurisdiction,
      title: d.title,
      matter: d.matter,
      scope: d.scope,
      opensAt: new Date(d.opensAt),
      closesAt: new Date(d.closesAt),
      rules: d.rules,
      noticePublishedAt: null,
      noticeRunsUntil: null,
      openedAt: null,
      closedAt: null,
      resultDueBy: null,
      roll: null,
      mandates: [],
      form: d.form ?? { form: 'yes_no' },
      proposal: d.proposal ?? null,
      delivered: new Set(),
      preliminaryAt: null,
      objectionsUntil: null,
      objections: new Map(),
      invalidated: new Set(),
      finalAt: null,
      decision: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'MotionNoticePublished':
      return {
        ...state,
        status: 'noticed',
        noticePublishedAt: new Date(event.data.publishedAt),
        noticeRunsUntil: new Date(event.data.noticeRunsUntil),
      };
    case 'MotionOpened': {
      const roll = indexRoll(event.data.roll);
      return { ...state, status: 'open', openedAt: new Date(event.data.openedAt), roll, mandates: resolveMandates(state.mandates, roll) };
    }
    case 'MandateRegistered':
      return { ...state, mandates: [...state.mandates, mandateOf(event.data)] };
    case 'MotionClosed':
      return {
        ...state,
        status: 'closed',
        closedAt: new Date(event.data.closedAt),
        resultDueBy: event.data.resultDueBy === null ? null : new Date(event.data.resultDueBy),
      };
    case 'ResultPublished':
      return {
        ...state,
        status: 'result_published',
        preliminaryAt: new Date(event.data.publishedAt),
        objectionsUntil: event.data.objectionsUntil ? new Date(event.data.objectionsUntil) : null,
      };
    case 'MotionCancelled':
      return { ...state, status: 'cancelled' };
    case 'NoticeDelivered':
      return { ...state, delivered: new Set([...state.delivered, event.data.voterId]) };
    case 'MandateLapsed':
      return state;
    case 'ObjectionFiled':
      return { ...state, objections: new Map([...state.objections, [event.data.objectionId, { voterId: event.data.voterId, status: 'open' }]]) };
    case 'ObjectionAnswered': {
      const objection = state.objections.get(event.data.objectionId);
      if (!objection) return state;
      return { ...state, objections: new Map([...state.objections, [event.data.objectionId, { ...objection, status: event.data.outcome }]]) };
    }
    case 'BallotRuledInvalid':
      return { ...state, invalidated: new Set([...state.invalidated, event.data.receipt]) };
    case 'FinalResultPublished':
      return {
        ...state,
        status: 'final',
        finalAt: new Date(event.data.publishedAt),
        decision: event.data.decision ? { record: event.data.decision, revokedAt: null, notified: false } : null,
      };
    case 'DecisionRevoked':
      return state.decision ? { ...state, decision: { ...state.decision, revokedAt: new Date(event.data.revokedAt) } } : state;
    case 'DecisionNotified':
      return state.decision ? { ...state, decision: { ...state.decision, notified: true } } : state;
    default:
      return assertNever(event);
  }
}
