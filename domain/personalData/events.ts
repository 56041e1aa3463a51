/**
 * Events of personal-data protection (个人信息保护, PIPL). Neither carries the data itself.
 * - Erasures (删除, PIPL Art. 47) are on one stream for the whole service, `personal-data-erasures`, so that
 *   the key store can be brought in line with the log by reading one stream (services/personalData).
 * - Reads of personal data by staff (查阅记录) are on one stream per compound, `personal-data-reads-<compoundId>`.
 */
import type { DomainEvent } from '../shared/decider.js';

export const ERASURES_STREAM = 'personal-data-erasures';
export const readsStreamId = (compoundId: string): string => `personal-data-reads-${compoundId}`;

/** Who asked for an erasure: the person (PIPL Art. 47 para. 1, Art. 44) or, after the retention period, the OC or an admin. */
export type ErasureRequester = 'self' | 'oc_member' | 'admin';

/**
 * 个人信息删除: the keys of a person's data in one compound were destroyed. Lists the key ids (not the keys);
 * the person id stays (it is pseudonymous, and counts need it).
 */
export interface PersonalDataErasedData {
  readonly compoundId: string;
  readonly personId: string;
  readonly keyIds: readonly string[];
  readonly requestedBy: ErasureRequester;
  /** `own_request`: the person asked; `retention_expired`: no longer an owner and the retention period has run. */
  readonly basis: 'own_request' | 'retention_expired';
  /** When the person stopped owning any unit of the compound (null: still an owner). */
  readonly ceasedToBeOwnerAt: string | null;
  readonly erasedAt: string;
}

/** What personal data a read showed: today, owners' names in the unit list. */
export type PersonalDataRecord = 'unit_owners';

/** 查阅个人信息: a member of staff read personal data, with the reason they gave; which units, never the data. */
export interface PersonalDataReadData {
  readonly compoundId: string;
  readonly reader: { readonly personId: string; readonly role: string };
  readonly record: PersonalDataRecord;
  /** The units whose owners' names the response held (unit numbers are public). */
  readonly unitIds: readonly string[];
  /** How many names the response held (erased ones not counted). */
  readonly names: number;
  readonly reason: string;
  readonly readAt: string;
}

export type PersonalDataErased = DomainEvent<'PersonalDataErased', PersonalDataErasedData>;
export type PersonalDataRead = DomainEvent<'PersonalDataRead', PersonalDataReadData>;
export type PersonalDataEvent = PersonalDataErased | PersonalDataRead;
export const personalDataEventTypes = ['PersonalDataErased', 'PersonalDataRead'] as const;
