/**
 * Event sequences for the assembly projection's ballot apply, fed to a projection the way the runner feeds it
 * (a projection reads its own earlier changes, the same objects, uncloned, as the runner's pending batch does).
 * The opening of each motion comes from the real deciders (voteSim); ballots, rulings and closes are built by
 * hand so that any order can be tried (re-votes of any content, late ballots, rulings of any ballot, unknown
 * receipts). Used by the equality property (tests/projections/assembly/applyEquality.test.ts) and the micro
 * bench (tests/support/assemblyApplyBench.ts).
 */
import type { BallotMarks } from '../../domain/assembly/forms.js';
import type { Choice } from '../../domain/assembly/tally.js';
import type { VoterIdentity } from '../../domain/registry/types.js';
import type { DocChange, DocReader, Projection } from '../../projections/projection.js';
import type { RecordedEvent } from '../../services/store/port.js';
import { recorded, type SpecEvent } from './projectionSpec.js';
import { testPack, voteSim } from './voteSim.js';

export type FormKind = 'yes_no' | 'choose_one' | 'elect';

/** What a hand-built ballot says. */
export type Said = { readonly choice: Choice } | { readonly marks: Exclude<BallotMarks, { form: 'yes_no' }> } | { readonly invalid: true };

/** `n` owner identities with varied exact areas (2 to 4 decimals, some whole). */
export function variedRoll(n: number): VoterIdentity[] {
  const areas = ['88.5', '120.0325', '75', '0.0001', '99.99', '1350.74', '88.125', '64.10'];
  return Array.from({ length: n }, (_, i) => {
    const area = areas[i % areas.length]!;
    return { voterId: `owners:1-${i + 1}`, developerHeld: false, ownerPersonIds: [`p1-${i + 1}`], units: [{ unitId: `1-${i + 1}`, building: '1', area }], area };
  });
}

/** A motion proposed, noticed and opened through the deciders, renamed to `motionId`. */
export function openingEvents(roll: readonly VoterIdentity[], form: FormKind, motionId = 'm1', deemed = false): SpecEvent[] {
  const sim = voteSim(roll, testPack());
  const over =
    form === 'choose_one'
      ? { matter: 'other_major' as const, form: { form: 'choose_one', options: [0, 1, 2].map((i) => ({ optionId: `o${i}`, label: `方案${i}` })) } }
      : form === 'elect'
        ? { matter: 'elect_committee' as const, form: { form: 'elect', candidates: [0, 1, 2].map((i) => ({ candidateId: `c${i}`, name: `候选人${i}` })), seats: 2 } }
        : {};
  sim.open({ ...over, ...(deemed ? { deemedVotes: { basis: '管理规约第二十条' } } : {}) });
  const renamed = JSON.parse(JSON.stringify(sim.log).replaceAll('"m1"', JSON.stringify(motionId))) as SpecEvent[];
  return renamed.map((e) => ({ ...e, streamId: `motion-${motionId}` }));
}

export function ballotEvent(motionId: string, voter: VoterIdentity, n: number, said: Said, replaces?: { receipt: string; said: Said }): SpecEvent {
  return {
    type: 'BallotCast',
    streamId: `ballot-${motionId}-${voter.voterId}`,
    data: {
      motionId,
      voterId: voter.voterId,
      ballotId: `b${n}`,
      receipt: `r-${motionId}-${n}`,
      unitId: voter.units[0]!.unitId,
      unitIds: voter.units.map((u) => u.unitId),
      area: voter.area,
      ...said,
      channel: 'electronic',
      castBy: 'owner',
      byPersonId: voter.ownerPersonIds[0] ?? 'dev',
      castAt: '2024-03-25T02:00:00.000Z',
      ...(replaces ? { replaces: { receipt: replaces.receipt, ...replaces.said } } : {}),
    },
  };
}

export const rulingEvent = (motionId: string, receipt: string, voterId: string): SpecEvent => ({
  type: 'BallotRuledInvalid',
  streamId: `motion-${motionId}`,
  data: { motionId, receipt, voterId, objectionId: 'o1', evidenceRef: 'e1', ruledAt: '2024-04-01T02:00:00.000Z' },
});

export const closeEvent = (motionId: string): SpecEvent => ({
  type: 'MotionClosed',
  streamId: `motion-${motionId}`,
  data: { motionId, closedAt: '2024-03-30T10:00:00.000Z', resultDueBy: null },
});

export const deliveredEvent = (motionId: string, voter: VoterIdentity): SpecEvent => ({
  type: 'NoticeDelivered',
  streamId: `motion-${motionId}`,
  data: { motionId, voterId: voter.voterId, unitId: voter.units[0]!.unitId, method: 'in_person', deliveredAt: '2024-03-05T02:00:00.000Z' },
});

/** A read model in memory, fed as the runner's pending batch: the projection's own objects, uncloned. */
export function memoryModel() {
  const docs = new Map<string, unknown>();
  const reader: DocReader = {
    get<T>(collection: string, id: string) {
      return docs.get(`${collection}/${id}`) as T | undefined;
    },
  };
  const apply = (projection: Projection, event: RecordedEvent) => {
    if (!projection.handles.includes(event.type)) return;
    for (const c of projection.apply(event, reader) as DocChange[]) {
      if (c.op === 'delete') docs.delete(`${c.collection}/${c.id}`);
      else docs.set(`${c.collection}/${c.id}`, c.doc);
    }
  };
  return { docs, reader, apply };
}

/** Every document and every change as JSON, in order: what the runner would write, byte for byte. */
export function foldAsJson(projection: Projection, events: readonly SpecEvent[]): { changes: string[]; docs: Record<string, string> } {
  const model = memoryModel();
  const changes: string[] = [];
  for (const event of recorded(events)) {
    if (!projection.handles.includes(event.type)) continue;
    for (const c of projection.apply(event, model.reader) as DocChange[]) {
      changes.push(JSON.stringify(c));
      if (c.op === 'delete') model.docs.delete(`${c.collection}/${c.id}`);
      else model.docs.set(`${c.collection}/${c.id}`, c.doc);
    }
  }
  const docs: Record<string, string> = {};
  for (const [k, v] of [...model.docs].sort(([a], [b]) => (a < b ? -1 : 1))) docs[k] = JSON.stringify(v);
  return { changes, docs };
}
