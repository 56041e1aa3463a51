/** Owners' petitions for an extraordinary meeting on the notice board (提议召开临时会议): totals, never who signed. */
import type { PetitionEvent } from '../../domain/assembly/petition.js';
import { assertNever } from '../../domain/shared/decider.js';
import type { DocChange, DocReader } from '../projection.js';
import { PETITIONS, type PetitionDoc } from './docs.js';

const put = (doc: PetitionDoc): DocChange => ({ op: 'put', collection: PETITIONS, id: doc.petitionId, parent: doc.compoundId, sortKey: `${doc.openedAt}|${doc.petitionId}`, doc });

export function applyToPetition(event: PetitionEvent, docs: DocReader): readonly DocChange[] {
  if (event.type === 'PetitionOpened') {
    const d = event.data;
    return [
      put({
        petitionId: d.petitionId,
        compoundId: d.compoundId,
        purpose: d.purpose,
        openedAt: d.openedAt,
        eligible: d.roll.eligible,
        signatures: { area: '0.00', headcount: 0 },
        threshold: '20% of area and of headcount (物业管理条例 Art. 13; 指导规则 Art. 21)',
        reachedAt: null,
        conveneBy: null,
      }),
    ];
  }
  const doc = docs.get<PetitionDoc>(PETITIONS, event.data.petitionId);
  if (!doc) return [];
  switch (event.type) {
    case 'PetitionSigned':
      return [put({ ...doc, signatures: event.data.signatures })];
    case 'PetitionThresholdReached':
      return [put({ ...doc, reachedAt: event.data.reachedAt, conveneBy: event.data.conveneBy })];
    default:
      return assertNever(event);
  }
}
