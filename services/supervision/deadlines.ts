/**
 * The supervisory board's deadline: it meets at least once a year (广州办法 Art. 50). Due a year after it was
 * set up, then a year after each meeting (the meeting's date, China time).
 */
import { BOARD_MEETING_EVERY_MONTHS, type SupervisionEvent } from '../../domain/supervision/index.js';
import type { DeadlineChange, DeadlineSource } from '../platform/deadlines.js';

export const BOARD_MEETING = 'supervisory_board_meeting';
const SOURCE = { article: '广州办法 Art. 50: the board meets at least once a year', jurisdiction: 'national' };

const yearAfter = (instant: Date): string => {
  const d = new Date(instant);
  d.setUTCMonth(d.getUTCMonth() + BOARD_MEETING_EVERY_MONTHS);
  return d.toISOString();
};

export function supervisionDeadlineSource(): DeadlineSource {
  return {
    name: 'supervision',
    handles: ['BoardEstablished', 'BoardMeetingHeld'],
    changes(recorded, recall): DeadlineChange[] {
      const compoundId = recorded.streamId.replace(/^supervision-/, '');
      const event = { type: recorded.type, data: recorded.data } as SupervisionEvent;
      const declare = (n: number, from: Date): DeadlineChange[] => [
        { op: 'declare', deadline: { deadlineId: `${BOARD_MEETING}:${compoundId}:${n}`, compoundId, kind: BOARD_MEETING, dueAt: yearAfter(from), source: SOURCE, record: { type: 'supervisory_board', id: compoundId } } },
        { op: 'remember', key: `board:${compoundId}`, facts: { n: String(n) } },
      ];
      switch (event.type) {
        case 'BoardEstablished':
          return declare(1, new Date(event.data.establishedAt));
        case 'BoardMeetingHeld': {
          const n = Number(recall(`board:${compoundId}`)?.n ?? '0');
          const heldAt = new Date(`${event.data.heldOn}T00:00:00+08:00`);
          return [...(n > 0 ? [{ op: 'meet' as const, deadlineId: `${BOARD_MEETING}:${compoundId}:${n}`, at: event.data.recordedAt }] : []), ...declare(n + 1, heldAt)];
        }
        default:
          return [];
      }
    },
  };
}
