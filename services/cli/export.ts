/**
 * `cli export <compoundId> <file>`: writes the compound's signed, pseudonymised log (services/export) to a file,
 * with the keys in DATA_DIR (the log key signs; the export key derives the compound's pseudonyms).
 */
import { writeFileSync } from 'node:fs';
import type { Config } from '../config.js';
import { exportCompound } from '../export/exportCompound.js';
import { loadExportKey } from '../export/pseudonyms.js';
import { loadLogSigningKey } from '../keys/logSigningKey.js';
import type { EventStore } from '../store/port.js';

export async function exportCommand(args: readonly string[], config: Pick<Config, 'dataDir'>, store: EventStore): Promise<number> {
  const [compoundId, file, ...extra] = args;
  if (!compoundId || !file || extra.length > 0) {
    console.error('usage: npm run cli -- export <compoundId> <file>');
    return 2;
  }
  const exported = await exportCompound(store, compoundId, { logKey: loadLogSigningKey(config.dataDir), exportKey: loadExportKey(config.dataDir) }, new Date());
  if (!exported) {
    console.error(`no compound ${compoundId} in the log`);
    return 1;
  }
  writeFileSync(file, JSON.stringify(exported));
  console.log(`wrote ${file}: ${exported.manifest.events} events in ${exported.manifest.streams.length} streams of compound ${compoundId}, signed by key ${exported.manifest.key.kid}; check it with: npm run verify-export -- ${file}`);
  return 0;
}
