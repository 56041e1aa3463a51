/**
 * The committee projection: keeps each compound's committee state (person ids removed) and renders the public
 * board and election documents from it, in log order. It also links an election to the assembly motion
 * proposed for it (`MotionProposed` whose proposal is `elect_committee` naming the election).
 */
import type { MotionProposedData } from '../../domain/assembly/index.js';
import { committeeEventTypes, evolveCommittee, type ActiveCommitteeState, type CommitteeEvent, type CommitteeState } from '../../domain/committee/index.js';
import type { RecordedEvent } from '../../domain/shared/log.js';
import type { DocChange, DocReader, Projection } from '../projection.js';
import { COMMITTEE_ACTING, COMMITTEE_BOARDS, COMMITTEE_ELECTIONS, COMMITTEE_STATE, renderActing, renderBoard, renderElection, type ElectionDoc } from './view.js';

interface StoredState {
  readonly state: CommitteeState;
  /** electionId → the motion proposed for it. */
  readonly motions: Readonly<Record<string, string>>;
}

/** Person ids never reach the read database. */
function redact(state: CommitteeState): CommitteeState {
  if (state.status !== 'active') return state;
  return {
    ...state,
    members: state.members.map((m) => ({ ...m, personId: '' })),
    term: state.term ? { ...state.term, alternates: (state.term.alternates ?? []).map((a) => ({ ...a, personId: '' })) } : null,
    elections: Object.fromEntries(Object.entries(state.elections).map(([id, e]) => [id, { ...e, candidates: e.candidates.map((c) => ({ ...c, personId: '' })) }])),
  };
}

function render(compoundId: string, stored: StoredState, electionIds: readonly string[], at: string): DocChange[] {
  const changes: DocChange[] = [{ op: 'put', collection: COMMITTEE_STATE, id: compoundId, doc: stored }];
  // Where there is no OC: the acting body (PMC or RC) and the owners' decisions it convened.
  if (stored.state.status === 'active' ? stored.state.acting.body !== null || stored.state.acting.pastBodies.length > 0 : stored.state.acting !== undefined) {
    changes.push({ op: 'put', collection: COMMITTEE_ACTING, id: compoundId, doc: renderActing(stored.state, at) });
  }
  if (stored.state.status !== 'active') return changes;
  const state: ActiveCommitteeState = stored.state;
  changes.push({ op: 'put', collection: COMMITTEE_BOARDS, id: compoundId, doc: renderBoard(state) });
  for (const electionId of electionIds) {
    const e = state.elections[electionId];
    if (!e) continue;
    const doc: ElectionDoc = renderElection(state, e, stored.motions[electionId] ?? null);
    changes.push({ op: 'put', collection: COMMITTEE_ELECTIONS, id: electionId, parent: compoundId, sortKey: e.openedAt, doc });
  }
  return changes;
}

export const committeeProjection: Projection = {
  name: 'committee',
  version: 3,
  handles: [...committeeEventTypes, 'MotionProposed'],
  apply(event: RecordedEvent, docs: DocReader): readonly DocChange[] {
    if (event.type === 'MotionProposed') {
      const d = event.data as MotionProposedData;
      const proposal = d.proposal as { kind?: string; electionId?: string } | null | undefined;
      if (proposal?.kind !== 'elect_committee' || !proposal.electionId) return [];
      const stored = docs.get<StoredState>(COMMITTEE_STATE, d.compoundId);
      if (!stored || stored.state.status !== 'active' || !stored.state.elections[proposal.electionId]) return [];
      return render(d.compoundId, { ...stored, motions: { ...stored.motions, [proposal.electionId]: d.motionId } }, [proposal.electionId], event.metadata.recordedAt);
    }
    const e = { type: event.type, data: event.data } as CommitteeEvent;
    const compoundId = (event.data as { compoundId: string }).compoundId;
    const stored = docs.get<StoredState>(COMMITTEE_STATE, compoundId) ?? { state: { status: 'none' }, motions: {} };
    const state = redact(evolveCommittee(stored.state, e));
    // A compound has a handful of elections: each is rendered again, so the group shown in them stays current.
    return render(compoundId, { state, motions: stored.motions }, state.status === 'active' ? state.electionOrder : [], event.metadata.recordedAt);
  },
};
