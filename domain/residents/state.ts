/** The state of one residents' stream: a roll, a meeting or a request to convene (each its own stream). */
import { assertNever } from '../shared/decider.js';
import type { ResidentsEvent, ResidentsMeetingConvenedData } from './events.js';
import type { RollTotals } from './roll.js';

export type ResidentsState =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'roll';
      readonly compoundId: string;
      readonly totals: RollTotals;
      /** Households per residents' group. */
      readonly groups: ReadonlyMap<string, number>;
      /** Representatives by group (a later choice for a group replaces the earlier one). */
      readonly representatives: ReadonlyMap<string, readonly string[]>;
    }
  | {
      readonly kind: 'meeting';
      readonly convened: ResidentsMeetingConvenedData;
      readonly present: number | null;
      readonly presentRepresentatives: ReadonlySet<string>;
      readonly votes: ReadonlyMap<string, ReadonlyMap<string, 'for' | 'against' | 'abstain'>>;
      readonly decided: ReadonlySet<string>;
    }
  | {
      readonly kind: 'request';
      readonly requestId: string;
      readonly compoundId: string;
      readonly totals: RollTotals;
      /** Adults per household. */
      readonly households: ReadonlyMap<string, number>;
      readonly groupNames: ReadonlySet<string>;
      readonly signedHouseholds: ReadonlySet<string>;
      readonly signedGroups: ReadonlySet<string>;
      readonly signed: RollTotals;
      readonly reached: boolean;
    };

export const initialResidentsState = (): ResidentsState => ({ kind: 'none' });

export function evolveResidents(state: ResidentsState, event: ResidentsEvent): ResidentsState {
  switch (event.type) {
    case 'ResidentsRollRecorded': {
      const groups = new Map<string, number>();
      for (const h of event.data.households) groups.set(h.group, (groups.get(h.group) ?? 0) + 1);
      const before = state.kind === 'roll' ? state.representatives : new Map<string, readonly string[]>();
      return { kind: 'roll', compoundId: event.data.compoundId, totals: event.data.totals, groups, representatives: before };
    }
    case 'RepresentativesChosen':
      if (state.kind !== 'roll') return state;
      return { ...state, representatives: new Map([...state.representatives, [event.data.group, event.data.representatives.map((r) => r.representativeId)]]) };
    case 'ResidentsMeetingConvened':
      return { kind: 'meeting', convened: event.data, present: null, presentRepresentatives: new Set(), votes: new Map(), decided: new Set() };
    case 'AttendanceRecorded':
      if (state.kind !== 'meeting') return state;
      return { ...state, present: event.data.present, presentRepresentatives: new Set(event.data.representatives ?? []) };
    case 'RepresentativeVoted': {
      if (state.kind !== 'meeting') return state;
      const item = new Map(state.votes.get(event.data.itemId) ?? []);
      item.set(event.data.representativeId, event.data.choice);
      return { ...state, votes: new Map([...state.votes, [event.data.itemId, item]]) };
    }
    case 'ItemDecided':
      return state.kind === 'meeting' ? { ...state, decided: new Set([...state.decided, event.data.itemId]) } : state;
    case 'ConveneRequestOpened':
      return {
        kind: 'request',
        requestId: event.data.requestId,
        compoundId: event.data.compoundId,
        totals: event.data.totals,
        households: new Map(event.data.households.map((h) => [h.householdId, h.adults])),
        groupNames: new Set(event.data.households.map((h) => h.group)),
        signedHouseholds: new Set(),
        signedGroups: new Set(),
        signed: { households: 0, adults: 0, groups: 0 },
        reached: false,
      };
    case 'ConveneRequestSigned':
      if (state.kind !== 'request') return state;
      return {
        ...state,
        signedHouseholds: event.data.householdId ? new Set([...state.signedHouseholds, event.data.householdId]) : state.signedHouseholds,
        signedGroups: event.data.group ? new Set([...state.signedGroups, event.data.group]) : state.signedGroups,
        signed: event.data.signed,
      };
    case 'ConveneRequestReached':
      return state.kind === 'request' ? { ...state, reached: true } : state;
    default:
      return assertNever(event);
  }
}

/** The representatives chosen so far, all groups together. */
export const representativesOf = (state: ResidentsState): readonly string[] => (state.kind === 'roll' ? [...state.representatives.values()].flat() : []);
