/**
 * The funds' page data: the funds' read model (projections/funds) read through `deps.read` (so `?asOf=` answers
 * from the compound's past documents, services/api/asOf), the supervisory flags over it (projections/supervision),
 * and, for an owner who sent their token, their own sub-accounts: the units whose owners include them.
 */
import { allUnits, type RegistryState } from '../../domain/registry/index.js';
import { fundsDocs } from '../../projections/funds/index.js';
import { fundsPage, ownSubAccount } from '../../projections/board/index.js';
import { supervisoryFlags, type DecisionRef } from '../../projections/supervision/index.js';
import type { RelationshipDeclaredData } from '../../domain/supervision/index.js';
import type { Principal } from '../auth/grants.js';
import { rolesOn } from '../auth/grants.js';
import type { PlatformDeps } from '../platform/platformDeps.js';

/** What the page reads of the supervision (services/supervision fits it): the declarations, the decisions as recorded. */
export interface SupervisionReader {
  state(compoundId: string): Promise<{ readonly declarations: readonly RelationshipDeclaredData[] }>;
  decisionRef(decisionId: string): DecisionRef | null;
}

/** How many of their own sub-account's transfers an owner sees on the page (the JSON view pages through all). */
export const OWN_TRANSFERS = 200;

export function fundsPageOf(
  deps: Pick<PlatformDeps, 'read'> & { readonly supervision: SupervisionReader },
  compound: RegistryState,
  compoundId: string,
  reader: Principal | null,
  now: Date,
) {
  return (async () => {
    const docs = fundsDocs(deps.read);
    const meta = docs.meta(compoundId);
    if (!meta || compound.status !== 'registered') return { page: null, own: [] };
    const releases = docs.releases(compoundId);
    // Declarations are folded from the supervision's stream (live): as of a past point, those made by then.
    const declarations = (await deps.supervision.state(compoundId)).declarations.filter((d) => Date.parse(d.declaredAt) <= now.getTime());
    const flags = supervisoryFlags({ meta, releases, decisions: deps.supervision.decisionRef, declarations, now });
    const units = [...allUnits(compound.units)];
    const page = fundsPage({
      meta,
      accounts: docs.accounts(compoundId),
      releases,
      disclosures: docs.disclosures(compoundId),
      units: units.map((u) => ({ unitId: u.unitId, building: u.building })),
      decisions: deps.supervision.decisionRef,
      flags,
      now,
    });
    // An owner sees their own sub-account with their token (维修资金办法 Art. 31), and nobody else's.
    const mine = reader && rolesOn(reader, compoundId).includes('owner') ? units.filter((u) => u.owners.some((o) => o.personId === reader.personId)) : [];
    const own = mine.map((u) => {
      const account = `unit:${u.unitId}`;
      return ownSubAccount(u.unitId, docs.account(compoundId, 'maintenance', account), meta.topUpDue.includes(u.unitId), docs.accountTransfers(compoundId, 'maintenance', account, 0, OWN_TRANSFERS));
    });
    return { page, own };
  })();
}
