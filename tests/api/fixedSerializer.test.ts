import t from 'tap';
import { z } from 'zod';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { plainStringMembers, serializerCompiler } from '../../services/api/fixedSerializer.js';

// #18: plain object-of-strings answers are written without a zod pass, byte for byte as the zod path writes them.
const compile = (schema: unknown) => ({
  fixed: serializerCompiler({ schema, method: 'POST', url: '/x', httpStatus: '201' } as never) as (data: unknown) => string,
  zod: zodSerializerCompiler({ schema, method: 'POST', url: '/x', httpStatus: '201' } as never) as (data: unknown) => string,
});
const outcome = (f: () => string) => {
  try {
    return { ok: f() };
  } catch (error) {
    return { threw: (error as Error).constructor.name };
  }
};

t.test('which schemas get a serializer of their own', async (t) => {
  t.same(plainStringMembers(z.object({ receipt: z.string(), position: z.string().describe('a log position') })), ['receipt', 'position']);
  t.equal(plainStringMembers(z.object({ a: z.string().optional() })), null, 'optional member');
  t.equal(plainStringMembers(z.object({ a: z.string().min(1) })), null, 'a check');
  t.equal(plainStringMembers(z.object({ a: z.string().transform((s) => s.toUpperCase()) })), null, 'a transform');
  t.equal(plainStringMembers(z.object({ a: z.number() })), null, 'not a string');
  t.equal(plainStringMembers(z.strictObject({ a: z.string() })), null, 'strict');
  t.equal(plainStringMembers(z.looseObject({ a: z.string() })), null, 'loose: unknown keys kept');
  t.equal(plainStringMembers(z.object({})), null, 'no members');
  t.equal(plainStringMembers(z.string()), null);
});

t.test('the same bytes as the zod path, or the same error', async (t) => {
  const { fixed, zod } = compile(z.object({ receipt: z.string(), position: z.string() }));
  const texts = ['', 'r-1', 'a"b\\c', '\n\t\u0000\u001f', '业主大会', '\u2028\u2029', '\ud800', 'x\udfffy', '😀'];
  // (Messages name the case by its index: a raw U+2028 in a TAP message breaks the stream the runner parses.)
  texts.forEach((receipt, i) => {
    for (const position of ['0', '123456789012345678901234567890']) {
      t.equal(fixed({ receipt, position }), zod({ receipt, position }), `text ${i}`);
      // Members in another order and unknown members: the schema's order, unknown ones dropped.
      t.equal(fixed({ extra: 1, position, receipt }), zod({ extra: 1, position, receipt }), `text ${i}, members reordered and one unknown`);
    }
  });
  for (const bad of [{ receipt: 1, position: '1' }, { receipt: 'r' }, null, 'text', { receipt: 'r', position: 2n }]) {
    t.same(outcome(() => fixed(bad)), outcome(() => zod(bad)), `same outcome for ${typeof bad === 'object' && bad !== null ? Object.keys(bad).join(',') : String(bad)}`);
  }
  t.ok('threw' in outcome(() => fixed({ receipt: 1, position: '1' })), 'a misfit still fails');
});

t.test('any other schema is serialized by the zod path unchanged', async (t) => {
  const { fixed, zod } = compile(z.object({ count: z.number(), note: z.string().optional(), at: z.string() }));
  t.equal(fixed({ at: 'x', count: 3 }), zod({ at: 'x', count: 3 }));
  t.equal(fixed({ at: 'x', count: 3 }), '{"count":3,"at":"x"}');
});
