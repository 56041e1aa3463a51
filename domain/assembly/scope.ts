import { identifierProblem, MAX_BUILDINGS_IN_SCOPE } from '../shared/limits.js';

/** 表决范围: whom a motion asks — the whole compound, or the owners of some buildings (沪规定 Art. 69). */
export type MotionScope =
  | { readonly kind: 'compound' }
  | { readonly kind: 'buildings'; readonly buildings: readonly string[] };

/** Null when the scope is well formed; otherwise why not. */
export function scopeProblem(scope: MotionScope): string | null {
  switch (scope.kind) {
    case 'compound':
      return null;
    case 'buildings': {
      if (!Array.isArray(scope.buildings) || scope.buildings.length === 0) return 'a building scope lists at least one building';
      if (scope.buildings.length > MAX_BUILDINGS_IN_SCOPE) return `a building scope lists at most ${MAX_BUILDINGS_IN_SCOPE} buildings`;
      const bad = scope.buildings.find((b) => identifierProblem(b) !== null);
      if (bad !== undefined) return `building name ${JSON.stringify(String(bad).slice(0, 64))} ${identifierProblem(bad)}`;
      if (new Set(scope.buildings).size !== scope.buildings.length) return 'buildings are listed once each';
      return null;
    }
    default:
      return 'unknown scope kind';
  }
}

export function inScope(scope: MotionScope, building: string): boolean {
  return scope.kind === 'compound' || scope.buildings.includes(building);
}
