/**
 * The committee decider's given / when / then for the tests of domain/committee: a fixed clock, ids numbered in
 * order, the parties that command it, and `then` (the events so far with the command's events appended).
 */
import t from 'tap';
import { committeeDecider, type CommitteeCommand, type CommitteeEvent } from '../../domain/committee/index.js';
import type { DecideContext } from '../../domain/shared/decider.js';
import { spec } from './deciderSpec.js';

export const NOW = new Date('2026-03-02T02:00:00.000Z');
let n = 0;
const ctx = (): DecideContext => ({ now: NOW, newId: () => `id-${n++}`, actor: { personId: 'x', role: 'admin' } });
export const S = spec(committeeDecider, ctx);
export const ADMIN = { personId: 'a', grants: ['admin'] };
export const SYSTEM = { personId: 'system', grants: ['system'] };
export const STREET = { personId: 's', grants: ['street_office'] };
export const then = (events: CommitteeEvent[], cmd: CommitteeCommand): CommitteeEvent[] => [...events, ...(S.given(events).when(cmd).events(t) as CommitteeEvent[])];
