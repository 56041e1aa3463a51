import { createHash } from 'node:crypto';
import t from 'tap';
import { EMPTY_ROOT, leafHash, leafHashOfOwnHash, LogFrontier, merkleRoot, nodeHash } from '../../services/store/logTree.js';
import { canonicalJson } from '../../services/store/hashChain.js';

const rfcLeaf = (hex: string) => createHash('sha256').update(Buffer.concat([Buffer.from([0]), Buffer.from(hex, 'hex')])).digest();

t.test("RFC 6962 roots: the Certificate Transparency reference vectors", async (t) => {
  // certificate-transparency merkle_tree_test: leaves "", 00, 10, 2021, 3031, 40414243, 5051525354555657, 606162636465666768696a6b6c6d6e6f.
  const inputs = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
  const roots = [
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
    '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
    'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
    '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
  ];
  t.equal(EMPTY_ROOT.toString('hex'), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'empty tree');
  const frontier = new LogFrontier();
  inputs.forEach((input, i) => {
    frontier.append(rfcLeaf(input));
    t.equal(frontier.root().toString('hex'), roots[i], `root of ${i + 1}`);
  });
});

t.test('the frontier gives the textbook root at every size, and survives storage', async (t) => {
  const leaves: Buffer[] = [];
  const frontier = new LogFrontier();
  for (let n = 1; n <= 70; n++) {
    leaves.push(createHash('sha256').update(String(n)).digest());
    frontier.append(leaves[n - 1]!);
    t.same(frontier.root(), merkleRoot(leaves), `size ${n}`);
    const stored = LogFrontier.fromBlob(frontier.size, frontier.toBlob());
    t.same(stored.root(), frontier.root());
  }
  t.same(merkleRoot(leaves.slice(0, 3)), nodeHash(nodeHash(leaves[0]!, leaves[1]!), leaves[2]!), 'RFC 6962 splits at the largest power of two below n');
  t.throws(() => new LogFrontier(3, []), /3 leaves has 2 nodes/);
  const snap = frontier.snapshot();
  frontier.append(leaves[0]!);
  frontier.restore(snap);
  t.same(frontier.root(), merkleRoot(leaves), 'restore undoes an append');
});

t.test('a leaf binds its index, the event hash and the whole metadata', async (t) => {
  const hash = 'ab'.repeat(32);
  const metadata = { commandId: 'c', actor: { personId: 'p', role: 'owner' } };
  const leaf = leafHash(5n, hash, metadata);
  const expected = createHash('sha256')
    .update(Buffer.from([0]))
    .update(`5\n${hash}\n${canonicalJson(metadata)}`, 'utf8')
    .digest();
  t.same(leaf, expected, '0x00 || "5" LF event hash LF canonical metadata');
  t.throws(() => leafHash(5n, 'AB'.repeat(32), metadata), /64 lowercase hex/, 'an event hash is lowercase hex');
  t.notSame(leafHash(6n, hash, metadata), leaf, 'another place in the order');
  t.notSame(leafHash(5n, hash, { ...metadata, note: 'x' }), leaf, 'a metadata key added');
  t.same(leafHash(5, hash, undefined, canonicalJson(metadata)), leaf, 'precomputed metadata JSON');
});

t.test('leafHashOfOwnHash (the writer thread, #18) is leafHash without the hex check', async (t) => {
  const hash = 'c'.repeat(64);
  const metadata = { commandId: 'x', actor: { role: 'owner' }, note: 'ü \u2028' };
  for (const index of [0, 1, 255, 2 ** 40]) {
    t.same(leafHashOfOwnHash(index, hash, canonicalJson(metadata)), leafHash(index, hash, metadata));
  }
});
