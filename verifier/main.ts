/**
 * `npm run verify-export -- <file> [--key <file|json>]...`: checks an export without the server (verify.ts).
 * `--key` takes the JWK set of `GET /v1/keys` (or one JWK), as a file or as JSON text. Prints one line per
 * mismatch, with its record, and a summary; exits 1 on any mismatch, 2 on a usage error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { verifyExportText } from './verify.js';

const usage = 'usage: npm run verify-export -- <export.json> [--key <jwks file|json>]...';

function keysOf(text: string): { kid: string; x: string }[] {
  const value = JSON.parse(text) as { keys?: unknown[] } | { kid?: string; x?: string };
  const list = Array.isArray((value as { keys?: unknown[] }).keys) ? ((value as { keys: unknown[] }).keys as { kid?: string; x?: string }[]) : [value as { kid?: string; x?: string }];
  return list.filter((k): k is { kid: string; x: string } => typeof k.kid === 'string' && typeof k.x === 'string');
}

export function main(argv: readonly string[]): number {
  const files: string[] = [];
  const keys: { kid: string; x: string }[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--key') {
      const v = argv[++i];
      if (v === undefined) return fail(usage);
      try {
        keys.push(...keysOf(v.trimStart().startsWith('{') ? v : readFileSync(v, 'utf8')));
      } catch (error) {
        return fail(`--key: ${(error as Error).message}`);
      }
    } else if (a.startsWith('--')) return fail(usage);
    else files.push(a);
  }
  if (files.length !== 1) return fail(usage);
  const file = files[0]!;
  if (!existsSync(file)) return fail(`no such file: ${file}`);
  const result = verifyExportText(readFileSync(file, 'utf8'), keys.length > 0 ? { keys } : {});
  for (const p of result.problems) console.log(`MISMATCH ${p.check}: ${p.record}: ${p.detail}`);
  const c = result.counts;
  const summary =
    `${c.events} events in ${c.streams} streams; ${c.motions} motions, ${c.ballots} ballots, ${c.results} results, ${c.decisions} decisions recomputed; ${c.fundEvents} fund events, ${c.transfers} transfers; ` +
    `${c.committeeEvents} committee events, ${c.contracts} contracts with ${c.heldBackReleases} held-back releases, ${c.residentsItems} residents' items, ${c.jointEvents} joint and ${c.disputeEvents} dispute events`;
  const s = result.statistics;
  if (s) {
    // The figures the notice board posts, recomputed: an owner holds them against the board.
    for (const p of s.partyScores) console.log(`STATISTIC party score ${p.party}: ${p.score} (${p.dispatched} dispatched, ${p.answeredInTime} answered within 24 h, ${p.completedOnTime} of ${p.accepted} accepted completed on time, ${p.rated} rated)`);
    for (const [category, row] of Object.entries(s.disputes)) console.log(`STATISTIC disputes ${category}: ${Object.entries(row).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  if (result.problems.length > 0) {
    console.log(`FAILED: ${result.problems.length} mismatch${result.problems.length === 1 ? '' : 'es'} (compound ${result.compoundId ?? '?'}; ${summary})`);
    return 1;
  }
  console.log(`OK: compound ${result.compoundId}: signature${keys.length > 0 ? ' (key published by the server)' : ''}, every chain, ${summary}`);
  return 0;
}

function fail(message: string): number {
  console.error(message);
  return 2;
}
