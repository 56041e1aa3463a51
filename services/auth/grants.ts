/**
 * Grants carried by a bearer token: `admin`, or a role scoped to one compound (`oc_member@<compoundId>`).
 */
import { roles, type Role } from '../../domain/shared/roles.js';

/** The roles live in the shared kernel (domain/shared/roles.ts), where deciders can name them too. */
export { roles, type Role };

export type Grant = { readonly kind: 'admin' } | { readonly kind: 'scoped'; readonly role: Role; readonly compoundId: string };

export function parseGrant(text: string): Grant | null {
  if (text === 'admin') return { kind: 'admin' };
  const at = text.indexOf('@');
  if (at <= 0) return null;
  const role = text.slice(0, at);
  const compoundId = text.slice(at + 1);
  if (!(roles as readonly string[]).includes(role) || compoundId.length === 0) return null;
  return { kind: 'scoped', role: role as Role, compoundId };
}

export function formatGrant(grant: Grant): string {
  return grant.kind === 'admin' ? 'admin' : `${grant.role}@${grant.compoundId}`;
}

/** The authenticated caller. */
export interface Principal {
  readonly personId: string;
  readonly grants: readonly Grant[];
}

export const isAdmin = (p: Principal): boolean => p.grants.some((g) => g.kind === 'admin');

/** The caller's roles on one compound (admin not included). */
export function rolesOn(p: Principal, compoundId: string): Role[] {
  return p.grants.flatMap((g) => (g.kind === 'scoped' && g.compoundId === compoundId ? [g.role] : []));
}

/**
 * The first of `allowed` the caller holds on the compound, `admin` when the caller is an admin and
 * `allowAdmin`, else null. The returned name is what the event's actor.role records.
 */
export function actingRole(
  p: Principal,
  compoundId: string | null,
  allowed: readonly Role[],
  allowAdmin = true,
): Role | 'admin' | null {
  if (compoundId !== null) {
    const held = rolesOn(p, compoundId);
    const role = allowed.find((r) => held.includes(r));
    if (role) return role;
  }
  return allowAdmin && isAdmin(p) ? 'admin' : null;
}
