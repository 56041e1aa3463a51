/**
 * The compound registry over HTTP: register a compound, import units (all or nothing), transfer a unit,
 * and read the compound, its units and its electorate figures (区分所有权解释 Art. 8–9).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  allUnits,
  buildingsOf,
  compareNatural,
  electorate,
  type RegisteredState,
  type RegistryState,
} from '../../../domain/registry/index.js';
import type { Principal, Role } from '../../auth/grants.js';
import { commandIds } from '../../commands/handler.js';
import { requirePrincipal, requireRole } from '../authenticate.js';
import {
  identifierProblem,
  MAX_ADDRESS_LENGTH,
  MAX_BUILDINGS_IN_SCOPE,
  MAX_COMPOUND_NAME_LENGTH,
  MAX_IDENTIFIER_LENGTH,
  MAX_OWNER_NAME_LENGTH,
  MAX_OWNERS_PER_UNIT,
  MAX_REFERENCE_LENGTH,
  MAX_UNITS_PER_COMMAND,
} from '../../../domain/shared/limits.js';
import { HttpProblem } from '../problem.js';
import { bounded, identifier, problemSchema, text } from '../schemas.js';

// Unit and owner fields are only bounded here: the registry decider checks them exactly and lists every
// problem of an import by unit (`invalid_units`), which a schema refusal could not.
const ownerSchema = z.object({ personId: bounded(MAX_IDENTIFIER_LENGTH), name: bounded(MAX_OWNER_NAME_LENGTH) });
const unitSchema = z.object({
  unitId: bounded(MAX_IDENTIFIER_LENGTH),
  building: bounded(MAX_IDENTIFIER_LENGTH),
  area: z.string().max(32).describe('exclusive area in m², a decimal string with at most 4 decimals, e.g. "88.5"'),
  areaSource: z.enum(['registry', 'survey', 'contract']),
  owners: z.array(ownerSchema).max(MAX_OWNERS_PER_UNIT).default([]),
  developerHeld: z.boolean().optional(),
});
const compoundParams = z.object({ compoundId: identifier });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const created = (shape: z.ZodRawShape) => ({ 201: z.object({ ...shape, position: z.string() }), ...errors });

/** Who keeps the registry: the street office and the residents' committee (they guide the assembly, Civil Code Art. 277). */
const registrars: readonly Role[] = ['street_office', 'rc_staff'];
/** Who may see owners' names (personal data, PIPL): the bodies that verify owner identities. */
const personalDataReaders: readonly Role[] = ['oc_member', 'rc_staff', 'street_office', 'party_committee'];
const anyRole: readonly Role[] = ['owner', 'oc_member', 'rc_staff', 'party_committee', 'street_office', 'property_firm', 'supervisor', 'developer'];

function registered(state: RegistryState, compoundId: string): RegisteredState {
  if (state.status !== 'registered') throw new HttpProblem(404, 'compound_not_found', `No compound ${compoundId}`);
  return state;
}

function parseBuildings(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const list = text.split(',').map((b) => b.trim()).filter((b) => b.length > 0);
  if (list.length === 0) throw new HttpProblem(400, 'buildings_invalid', 'buildings must list at least one building, e.g. ?buildings=1,2');
  if (list.length > MAX_BUILDINGS_IN_SCOPE) throw new HttpProblem(400, 'buildings_invalid', `buildings lists at most ${MAX_BUILDINGS_IN_SCOPE} buildings`);
  const bad = list.find((b) => identifierProblem(b) !== null);
  if (bad !== undefined) throw new HttpProblem(400, 'buildings_invalid', `building ${JSON.stringify(bad.slice(0, MAX_IDENTIFIER_LENGTH))} ${identifierProblem(bad)}`);
  return list;
}

