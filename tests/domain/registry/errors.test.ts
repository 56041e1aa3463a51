/**
 * The registry's error catalogue (domain/registry/errors.ts) lists every code its decider returns, with the
 * kind it is returned with. The decider builds its refusals with domain/shared/errors.ts's helpers, so the
 * codes are read from its source: every `invalid('code'`, `notFound(...)`, `conflict(...)`, `forbidden(...)`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { decide, initialState, registryDecider, registryErrorCodes, type RegistryEvent } from '../../../domain/registry/index.js';
import type { DomainError } from '../../../domain/shared/errors.js';

const source = readFileSync(join(resolve(dirname(fileURLToPath(import.meta.url)), '../../..'), 'domain/registry/decide.ts'), 'utf8');
const kindOf = { invalid: 'invalid', notFound: 'not_found', conflict: 'conflict', forbidden: 'forbidden' } as const;

t.test('every literal code of the decider is catalogued with its kind', async (t) => {
  const found = [...source.matchAll(/\b(invalid|notFound|conflict|forbidden)\(\s*'([a-z_]+)'/g)];
  t.ok(found.length >= 8, `found ${found.length} refusals in decide.ts`);
  for (const [, helper = '', code = ''] of found) {
    t.equal(registryErrorCodes[code as keyof typeof registryErrorCodes], kindOf[helper as keyof typeof kindOf], code);
  }
});

t.test('the name and address codes built from the field name are catalogued', async (t) => {
  const ctx = { now: new Date('2026-01-01T00:00:00Z'), newId: () => 'c-1', actor: { personId: 'p', role: 'admin' } };
  const cases = [
    { name: ' ', address: 'a', jurisdiction: 'national' },
    { name: 'n'.repeat(201), address: 'a', jurisdiction: 'national' },
    { name: 'n\u0007', address: 'a', jurisdiction: 'national' },
    { name: 'n', address: '', jurisdiction: 'national' },
  ];
  for (const data of cases) {
    const error = decide({ type: 'RegisterCompound', data }, initialState(), ctx) as DomainError;
    t.equal(registryErrorCodes[error.code as keyof typeof registryErrorCodes], error.error, error.code);
  }
});

t.test("a correction's area codes, built from the area's problem, are catalogued as invalid", async (t) => {
  const ctx = { now: new Date('2026-01-01T00:00:00Z'), newId: () => 'c1', actor: { personId: 'p-rc', role: 'rc_staff' } };
  let state = initialState();
  for (const event of [
    { type: 'CompoundRegistered', data: { compoundId: 'c1', name: 'n', address: 'a', jurisdiction: 'national' } },
    { type: 'UnitsImported', data: { units: [{ unitId: '1-101', building: '1', area: '88.50', areaSource: 'contract', owners: [], developerHeld: true }], part: 1, parts: 1 } },
  ] as const) {
    state = registryDecider.evolve(state, event as RegistryEvent);
  }
  for (const area of ['x', '0', '1000000.0001']) {
    const error = decide({ type: 'CorrectUnit', data: { kind: 'area', unitId: '1-101', area, areaSource: 'survey', evidenceRef: 'r' } }, state, ctx) as DomainError;
    t.equal(registryErrorCodes[error.code as keyof typeof registryErrorCodes], 'invalid', `${area}: ${error.code}`);
  }
});
