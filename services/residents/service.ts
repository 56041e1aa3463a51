/**
 * The residents' application service: runs the residents' commands on their streams, reading the roll where a
 * meeting or a request is measured against it.
 */
import {
  conveneRequestStreamId,
  representativesOf,
  residentsDecider,
  residentsMeetingStreamId,
  residentsRollStreamId,
  type Household,
  type ResidentsCommand,
  type ResidentsRollRecordedData,
  type ResidentsState,
} from '../../domain/residents/index.js';
import type { DomainError } from '../../domain/shared/errors.js';
import { handleCommand, loadState, type CommandEnvelope, type Handled } from '../commands/handler.js';
import type { EventStore } from '../store/port.js';

type Result = Promise<Handled<ResidentsState> | DomainError>;

export interface ResidentsService {
  state(streamId: string): Promise<ResidentsState>;
  /** Roll commands (`RecordRoll`, `ChooseRepresentatives`) on the compound's roll stream. */
  onRoll(compoundId: string, command: ResidentsCommand, cmd: CommandEnvelope): Result;
  convene(command: Extract<ResidentsCommand, { type: 'ConveneMeeting' }>, cmd: CommandEnvelope): Result;
  onMeeting(meetingId: string, command: ResidentsCommand, cmd: CommandEnvelope): Result;
  openRequest(command: Extract<ResidentsCommand, { type: 'OpenConveneRequest' }>, cmd: CommandEnvelope): Result;
  onRequest(requestId: string, command: ResidentsCommand, cmd: CommandEnvelope): Result;
}

export function residentsService(store: EventStore): ResidentsService {
  const run = (streamId: string, command: ResidentsCommand, cmd: CommandEnvelope) => handleCommand(store, residentsDecider, streamId, command, cmd, {});
  const state = async (streamId: string) => (await loadState(store, residentsDecider, streamId)).state;

  /** The households as last recorded (the roll stream's newest `ResidentsRollRecorded`). */
  async function households(compoundId: string): Promise<readonly Household[] | null> {
    const events = await store.readStream(residentsRollStreamId(compoundId));
    const last = events.filter((e) => e.type === 'ResidentsRollRecorded').at(-1);
    return last ? (last.data as ResidentsRollRecordedData).households : null;
  }

  return {
    state,
    onRoll: (compoundId, command, cmd) => run(residentsRollStreamId(compoundId), command, cmd),
    async convene(command, cmd) {
      const roll = await state(residentsRollStreamId(command.data.compoundId));
      const withRoll = { ...command, data: { ...command.data, roll: roll.kind === 'roll' ? { totals: roll.totals, representatives: representativesOf(roll) } : null } };
      return run(residentsMeetingStreamId(command.data.meetingId), withRoll, cmd);
    },
    onMeeting: (meetingId, command, cmd) => run(residentsMeetingStreamId(meetingId), command, cmd),
    async openRequest(command, cmd) {
      return run(conveneRequestStreamId(command.data.requestId), { ...command, data: { ...command.data, households: await households(command.data.compoundId) } }, cmd);
    },
    onRequest: (requestId, command, cmd) => run(conveneRequestStreamId(requestId), command, cmd),
  };
}
