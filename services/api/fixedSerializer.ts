/**
 * Response serialization (#18): fastify-type-provider-zod's serializer encodes every response through its zod
 * schema (a new object, each member checked) and then JSON.stringify: about 1 us for a two-member answer,
 * ten times the JSON text itself. A response schema that is a plain object of plain strings (`{receipt,
 * position}` of a ballot, `{motionId, status, position}` of a lifecycle command: no checks, no optional
 * members, no transforms, unknown keys stripped) gets a serializer written for its members instead: each
 * declared member must be a string, and the JSON has exactly those members in the schema's order, byte for byte
 * what the zod path writes. Anything else, and any response that does not fit, goes the zod way (whose error a
 * misfit then raises).
 */
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';

type ZodLike = { _zod?: { def?: { type?: string; shape?: Record<string, unknown>; catchall?: unknown; checks?: readonly unknown[] } } };

/** The member names of a plain object-of-strings schema, in order, or null when the schema is anything else. */
export function plainStringMembers(schema: unknown): readonly string[] | null {
  const def = (schema as ZodLike | null)?._zod?.def;
  if (!def || def.type !== 'object' || def.catchall !== undefined || (def.checks?.length ?? 0) > 0 || !def.shape) return null;
  const names = Object.keys(def.shape);
  if (names.length === 0) return null;
  for (const name of names) {
    const member = (def.shape[name] as ZodLike | null)?._zod?.def;
    if (!member || member.type !== 'string' || (member.checks?.length ?? 0) > 0) return null;
  }
  return names;
}

/** Writes `{"a":…,"b":…}` for exactly `names`, or null when a member is not a string. */
function membersWriter(names: readonly string[]): (data: unknown) => string | null {
  const prefixes = names.map((name, i) => `${i === 0 ? '{' : ','}${JSON.stringify(name)}:`);
  return (data) => {
    if (typeof data !== 'object' || data === null) return null;
    const record = data as Record<string, unknown>;
    let out = '';
    for (let i = 0; i < names.length; i++) {
      const value = record[names[i]!];
      if (typeof value !== 'string') return null;
      out += prefixes[i] + JSON.stringify(value);
    }
    return `${out}}`;
  };
}

type SerializerCompiler = Parameters<typeof zodSerializerCompiler>[0];

export const serializerCompiler = ((route: SerializerCompiler) => {
  const viaZod = zodSerializerCompiler(route);
  const names = plainStringMembers((route as { schema?: unknown }).schema);
  if (names === null) return viaZod;
  const write = membersWriter(names);
  return (data: unknown) => write(data) ?? viaZod(data);
}) as typeof zodSerializerCompiler;
