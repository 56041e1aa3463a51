/**
 * Import boundaries (`npm run check:boundaries`, run by .ci/run). Paths are relative to the directory the
 * check runs in (the repository root; tests/ci/boundaries.test.ts runs it on planted fixtures).
 *
 * - `domain/` is pure: it imports neither `services/` nor `projections/`.
 * - `projections/` are pure too: no `services/`.
 * - A context (`domain/<context>/`, `projections/<context>/`, `services/<context>/`) reaches another context
 *   only through that context's published surface, `domain/<context>/index.ts`, and (from projections/ and
 *   services/, never from domain/) its read model's, `projections/<context>/index.ts`: the collections and
 *   document shapes it publishes (the notice board composes its pages from them).
 * - No import cycles, type-only imports included.
 *
 * A context is a folder of `domain/` other than the shared kernel below (`shared`: decider and error types, the
 * log's types, areas; `time`: legal periods), which every layer may import.
 */
const { existsSync, readdirSync } = require('node:fs');

const KERNEL = ['shared', 'time'];
const contexts = existsSync('domain')
  ? readdirSync('domain', { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !KERNEL.includes(entry.name))
      .map((entry) => entry.name)
  : [];
const anyContext = contexts.length > 0 ? contexts.join('|') : '(?!)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ holds pure deciders: it may not import services/ or projections/.',
      severity: 'error',
      from: { path: '^domain/' },
      to: { path: '^(services|projections)/' },
    },
    {
      name: 'projections-are-pure',
      comment: 'projections/ turn events into document changes: they may not import services/.',
      severity: 'error',
      from: { path: '^projections/' },
      to: { path: '^services/' },
    },
    {
      name: 'context-internals',
      comment:
        "A context imports another context only through its published surface, domain/<context>/index.ts, never its internals.",
      severity: 'error',
      from: { path: `^domain/(${anyContext})/` },
      to: {
        path: `^(?:domain/(?:${anyContext})/(?!index\\.ts$)|(?:projections|services)/(?:${anyContext})/)`,
        pathNot: '^(?:domain|projections|services)/$1/',
      },
    },
    {
      name: 'context-internals',
      comment:
        "A context's read models and services import another context only through its published surfaces, domain/<context>/index.ts and projections/<context>/index.ts (its read model's collections and documents), never its internals.",
      severity: 'error',
      from: { path: `^(?:projections|services)/(${anyContext})/` },
      to: {
        path: `^(?:(?:domain|projections)/(?:${anyContext})/(?!index\\.ts$)|services/(?:${anyContext})/)`,
        pathNot: '^(?:domain|projections|services)/$1/',
      },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycles, type-only imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: `import type` from services/ into domain/ is still a dependency on services/.
    tsPreCompilationDeps: true,
    tsConfig: existsSync('tsconfig.json') ? { fileName: 'tsconfig.json' } : undefined,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
