/**
 * The seed the benches share (bench:vote, bench:rebuild, bench:board): a compound with BENCH_UNITS units,
 * one owner each, registered through the API of a runtime in this process, and the tokens to act on it.
 * Motions are proposed, noticed and opened the same way (`openMotion`).
 */
import { parseGrant, type Grant } from '../auth/grants.js';
import { issueToken } from '../auth/tokens.js';
import type { ManualClock } from '../clock.js';
import type { Runtime } from '../runtime.js';

export const DAY = 24 * 3600 * 1000;

export interface BenchUnit {
  readonly unitId: string;
  readonly building: string;
  /** m², four decimals. */
  readonly area: string;
  readonly areaSource: 'registry';
  readonly owners: ReadonlyArray<{ personId: string; name: string }>;
}

/** `count` units over 20 buildings; unit i is owned by person `v<i>`. */
export function benchUnits(count: number): BenchUnit[] {
  return Array.from({ length: count }, (_, i) => ({
    unitId: `${1 + (i % 20)}-${1 + ((i >> 5) % 4)}-${10000 + i}`,
    building: String(1 + (i % 20)),
    area: `${60 + (i % 97)}.${String(i % 10000).padStart(4, '0')}`,
    areaSource: 'registry' as const,
    owners: [{ personId: `v${i}`, name: `owner ${i}` }],
  }));
}

export interface BenchSeed {
  readonly compoundId: string;
  readonly units: readonly BenchUnit[];
  /** An owners' committee member's token (proposes, notices and opens motions). */
  readonly oc: string;
  token(sub: string, ...grants: string[]): Promise<string>;
  /** A request through the whole app (in process); a 4xx or 5xx throws with its body. */
  call(method: 'GET' | 'POST', url: string, bearer: string, payload?: unknown): Promise<Record<string, unknown>>;
  /** Each unit's owner's token, in unit order. */
  voterTokens(): Promise<string[]>;
  /**
   * Proposes and notices a motion opening `opensInDays` from the clock's now; `open` (default true) moves the
   * clock there and opens it.
   */
  openMotion(title: string, options?: { extra?: Record<string, unknown>; opensInDays?: number; closesInDays?: number; open?: boolean }): Promise<string>;
}

export async function seedCompound(runtime: Runtime, clock: ManualClock, options: { units: number; name?: string }): Promise<BenchSeed> {
  const key = runtime.deps.signingKey;
  const token = (sub: string, ...grants: string[]) => issueToken(key, sub, grants.map(parseGrant).filter((g): g is Grant => g !== null), 24 * 3600);
  const call = async (method: 'GET' | 'POST', url: string, bearer: string, payload?: unknown) => {
    const res = await runtime.app.inject({ method, url, headers: { authorization: `Bearer ${bearer}` }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    if (res.statusCode >= 400) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.json() as Record<string, unknown>;
  };
  const admin = await token('bench-admin', 'admin');
  const { compoundId } = (await call('POST', '/v1/compounds', admin, { name: options.name ?? 'bench', address: 'bench', jurisdiction: 'national' })) as { compoundId: string };
  const units = benchUnits(options.units);
  const street = await token('street', `street_office@${compoundId}`);
  for (let i = 0; i < units.length; i += 5000) await call('POST', `/v1/compounds/${compoundId}/units`, street, { units: units.slice(i, i + 5000) });
  const oc = await token('oc', `oc_member@${compoundId}`);
  return {
    compoundId,
    units,
    oc,
    token,
    call,
    async voterTokens() {
      const tokens: string[] = [];
      for (let i = 0; i < units.length; i++) tokens.push(await token(`v${i}`, `owner@${compoundId}`));
      return tokens;
    },
    async openMotion(title, { extra = {}, opensInDays = 20, closesInDays = 30, open = true } = {}) {
      const opensAt = new Date(clock.now().getTime() + opensInDays * DAY).toISOString();
      const closesAt = new Date(clock.now().getTime() + closesInDays * DAY).toISOString();
      const { motionId } = (await call('POST', `/v1/compounds/${compoundId}/motions`, oc, { title, description: 'bench', matter: 'other_major', opensAt, closesAt, ...extra })) as { motionId: string };
      await call('POST', `/v1/motions/${motionId}/notice`, oc);
      if (open) {
        clock.set(new Date(opensAt));
        await call('POST', `/v1/motions/${motionId}/open`, oc);
      }
      return motionId;
    },
  };
}
