/** What the HTTP layer is given by the composition root (services/runtime.ts). */
import type { Clock } from '../clock.js';
import type { ProjectionRunner } from '../projections/runner.js';
import type { ReadView } from '../projections/readStore.js';
import type { AssemblyService } from '../assembly/service.js';
import type { DecisionsService } from '../assembly/decisions.js';
import type { ResidentsService } from '../residents/service.js';
import type { DisputesService } from '../disputes/service.js';
import type { JointService } from '../joint/service.js';
import type { RegistryService } from '../registry/service.js';
import type { EventStore } from '../store/port.js';
import type { Platform } from '../platform/index.js';
import type { LogSigningKey } from '../keys/logSigningKey.js';
import type { CommandLog } from './commandLog.js';
// funds, supervision
import type { FundsService } from '../funds/service.js';
import type { SupervisionService } from '../supervision/service.js';
import type { HiringService } from '../hiring/service.js'; // hiring
// committee
import type { CommitteeService } from '../committee/service.js';
import type { BoardService } from '../board/service.js'; // board

export interface AppDeps {
  readonly store: EventStore;
  readonly read: ReadView;
  readonly runner: ProjectionRunner;
  readonly clock: Clock;
  readonly signingKey: Uint8Array;
  /** Ed25519 key that signs the log's tree heads (DATA_DIR/log-signing.key). */
  readonly logKey: LogSigningKey;
  readonly commands: CommandLog;
  readonly registry: RegistryService;
  readonly assembly: AssemblyService;
  readonly decisions: DecisionsService;
  readonly residents: ResidentsService;
  readonly disputes: DisputesService;
  readonly joint: JointService;
  /** Reactors and the deadline scheduler (services/platform). */
  readonly platform: Platform;
  // funds, supervision
  readonly funds: FundsService;
  readonly supervision: SupervisionService;
  /** hiring: the property firm (services/hiring). */
  readonly hiring: HiringService;
  // committee
  readonly committee: CommitteeService;
  /** board: the notice board's setting and who may read it (services/board). */
  readonly board: BoardService;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}
