/**
 * The registry's events as the log keeps them: every owner's name sealed under that owner's key in the
 * compound (UnitsImported, UnitTransferred, OwnerNameCorrected). Runs after the registry's decider and before
 * the append; keys are made for all the persons of a command in one transaction.
 */
import type { Owner, RegistryEvent } from '../../domain/registry/index.js';
import { assertNever } from '../../domain/shared/decider.js';
import type { PersonalText } from '../../domain/shared/personalData.js';
import { seal } from './cipher.js';
import type { KeyStore, PersonKey } from './keyStore.js';

function personsWithPlainNames(events: readonly RegistryEvent[]): string[] {
  const ids: string[] = [];
  const owners = (list: readonly Owner[]) => {
    for (const o of list) if (typeof o.name === 'string') ids.push(o.personId);
  };
  for (const e of events) {
    switch (e.type) {
      case 'UnitsImported':
        for (const u of e.data.units) owners(u.owners);
        break;
      case 'UnitTransferred':
        owners(e.data.owners);
        break;
      case 'OwnerNameCorrected':
        if (typeof e.data.name === 'string') ids.push(e.data.personId);
        break;
      case 'CompoundRegistered':
      case 'UnitAreaCorrected':
      case 'UnitReturnedToDeveloper':
        break;
      default:
        assertNever(e);
    }
  }
  return ids;
}

export function sealRegistryEvents(keys: KeyStore, compoundId: string, events: readonly RegistryEvent[]): RegistryEvent[] {
  const personIds = personsWithPlainNames(events);
  if (personIds.length === 0) return [...events];
  const byPerson = keys.keysFor(compoundId, personIds);
  const sealName = (personId: string, name: PersonalText): PersonalText => {
    if (typeof name !== 'string') return name;
    const k: PersonKey = byPerson.get(personId)!;
    return seal(name, k.kid, k.key);
  };
  const sealOwners = (list: readonly Owner[]): Owner[] => list.map((o) => ({ personId: o.personId, name: sealName(o.personId, o.name) }));
  return events.map((e): RegistryEvent => {
    switch (e.type) {
      case 'UnitsImported':
        return { ...e, data: { ...e.data, units: e.data.units.map((u) => (u.owners.length === 0 ? u : { ...u, owners: sealOwners(u.owners) })) } };
      case 'UnitTransferred':
        return { ...e, data: { ...e.data, owners: sealOwners(e.data.owners) } };
      case 'OwnerNameCorrected':
        return { ...e, data: { ...e.data, name: sealName(e.data.personId, e.data.name) } };
      default:
        return e;
    }
  });
}
