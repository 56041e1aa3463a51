/**
 * The state of one motion (业主共同决定事项) folded from its stream.
 */
import { assertNever } from '../shared/decider.js';
import type { MandateRegisteredData, MotionEvent } from './events.js';
import type { Matter } from './matters.js';
import { indexRoll, type RollIndex } from './roll.js';
import type { MotionRules } from './rules.js';
import type { MotionScope } from './scope.js';

/**
 * Where a motion stands: proposed (议题提出) → noticed (已公告) → open (投票中) → closed (投票结束) →
 * result_published (结果已公示); or cancelled (已撤回) before opening.
 */
export type MotionStatus = 'proposed' | 'noticed' | 'open' | 'closed' | 'result_published' | 'cancelled';

export interface Mandate {
  readonly voterId: string;
  readonly principalPersonId: string;
  readonly proxyPersonId: string;
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
}

export type MotionState = NoMotion | Motion;

export const initialMotionState = (): MotionState => ({ status: 'none' });

function mandateOf(d: MandateRegisteredData): Mandate {
  return { voterId: d.voterId, principalPersonId: d.principalPersonId, proxyPersonId: d.proxyPersonId };
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
    case 'MotionOpened':
      return { ...state, status: 'open', openedAt: new Date(event.data.openedAt), roll: indexRoll(event.data.roll) };
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
      return { ...state, status: 'result_published' };
    case 'MotionCancelled':
      return { ...state, status: 'cancelled' };
    default:
      return assertNever(event);
  }
}
