/**
 * The residents' deadline: once residents ask for a meeting in the numbers of 居委会组织法 Art. 10 para. 2
 * (1/5 of adults or households, 1/3 of groups), the residents' committee must convene it. No statute fixes the
 * days (应当召集); 30 by default (domain/residents/rules.ts). Met when a meeting answering the request is convened.
 */
import type { ConveneRequestReachedData, ResidentsMeetingConvenedData } from '../../domain/residents/index.js';
import type { DeadlineSource } from '../platform/deadlines.js';

export const RESIDENTS_MEETING_DUE = 'residents_meeting';

export const residentsDeadlineSource: DeadlineSource = {
  name: 'residents',
  handles: ['ConveneRequestReached', 'ResidentsMeetingConvened'],
  changes(event) {
    if (event.type === 'ConveneRequestReached') {
      const d = event.data as ConveneRequestReachedData;
      return [
        {
          op: 'declare',
          deadline: {
            deadlineId: `${RESIDENTS_MEETING_DUE}:${d.requestId}`,
            compoundId: d.compoundId,
            kind: RESIDENTS_MEETING_DUE,
            dueAt: d.conveneBy,
            source: { article: '居委会组织法 Art. 10 para. 2 (30 days by default)', jurisdiction: 'national' },
            record: { type: 'residents_request', id: d.requestId },
          },
        },
      ];
    }
    const d = event.data as ResidentsMeetingConvenedData;
    return d.requestId ? [{ op: 'meet', deadlineId: `${RESIDENTS_MEETING_DUE}:${d.requestId}`, at: d.convenedAt }] : [];
  },
};
