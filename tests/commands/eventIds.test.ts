import t from 'tap';
import { UUID_PATTERN } from '../../services/store/esdb/codec.js';
import { envelopeEvents, eventIds } from '../../services/commands/handler.js';

t.test('event ids: UUIDv7 layout, the time in the first 48 bits, the rest from the seed', async (t) => {
  const at = Date.parse('2027-03-02T08:00:00.123Z');
  const ids = eventIds('cmd-1#event#ballot-m-v', at);
  const [a, b] = [ids(), ids()];
  for (const id of [a, b]) {
    t.match(id, UUID_PATTERN, 'a lowercase UUID (EventStoreDB takes it)');
    t.equal(id[14], '7', 'version 7');
    t.ok('89ab'.includes(id[19]!), 'RFC variant');
    t.equal(parseInt(id.slice(0, 8) + id.slice(9, 13), 16), at, 'the milliseconds read back');
  }
  t.not(a, b, 'each call a new id');
  const again = eventIds('cmd-1#event#ballot-m-v', at);
  t.same([again(), again()], [a, b], 'the same command yields the same ids when decided again');
  t.not(eventIds('cmd-2#event#ballot-m-v', at)(), a, 'another command, other ids');
});

t.test('event ids sort by time as text (the order of the store index)', async (t) => {
  const times = [0, 1, 255, 256, 1_700_000_000_000, 1_700_000_000_001, 2 ** 48 - 1];
  const ids = times.map((ms, i) => eventIds(`seed-${times.length - i}`, ms)());
  t.same([...ids].sort(), ids);
  t.equal(eventIds('s', 2 ** 52)().slice(0, 13), 'ffffffff-ffff', 'clamped to 48 bits');
  t.equal(eventIds('s', -5)().slice(0, 13), '00000000-0000', 'never negative');
});

t.test('envelopeEvents takes the time from receivedAtMs, else from now', async (t) => {
  const base = { commandId: 'c', correlationId: 'c', causationId: 'c', actor: { personId: 'p', role: 'owner' }, now: new Date('2027-01-01T00:00:00.000Z') };
  const [withNow] = envelopeEvents('s', [{ type: 'T', data: {} }], base);
  t.equal(parseInt(withNow!.eventId.replace('-', '').slice(0, 12), 16), base.now.getTime());
  const [received] = envelopeEvents('s', [{ type: 'T', data: {} }], { ...base, receivedAtMs: 42 });
  t.equal(parseInt(received!.eventId.replace('-', '').slice(0, 12), 16), 42);
});
