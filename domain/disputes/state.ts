/** One dispute's state, folded from `dispute-<disputeId>`. */
import { assertNever } from '../shared/decider.js';
import type { DisputeEvent, DisputeFiledData } from './events.js';
import type { Mediator } from './rules.js';

/** filed (已立案) → mediating (调解中) → agreed (达成协议) | refused (拒绝调解) | failed (调解不成). */
export type DisputeStatus = 'filed' | 'mediating' | 'agreed' | 'refused' | 'failed';

export type DisputeState =
  | { readonly status: 'none' }
  | { readonly status: DisputeStatus; readonly filed: DisputeFiledData; readonly mediator: Mediator | null; readonly dueBy: Date | null; readonly extended: boolean; readonly confirmationDueBy: Date | null };

export const initialDisputeState = (): DisputeState => ({ status: 'none' });

export function evolveDispute(state: DisputeState, event: DisputeEvent): DisputeState {
  if (event.type === 'DisputeFiled') return { status: 'filed', filed: event.data, mediator: null, dueBy: null, extended: false, confirmationDueBy: null };
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'MediationStarted':
      return { ...state, status: 'mediating', mediator: event.data.mediator, dueBy: new Date(event.data.dueBy) };
    case 'MediationSessionHeld':
    case 'JudicialConfirmationApplied':
      return state;
    case 'MediationExtended':
      return { ...state, dueBy: new Date(event.data.dueBy), extended: true };
    case 'AgreementSigned':
      return { ...state, status: 'agreed', confirmationDueBy: new Date(event.data.confirmationDueBy) };
    case 'MediationRefused':
      return { ...state, status: 'refused' };
    case 'MediationFailed':
      return { ...state, status: 'failed' };
    default:
      return assertNever(event);
  }
}
