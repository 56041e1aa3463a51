/** The joint context's application service: runs joint-meeting and request commands on their streams. */
import { jointDecider, jointMeetingStreamId, requestStreamId, type JointCommand, type JointState } from '../../domain/joint/index.js';
import type { DomainError } from '../../domain/shared/errors.js';
import { handleCommand, loadState, type CommandEnvelope, type Handled } from '../commands/handler.js';
import type { EventStore } from '../store/port.js';

export interface JointService {
  meeting(meetingId: string): Promise<JointState>;
  request(requestId: string): Promise<JointState>;
  onMeeting(meetingId: string, command: JointCommand, cmd: CommandEnvelope): Promise<Handled<JointState> | DomainError>;
  onRequest(requestId: string, command: JointCommand, cmd: CommandEnvelope): Promise<Handled<JointState> | DomainError>;
}

export function jointService(store: EventStore): JointService {
  return {
    meeting: async (id) => (await loadState(store, jointDecider, jointMeetingStreamId(id))).state,
    request: async (id) => (await loadState(store, jointDecider, requestStreamId(id))).state,
    onMeeting: (id, command, cmd) => handleCommand(store, jointDecider, jointMeetingStreamId(id), command, cmd, {}),
    onRequest: (id, command, cmd) => handleCommand(store, jointDecider, requestStreamId(id), command, cmd, {}),
  };
}
