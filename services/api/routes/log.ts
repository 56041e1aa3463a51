/**
 * The log's public face (no token): the latest signed tree head, and the public keys to check it with.
 * Anyone can keep the heads they fetch and later run `cli verify --head <file>` on a copy of the log to
 * check that it still begins with exactly what was signed (services/store/signedHead.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PlatformDeps } from '../../platform/platformDeps.js';
import { signTreeHead, type SignedTreeHead } from '../../store/signedHead.js';
import { HttpProblem } from '../problem.js';
import { problemSchema } from '../schemas.js';

const signedHeadSchema = z.object({
  treeSize: z.string(),
  rootHash: z.string(),
  timestamp: z.string(),
  keyId: z.string(),
  signature: z.string(),
});

/**
 * The parts of `app.deps` the signed head takes: the platform's, so that this file (reached from the assembly
 * module's routes) does not import services/api/deps.ts, which derives its type from the module list.
 */
type HeadDeps = Pick<PlatformDeps, 'store' | 'logKey' | 'clock'>;

/** The head of the log as it stands, signed; the last one is reused while the log has not grown. */
const latest = new WeakMap<HeadDeps, SignedTreeHead>();

export async function currentSignedHead(deps: HeadDeps): Promise<SignedTreeHead | null> {
  const { store, logKey, clock } = deps;
  if (!store.treeHead) return null;
  const head = await store.treeHead();
  const last = latest.get(deps);
  if (last && last.treeSize === head.treeSize.toString() && last.rootHash === head.rootHash && last.keyId === logKey.keyId) return last;
  const signed = signTreeHead(logKey, head, clock.now());
  latest.set(deps, signed);
  return signed;
}

export const logRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/log/head',
    {
      schema: {
        tags: ['log'],
        summary: 'The latest signed tree head of the log (RFC 6962 Merkle tree over the global order, Ed25519)',
        security: [],
        response: { 200: signedHeadSchema, 501: problemSchema },
      },
    },
    async () => {
      const head = await currentSignedHead(app.deps);
      if (!head) throw new HttpProblem(501, 'log_tree_unavailable', `The ${app.deps.store.name} store keeps no log tree`);
      return head;
    },
  );

  app.get(
    '/v1/keys',
    {
      schema: {
        tags: ['log'],
        summary: "The service's public signing keys (JWK set): signed tree heads name theirs by kid",
        security: [],
        response: {
          200: z.object({ keys: z.array(z.object({ kty: z.string(), crv: z.string(), x: z.string(), kid: z.string(), alg: z.string(), use: z.string() })) }),
        },
      },
    },
    async () => ({ keys: [app.deps.logKey.jwk] }),
  );
};
