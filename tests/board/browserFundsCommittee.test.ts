/**
 * The funds' and the committee's pages in a real browser (Debian's chromium driven by playwright-core,
 * JavaScript off, phone width 390×844), as tests/board/browser.test.ts does for the motions: the pages render;
 * a building's bar is drawn at its balance's share of its first deposits, exactly in fen; no person id,
 * registry name, phone- or ID-shaped string; an owner's own sub-account shows for them; the asOf page before
 * the settlement differs from today's. Screenshots go to test-artifacts/screenshots/ (git-ignored).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ID_SHAPE, PHONE_SHAPE, seededOwnerName, seededPersonId, withoutHex } from '../support/boardSeed.js';
import { seedFunds } from '../support/boardFundsSeed.js';


const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(process.cwd(), 'test-artifacts', 'screenshots');
const skip = existsSync(CHROMIUM) ? false : 'no chromium (installed by .ci/run)';

t.test('the funds and committee pages in chromium at phone width', { skip }, async (t) => {
  const s = await seedFunds(t);
  t.equal((await s.api.call('POST', `/v1/compounds/${s.compoundId}/board`, { token: s.oc, body: { public: true } })).statusCode, 201);
  const address = await s.api.runtime.app.listen({ port: 0, host: '127.0.0.1' });
  const profile = mkdtempSync(join(tmpdir(), 'cg-chromium-'));
  const launch = (headers?: Record<string, string>) =>
    chromium.launchPersistentContext(profile + (headers ? '-owner' : ''), {
      executablePath: CHROMIUM,
      headless: true,
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 1,
      ...(headers ? { extraHTTPHeaders: headers } : {}),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  const context: BrowserContext = await launch();
  t.teardown(async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(profile + '-owner', { recursive: true, force: true });
  });
  mkdirSync(SHOTS, { recursive: true });
  const page: Page = context.pages()[0] ?? (await context.newPage());
  const board = `${address}/board/${s.compoundId}`;

  const visit = async (p: Page, url: string, shot: string) => {
    const response = await p.goto(url);
    t.equal(response?.status(), 200, url);
    const html = await p.content();
    for (let i = 0; i < 12; i++) {
      t.notOk(html.includes(seededPersonId(i)), `${shot}: no person id ${i}`);
      t.notOk(html.includes(seededOwnerName(i)), `${shot}: no registry name ${i}`);
    }
    t.notMatch(withoutHex(html), PHONE_SHAPE, `${shot}: nothing phone-shaped`);
    t.notMatch(withoutHex(html), ID_SHAPE, `${shot}: nothing ID-shaped`);
    const overflow = await p.evaluate('document.documentElement.scrollWidth');
    t.ok(Number(overflow) <= 390, `${shot}: fits 390 px (scrollWidth ${overflow})`);
    await p.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage: true });
    return p.innerText('body');
  };

  const funds = await visit(page, `${board}/funds`, 'funds');
  t.match(funds, '专项维修资金的筹集与结存');
  t.match(funds, '监督提示');
  // Building 2's bar: its balance against its first deposits, in fen, drawn at that share.
  const ledger = (await s.api.call('GET', `/v1/compounds/${s.compoundId}/funds`, { token: s.oc })).json() as { accounts: { account: string; balance: string }[] };
  const subs = await Promise.all(s.units.filter((u) => u.building === '2').map(async (u) => (await s.api.call('GET', `/v1/compounds/${s.compoundId}/funds/units/${u.unitId}`, { token: s.oc })).json() as { firstDeposit: string }));
  const fen = (y: string) => BigInt(y.replace('.', ''));
  const balance = ledger.accounts.filter((a) => a.account.startsWith('unit:2-')).reduce((x, a) => x + fen(a.balance), 0n);
  const first = subs.reduce((x, a) => x + fen(a.firstDeposit), 0n);
  const svg = page.locator('svg[data-kind="building"][data-id="2"]');
  t.equal(await svg.getAttribute('viewBox'), `0 0 ${first} 10`, 'against the first deposits in fen');
  const fill = svg.locator('rect.fill');
  t.equal(await fill.getAttribute('width'), balance.toString(), 'the width is the balance in fen');
  const drawn = (await fill.boundingBox())!.width / (await svg.boundingBox())!.width;
  const share = Number((balance * 1_000_000n) / first) / 1_000_000;
  t.ok(Math.abs(drawn - share) < 0.005, `drawn ${drawn.toFixed(4)} ≈ share ${share.toFixed(4)}`);
  const line = (await svg.locator('line.threshold').boundingBox())!;
  const track = (await svg.boundingBox())!;
  t.ok(Math.abs((line.x + line.width / 2 - track.x) / track.width - 0.3) < 0.01, 'the top-up line stands at 30%');

  const committee = await visit(page, `${board}/committee`, 'committee');
  for (const name of s.members) t.match(committee, name);
  t.match(committee, '业主大会筹备组');

  // Time travel: before the settlement, the release is not settled; the page says so visibly.
  const before = await visit(page, `${board}/funds?asOf=${s.beforeSettlement}`, 'funds-as-of-before-settlement');
  t.ok(await page.locator('.asof').isVisible());
  t.not(before, funds);
  t.equal(await page.locator('[data-settled]').count(), 0, 'not settled then');

  // An owner, with their token, sees their own sub-account.
  const owner = await launch({ authorization: `Bearer ${await s.owner(7)}` });
  t.teardown(() => owner.close());
  const ownerPage = owner.pages()[0] ?? (await owner.newPage());
  const mine = await visit(ownerPage, `${board}/funds`, 'funds-owner');
  t.match(mine, '我的分户账');
  t.equal(await ownerPage.locator('[data-own]').count(), 1);
  t.equal(await ownerPage.locator('[data-own]').getAttribute('data-own'), s.units[7]!.unitId);
});
