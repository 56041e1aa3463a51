/**
 * Security headers (#17 item 5, trust17): the board's pages carry a strict CSP (no script; the layout's one
 * style block by hash) and still render styled in a real browser; the JSON API and the docs carry theirs.
 * The browser part needs Debian's chromium, as tests/board/browser.test.ts does.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { chromium } from 'playwright-core';
import { BOARD_CSP } from '../../services/api/securityHeaders.js';
import { memoryStore } from '../../services/store/memory.js';
import { startTestApi } from '../support/api.js';
import { seedBoard } from '../support/boardSeed.js';

const CHROMIUM = '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : 'no chromium (installed by .ci/run)';

t.test('headers on the JSON API, a problem, and the docs', async (t) => {
  const api = await startTestApi(t, { store: memoryStore() });
  for (const url of ['/v1/keys', '/v1/no-such-thing']) {
    const res = await api.call('GET', url);
    t.equal(res.headers['content-security-policy'], "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'", `${url}: a JSON body loads nothing`);
    t.equal(res.headers['x-content-type-options'], 'nosniff');
    t.equal(res.headers['x-frame-options'], 'DENY');
    t.equal(res.headers['referrer-policy'], 'no-referrer');
    t.match(String(res.headers['strict-transport-security']), /^max-age=\d+/);
    t.equal(res.headers['cross-origin-resource-policy'], 'same-site');
  }
  const docs = await api.call('GET', '/docs/');
  t.match(String(docs.headers['content-security-policy']), /script-src 'self'/, 'the docs may run their own scripts, from /docs only');
  t.notMatch(String(docs.headers['content-security-policy']), /unsafe-inline|unsafe-eval/);
});

t.test('the board: no script, the layout style by hash', async (t) => {
  t.notMatch(BOARD_CSP, /script-src|unsafe-inline|unsafe-eval/);
  t.match(BOARD_CSP, /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]{43}='/);
});

t.test('the board renders styled in chromium under its CSP', { skip }, async (t) => {
  const s = await seedBoard(t);
  t.equal((await s.api.call('POST', `/v1/compounds/${s.compoundId}/board`, { token: s.convenor, body: { public: true } })).statusCode, 201);
  const address = await s.api.runtime.app.listen({ port: 0, host: '127.0.0.1' });
  const profile = mkdtempSync(join(tmpdir(), 'cg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  t.teardown(async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  for (const url of [`/board/${s.compoundId}`, `/board/${s.compoundId}/motions/${s.yesNo.motionId}`]) {
    const response = await page.goto(`${address}${url}`);
    t.equal(response?.status(), 200, url);
    t.equal(response?.headers()['content-security-policy'], BOARD_CSP, `${url}: the board's policy`);
    // Styles from the layout's <style> block apply only if the CSP allows that block.
    t.equal(await page.evaluate("getComputedStyle(document.querySelector('header')).borderBottomWidth"), '2px', `${url}: the layout's style applies`);
    t.equal(await page.evaluate("getComputedStyle(document.querySelector('h1')).fontSize"), `${1.35 * 16}px`, `${url}: h1 styled`);
  }
  const fill = await page.evaluate(`getComputedStyle(document.querySelector('svg[data-kind="quorum"][data-axis="heads"] rect.track')).fill`);
  t.equal(fill, 'rgb(232, 238, 245)', 'the inline SVG takes the stylesheet\u2019s colours');
  t.same(violations, [], 'no CSP violation reported');
});
