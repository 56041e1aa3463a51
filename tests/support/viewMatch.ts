/**
 * For the response-schema tests: an HTTP read's body against the view the read model holds, read without the
 * serializer (the zod serializer strips what a schema leaves out and answers 500 for a view that breaks it).
 * Reactors may append between two reads, so the view is read before and after the request and must not move.
 */
import type { Test } from 'tap';
import type { TestApi } from './api.js';

const json = (v: unknown): unknown => JSON.parse(JSON.stringify(v)) as unknown;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** GETs `url` and asserts the body is exactly `view()` (as JSON); returns the body. */
export async function answersView(t: Test, api: TestApi, url: string, token: string, view: () => unknown, message: string): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    const before = JSON.stringify(view());
    const res = await api.call('GET', url, { token });
    if (JSON.stringify(view()) !== before && attempt < 20) {
      await sleep(50);
      continue;
    }
    t.equal(res.statusCode, 200, `${message}: 200 (${res.body.slice(0, 300)})`);
    t.strictSame(res.json(), JSON.parse(before), `${message}: the body is the view, nothing stripped`);
    return res.json();
  }
}

/** GETs `url?asOf=<position>` and asserts the body, but for its `asOf`, is exactly `expected`. */
export async function answersAsOf(t: Test, api: TestApi, url: string, token: string, position: string, expected: unknown, message: string): Promise<void> {
  const res = await api.call('GET', `${url}${url.includes('?') ? '&' : '?'}asOf=${position}`, { token });
  t.equal(res.statusCode, 200, `${message}: 200 (${res.body.slice(0, 300)})`);
  const { asOf, ...body } = res.json() as { asOf?: { requested: { position?: string } } };
  t.equal(asOf?.requested.position, position, `${message}: as of ${position}`);
  t.strictSame(body, json(expected), `${message}: as it stood then, nothing stripped`);
}

/** The view as JSON now, to compare an `?asOf=` read with later. */
export const snapshot = (view: () => unknown): unknown => json(view());

/** The ids a 201 answers with, for the tests' `post` helpers. */
export type Created = Record<'meetingId' | 'resolutionId' | 'taskId' | 'requestId' | 'disputeId' | 'motionId' | 'receipt' | 'decisionId' | 'objectionId' | 'petitionId' | 'itemId' | 'position', string>;
