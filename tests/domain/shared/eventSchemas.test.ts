/**
 * The upcaster registry (domain/shared/eventSchemas.ts): current versions, steps applied in order from an
 * event's version, version 1 where absent, and a registry with a gap or a duplicate refused.
 */
import t from 'tap';
import { eventSchemas, storedVersion, type Upcaster } from '../../../domain/shared/eventSchemas.js';

const step = (type: string, from: number, field: string): Upcaster => ({ type, from, up: (d) => ({ ...(d as object), [field]: from + 1 }) });

t.test('current version: one past the last step, else 1', async (t) => {
  const schemas = eventSchemas([step('A', 1, 'x'), step('A', 2, 'y'), step('B', 1, 'z')]);
  t.equal(schemas.current('A'), 3);
  t.equal(schemas.current('B'), 2);
  t.equal(schemas.current('Unversioned'), 1);
});

t.test('an event reads in its current shape, each step from its own version applied once', async (t) => {
  const schemas = eventSchemas([step('A', 2, 'y'), step('A', 1, 'x')]);
  t.same(schemas.upcast({ type: 'A', schemaVersion: 1, data: { a: 0 } }), { type: 'A', schemaVersion: 3, data: { a: 0, x: 2, y: 3 } });
  t.same(schemas.upcast({ type: 'A', schemaVersion: 2, data: { a: 0 } }), { type: 'A', schemaVersion: 3, data: { a: 0, y: 3 } });
  const current = { type: 'A', schemaVersion: 3, data: { a: 0 } };
  t.equal(schemas.upcast(current), current, 'a current event is the same object');
  const other = { type: 'C', schemaVersion: 1, data: {} };
  t.equal(schemas.upcast(other), other, 'a type without steps is the same object');
  const newer = { type: 'A', schemaVersion: 7, data: {} };
  t.equal(schemas.upcast(newer), newer, 'a version newer than the current is left as it is');
  const input = { type: 'A', schemaVersion: 1, data: { a: 0 } };
  schemas.upcast(input);
  t.same(input, { type: 'A', schemaVersion: 1, data: { a: 0 } }, 'the event read is not changed');
});

t.test('an event without a schema version is version 1', async (t) => {
  const schemas = eventSchemas([step('A', 1, 'x')]);
  const legacy = { type: 'A', data: {} } as unknown as { type: string; schemaVersion: number; data: unknown };
  t.same(schemas.upcast(legacy), { type: 'A', schemaVersion: 2, data: { x: 2 } });
  t.same(schemas.upcast({ type: 'C', data: {} } as unknown as { type: string; schemaVersion: number; data: unknown }), { type: 'C', schemaVersion: 1, data: {} });
  t.equal(storedVersion({}), 1);
  t.equal(storedVersion({ schemaVersion: 0 }), 1);
  t.equal(storedVersion({ schemaVersion: 1.5 }), 1);
  t.equal(storedVersion({ schemaVersion: 4 }), 4);
});

t.test('steps with a gap, a duplicate or a version below 1 are refused', async (t) => {
  t.throws(() => eventSchemas([step('A', 2, 'y')]), /upcasters of A skip version 1/);
  t.throws(() => eventSchemas([step('A', 1, 'x'), step('A', 1, 'y')]), /two upcasters of A from version 1/);
  t.throws(() => eventSchemas([step('A', 0, 'x')]), /from must be a positive integer/);
});
