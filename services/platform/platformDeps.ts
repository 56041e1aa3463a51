/**
 * The platform's parts every context and every route may use, whatever the context: the log, the read
 * model, the clock, the keys, the command log and the platform (reactors and deadlines). Each context's
 * services join them in `AppDeps` (services/api/deps.ts).
 */
import type { CommandLog } from '../api/commandLog.js';
import type { Clock } from '../clock.js';
import type { KeyRing } from '../auth/keys.js';
import type { TokenRevocations } from '../auth/revocations.js';
import type { LogSigningKey } from '../keys/logSigningKey.js';
import type { ProjectionRunner } from '../projections/runner.js';
import type { ReadView } from '../projections/readStore.js';
import type { EventStore } from '../store/port.js';
import type { Platform } from './index.js';
import type { PersonalDataService } from '../personalData/service.js';
import type { SnapshotTable } from '../api/asOf/snapshotTable.js'; // snap16

export interface PlatformDeps {
  readonly store: EventStore;
  readonly read: ReadView;
  readonly runner: ProjectionRunner;
  readonly clock: Clock;
  /** trust17: the token keys (current and previous, by kid) and the revocations they consult (services/auth/keys.ts). */
  readonly signingKey: KeyRing;
  /** trust17: token revocations, recorded in the log (services/auth/revocations.ts). */
  readonly tokenRevocations: TokenRevocations;
  /** Ed25519 key that signs the log's tree heads (DATA_DIR/log-signing.key). */
  readonly logKey: LogSigningKey;
  readonly commands: CommandLog;
  /** The key the per-compound pseudonym secrets of exports derive from (DATA_DIR/export-pseudonym.key). */
  readonly exportKey: Buffer;
  /** pipl: personal data sealed per person, its erasure and the record of staff reads (services/personalData). */
  readonly personalData: PersonalDataService;
  /** snap16: the time-travel snapshots on disk, in the read database (services/api/asOf/snapshotTable.ts); none: memory only. */
  readonly asOfSnapshots?: SnapshotTable;
  /** Reactors and the deadline scheduler (services/platform). */
  readonly platform: Platform;
}

/**
 * What a context's services are built from: the platform's parts but the platform itself, which starts
 * after them (it runs the reactors and deadline sources the services feed).
 */
export type ServiceDeps = Omit<PlatformDeps, 'platform'>;
