/** 物业服务企业 as a party: its name, its unified social credit code (its id) and the people who act for it. */
import type { Decider, DecideContext } from '../shared/decider.js';
import { assertNever } from '../shared/decider.js';
import { holdsAny } from '../assembly/index.js';
import type { FirmCommand } from './commands.js';
import { refuse } from './errors.js';
import type { FirmEvent } from './events.js';

export type FirmState =
  | { readonly status: 'none' }
  | { readonly status: 'registered'; readonly firmId: string; readonly name: string; readonly agents: readonly string[] };

/** 统一社会信用代码 (GB 32100-2015): 18 characters. */
export const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Who registers a firm: someone acting for it (property_firm on some compound), or the admin. */
const REGISTRARS = ['property_firm', 'admin'];

export const firmDecider: Decider<FirmState, FirmCommand & { firmId?: string }, FirmEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve(state, event) {
    switch (event.type) {
      case 'FirmRegistered':
        return { status: 'registered', firmId: event.data.firmId, name: event.data.name, agents: event.data.agents };
      case 'FirmAgentAdded':
        return state.status === 'registered' ? { ...state, agents: [...state.agents, event.data.personId] } : state;
      default:
        return assertNever(event);
    }
  },
  decide(command, state, ctx: DecideContext) {
    switch (command.type) {
      case 'RegisterFirm': {
        if (!holdsAny(command.by, REGISTRARS)) return refuse('not_entitled', 'a firm is registered by a person acting for it or by the admin');
        if (state.status !== 'none') return refuse('firm_already_registered', `firm ${command.data.firmId} is registered`);
        if (!CREDIT_CODE.test(command.data.firmId)) return refuse('invalid_firm', 'creditCode is an 18-character unified social credit code');
        const name = command.data.name.trim();
        if (name === '' || name.length > 200) return refuse('invalid_firm', 'name is 1 to 200 characters');
        const agents = [...new Set(command.data.agents)];
        if (agents.length === 0 || agents.length > 50) return refuse('invalid_firm', 'a firm has 1 to 50 agents');
        return [{ type: 'FirmRegistered', data: { firmId: command.data.firmId, name, creditCode: command.data.firmId, agents, registeredAt: ctx.now.toISOString() } }];
      }
      case 'AddFirmAgent': {
        if (state.status !== 'registered') return refuse('firm_not_found', 'no such firm');
        if (!state.agents.includes(command.by.personId) && !holdsAny(command.by, ['admin'])) return refuse('not_firm_agent', 'only a person acting for the firm adds another');
        if (state.agents.includes(command.data.personId)) return [];
        return [{ type: 'FirmAgentAdded', data: { firmId: state.firmId, personId: command.data.personId, addedAt: ctx.now.toISOString() } }];
      }
      default:
        return assertNever(command);
    }
  },
};

export const isFirmAgent = (state: FirmState, personId: string): boolean => state.status === 'registered' && state.agents.includes(personId);
