import t from 'tap';
import { jwkToPublicKey } from '../../services/keys/logSigningKey.js';
import { memoryStore } from '../../services/store/memory.js';
import { signatureHolds, type SignedTreeHead } from '../../services/store/signedHead.js';
import { startTestApi } from '../support/api.js';

t.test('GET /v1/log/head: the store head, signed; re-signed only when the log has grown', async (t) => {
  const store = memoryStore();
  const api = await startTestApi({ store });
  t.teardown(() => api.close());
  const first = (await api.call('GET', '/v1/log/head')).json() as SignedTreeHead;
  t.match(first, { treeSize: '0', rootHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' });
  const admin = await api.token('p-admin', 'admin');
  t.equal((await api.call('POST', '/v1/compounds', { token: admin, body: { name: '翠湖花园', address: '文三路 1 号', jurisdiction: 'national' } })).statusCode, 201);
  const head = await store.treeHead();
  const second = (await api.call('GET', '/v1/log/head')).json() as SignedTreeHead;
  t.match(second, { treeSize: head.treeSize.toString(), rootHash: head.rootHash });
  t.same((await api.call('GET', '/v1/log/head')).json(), second, 'the same head while nothing was appended');
  const { keys } = (await api.call('GET', '/v1/keys')).json() as { keys: Array<{ kid: string; kty: string; crv: string; x: string }> };
  t.ok(signatureHolds(second, new Map(keys.map((k) => [k.kid, jwkToPublicKey(k)]))), 'signed by the listed key');
  // Hex only: the head goes on the notice board, where no string may happen to spell an id (p1, ...).
  t.match(second, { keyId: /^[0-9a-f]{64}$/, signature: /^[0-9a-f]{128}$/ });
});

t.test('a store that keeps no tree answers 501 log_tree_unavailable', async (t) => {
  const { treeHead: _, ...withoutTree } = memoryStore();
  const api = await startTestApi({ store: withoutTree });
  t.teardown(() => api.close());
  const res = await api.call('GET', '/v1/log/head');
  t.equal(res.statusCode, 501);
  t.match(res.json(), { code: 'log_tree_unavailable' });
});
