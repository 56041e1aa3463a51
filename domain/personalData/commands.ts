/** Commands of personal-data protection (个人信息保护). */
import type { ErasureRequester } from './events.js';

/**
 * 删除个人信息: destroy the keys of a person's personal data in one compound. `by.acting` is `self` when the
 * caller is the person, else the grant they act under (the OC or an admin).
 */
export interface ErasePersonalData {
  readonly type: 'ErasePersonalData';
  readonly data: { readonly compoundId: string; readonly personId: string };
  readonly by: { readonly personId: string; readonly acting: ErasureRequester };
}

export type PersonalDataCommand = ErasePersonalData;
