/**
 * `cli import-units <compoundId> <file.csv> [--url URL] [--token T] [--batch N]`: imports units through the
 * running API. First it reads and checks the whole file (nothing is sent if any row is bad, and every bad
 * row is named by its line), then it sends batches with a progress bar. Each batch is all-or-nothing and
 * carries an Idempotency-Key derived from the file's content, so running the same import again after an
 * interruption resumes: the batches already recorded are replayed, not appended twice.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { batchUnits, parseUnitsCsv, validateUnitInputs } from '../../domain/registry/index.js';
import { loadSigningKey } from '../auth/keys.js';
import { issueToken } from '../auth/tokens.js';
import { loadToolConfig, type Config } from '../config.js';
import { option, parseArgs } from './args.js';
import { progressBar } from './progress.js';

async function fileDigest(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex').slice(0, 16);
}

export async function importUnitsCommand(argv: string[], config: Config): Promise<number> {
  const args = parseArgs(argv);
  const [compoundId, file] = args.positional;
  if (!compoundId || !file) {
    console.error('usage: import-units <compoundId> <file.csv> [--url http://127.0.0.1:3000] [--token <bearer>] [--batch 5000]');
    return 2;
  }
  const url = option(args, 'url') ?? `http://127.0.0.1:${config.port}`;
  const batchSize = Number(option(args, 'batch') ?? 5000);
  const token =
    option(args, 'token') ??
    loadToolConfig().token ??
    (await issueToken(loadSigningKey(config.dataDir, config.jwtSecret), 'cli-import', [{ kind: 'admin' }], 3600));

  // Pass 1: parse and check every row; nothing is sent unless the whole file is clean.
  const size = statSync(file).size;
  const check = progressBar('checking', size);
  let units = 0;
  let bad = 0;
  const seen = new Set<string>();
  for await (const batch of batchUnits(parseUnitsCsv(createReadStream(file).on('data', (c) => check.add(c.length))), batchSize)) {
    for (const e of batch.errors) {
      bad++;
      if (bad <= 50) console.error(`\nline ${e.line}: ${e.code}: ${e.message}`);
    }
    const { problems, total } = validateUnitInputs(batch.units, (id) => seen.has(id), 50);
    bad += total;
    for (const p of problems) console.error(`\nline ${batch.lines[p.index]}: ${p.code}: ${p.message}`);
    for (const u of batch.units) seen.add(u.unitId);
    units += batch.units.length;
  }
  check.done();
  if (bad > 0) {
    console.error(`${bad} problem(s) in ${file}; nothing was imported`);
    return 1;
  }

  // Pass 2: send.
  const digest = await fileDigest(file);
  const send = progressBar('importing', units);
  let index = 0;
  for await (const batch of batchUnits(parseUnitsCsv(createReadStream(file)), batchSize)) {
    const response = await fetch(`${url}/v1/compounds/${encodeURIComponent(compoundId)}/units`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': `import-${compoundId}-${digest}-${batchSize}-${index}`,
      },
      body: JSON.stringify({ units: batch.units }),
    });
    if (response.status !== 201) {
      const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string; details?: { errors?: Array<{ index: number; code: string; message: string }> } };
      console.error(`\nbatch ${index + 1} (lines ${batch.lines[0]}–${batch.lines.at(-1)}) refused: ${response.status} ${problem.code ?? ''} ${problem.detail ?? ''}`);
      for (const e of problem.details?.errors ?? []) console.error(`line ${batch.lines[e.index]}: ${e.code}: ${e.message}`);
      console.error(`${send.count()} units were imported before it; run the same command again to resume after fixing`);
      return 1;
    }
    send.add(batch.units.length);
    index++;
  }
  send.done();
  console.log(`imported ${units} units into ${compoundId}`);
  return 0;
}
