import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { open, seal } from '../../../services/personalData/cipher.js';
import { openKeyStore } from '../../../services/personalData/keyStore.js';

const dir = mkdtempSync(join(tmpdir(), 'keystore-test-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

t.test('sealing: AES-256-GCM, bound to its key id, refused when altered', async (t) => {
  const key = Buffer.alloc(32, 7);
  const sealed = seal('欧阳秀英', 'k1', key);
  t.equal(sealed.enc, 'pd/v1');
  t.not(seal('欧阳秀英', 'k1', key).iv, sealed.iv, 'a fresh IV each time');
  t.equal(open(sealed, key), '欧阳秀英');
  t.equal(open({ ...sealed, kid: 'k2' }, key), null, 'another key id does not open it');
  t.equal(open({ ...sealed, ct: Buffer.from('xxxx').toString('base64url') }, key), null, 'altered text does not open');
  t.equal(open(sealed, Buffer.alloc(32, 8)), null, 'another key does not open it');
});

t.test('keys: one per person and compound, durable, destroyed for good', async (t) => {
  const file = join(dir, 'personal-keys.db');
  let store = openKeyStore(file);
  const first = store.keysFor('c1', ['a', 'b', 'a']);
  t.equal(first.size, 2);
  t.same(store.keysFor('c1', ['a']).get('a')!.kid, first.get('a')!.kid, 'the same key next time');
  t.not(store.keysFor('c2', ['a']).get('a')!.kid, first.get('a')!.kid, 'another compound, another key');
  const a = first.get('a')!;
  const keyHex = Buffer.from(a.key).toString('hex');
  store.close();

  store = openKeyStore(file);
  t.same(store.key(a.kid), Buffer.from(keyHex, 'hex'), 'kept across a reopen');
  t.same(store.liveKeyIds('c1', 'a'), [a.kid]);
  t.equal(store.erasedAt('c1', 'a'), null);
  store.destroy('c1', 'a', [a.kid], '2026-01-01T00:00:00.000Z');
  t.equal(store.key(a.kid), 'destroyed');
  t.same(store.liveKeyIds('c1', 'a'), []);
  t.equal(store.erasedAt('c1', 'a'), '2026-01-01T00:00:00.000Z');
  t.equal(store.key('no-such-kid'), 'unknown');
  store.destroy('c1', 'a', [a.kid], '2026-01-01T00:00:00.000Z');
  t.equal(store.erasedAt('c1', 'a'), '2026-01-01T00:00:00.000Z', 'destroying again changes nothing');
  t.not(store.keysFor('c1', ['a']).get('a')!.kid, a.kid, 'new data after an erasure gets a new key');
  store.close();

  store = openKeyStore(file);
  t.equal(store.key(a.kid), 'destroyed', 'still destroyed after a reopen');
  t.ok(store.key(first.get('b')!.kid) instanceof Buffer, 'the others are kept');
  store.close();
  t.notOk(readFileSync(file).toString('hex').includes(keyHex), 'the destroyed key\u2019s bytes are gone from the file');
});