export const compoundRoutes: FastifyPluginAsyncZod = async (app) => {
  const { registry, commands, signingKey } = app.deps;

  const reader = async (request: Parameters<typeof requirePrincipal>[0], compoundId: string): Promise<Principal> => {
    const principal = await requirePrincipal(request, signingKey);
    requireRole(principal, compoundId, anyRole);
    return principal;
  };

  app.post(
    '/v1/compounds',
    {
      schema: {
        tags: ['registry'],
        summary: 'Register a compound (小区) under the rule pack of its jurisdiction',
        body: z.object({
          name: text(MAX_COMPOUND_NAME_LENGTH),
          address: text(MAX_ADDRESS_LENGTH),
          jurisdiction: z.string().max(MAX_IDENTIFIER_LENGTH).describe('national | beijing | shanghai | hangzhou'),
        }),
        response: created({ compoundId: z.string() }),
      },
    },
    async (request, reply) => {
      const principal = await requirePrincipal(request, signingKey);
      const role = requireRole(principal, null, []);
      return commands.run(request, reply, {
        principal,
        role,
        execute: async (cmd) => registry.handle(commandIds(cmd.commandId)(), { type: 'RegisterCompound', data: request.body }, cmd),
        respond: ({ events, position }) => ({
          status: 201,
          body: { compoundId: (events[0]!.data as { compoundId: string }).compoundId, position: position.toString() },
        }),
      });
    },
  );

  app.post(
    '/v1/compounds/:compoundId/units',
    {
      schema: {
        tags: ['registry'],
        summary: 'Import units (专有部分) in bulk, all or nothing',
        params: compoundParams,
        body: z.object({ units: z.array(unitSchema).min(1).max(MAX_UNITS_PER_COMMAND) }),
        response: created({ imported: z.number() }),
      },
    },
    async (request, reply) => {
      const { compoundId } = request.params;
      const principal = await requirePrincipal(request, signingKey);
      const role = requireRole(principal, compoundId, registrars);
      return commands.run(request, reply, {
        principal,
        role,
        execute: (cmd) => registry.handle(compoundId, { type: 'ImportUnits', data: { units: request.body.units } }, cmd),
        respond: ({ events, position }) => ({
          status: 201,
          body: {
            imported: events.reduce((n, e) => n + (e.data as { units: unknown[] }).units.length, 0),
            position: position.toString(),
          },
        }),
      });
    },
  );

  app.post(
    '/v1/compounds/:compoundId/units/:unitId/transfer',
    {
      schema: {
        tags: ['registry'],
        summary: 'Record new owners of a unit (a sale, inheritance, ruling, or delivery by the developer)',
        params: compoundParams.extend({ unitId: identifier }),
        body: z.object({ owners: z.array(ownerSchema).max(MAX_OWNERS_PER_UNIT), reference: text(MAX_REFERENCE_LENGTH).optional() }),
        response: created({ unitId: z.string() }),
      },
    },
    async (request, reply) => {
      const { compoundId, unitId } = request.params;
      const principal = await requirePrincipal(request, signingKey);
      const role = requireRole(principal, compoundId, registrars);
      const { owners, reference } = request.body;
      return commands.run(request, reply, {
        principal,
        role,
        execute: (cmd) =>
          registry.handle(compoundId, { type: 'TransferUnit', data: { unitId, owners, ...(reference !== undefined ? { reference } : {}) } }, cmd),
        respond: ({ position }) => ({ status: 201, body: { unitId, position: position.toString() } }),
      });
    },
  );

  app.get(
    '/v1/compounds/:compoundId',
    {
      schema: {
        tags: ['registry'],
        summary: 'A compound and its figures',
        params: compoundParams,
        response: {
          200: z.object({
            compoundId: z.string(),
            name: z.string(),
            address: z.string(),
            jurisdiction: z.string(),
            units: z.number(),
            buildings: z.array(z.string()),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { compoundId } = request.params;
      await reader(request, compoundId);
      const state = registered(await registry.state(compoundId), compoundId);
      const { compound } = state;
      return {
        compoundId: compound.compoundId,
        name: compound.name,
        address: compound.address,
        jurisdiction: compound.jurisdiction,
        units: electorate(state).units,
        buildings: buildingsOf(state),
      };
    },
  );

  app.get(
    '/v1/compounds/:compoundId/units',
    {
      schema: {
        tags: ['registry'],
        summary: 'Units with areas; owners only with ?include=owners and a grant that may see personal data',
        params: compoundParams,
        querystring: z.object({
          building: identifier.optional(),
          include: z.enum(['owners']).optional(),
          cursor: identifier.optional().describe('the `next` of the previous page: the unit id to continue after (`after` is a log position everywhere else)'),
          limit: z.coerce.number().int().min(1).max(5000).default(1000),
        }),
        response: {
          200: z.object({
            units: z.array(
              z.object({
                unitId: z.string(),
                building: z.string(),
                area: z.string(),
                areaSource: z.string(),
                developerHeld: z.boolean(),
                owners: z.array(ownerSchema).optional(),
              }),
            ),
            next: z.string().nullable(),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { compoundId } = request.params;
      const { building, include, cursor, limit } = request.query;
      const principal = await reader(request, compoundId);
      // Names are personal data (PIPL): the bodies that verify owners may read them, not the platform's admins.
      if (include === 'owners') requireRole(principal, compoundId, personalDataReaders, false);
      const state = registered(await registry.state(compoundId), compoundId);
      const units = [...allUnits(state.units)]
        .filter((u) => building === undefined || u.building === building)
        .sort((a, b) => compareNatural(a.unitId, b.unitId));
      const start = cursor === undefined ? 0 : units.findIndex((u) => compareNatural(u.unitId, cursor) > 0);
      const page = start < 0 ? [] : units.slice(start, start + limit);
      return {
        units: page.map((u) => ({
          unitId: u.unitId,
          building: u.building,
          area: u.area,
          areaSource: u.areaSource,
          developerHeld: u.developerHeld,
          ...(include === 'owners' ? { owners: u.owners.map((o) => ({ personId: o.personId, name: o.name })) } : {}),
        })),
        next: start >= 0 && start + limit < units.length ? page[page.length - 1]!.unitId : null,
      };
    },
  );

  app.get(
    '/v1/compounds/:compoundId/electorate',
    {
      schema: {
        tags: ['registry'],
        summary: 'The denominators of Civil Code Art. 278: units, total exclusive area, headcount',
        params: compoundParams,
        querystring: z.object({
          buildings: z.string().max(MAX_BUILDINGS_IN_SCOPE * (MAX_IDENTIFIER_LENGTH + 1)).optional().describe('comma-separated building scope, e.g. 1,2'),
        }),
        response: {
          200: z.object({
            units: z.number(),
            totalArea: z.string(),
            headcount: z.number(),
            buildings: z.array(z.string()).nullable(),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { compoundId } = request.params;
      await reader(request, compoundId);
      const buildings = parseBuildings(request.query.buildings);
      const state = registered(await registry.state(compoundId), compoundId);
      return { ...electorate(state, buildings), buildings: buildings ?? null };
    },
  );
};
