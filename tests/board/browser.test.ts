/**
 * The notice board in a real browser: Debian's chromium driven by playwright-core (no browser download;
 * `.ci/run` installs chromium where it is missing), JavaScript off, at phone width (390×844). The pages
 * render; a bar's drawn width matches the tally; no page holds a seeded owner's person id, name, or a
 * phone- or ID-shaped string; an asOf page before a ballot differs from the one after it. Screenshots go to
 * test-artifacts/screenshots/ (git-ignored).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { figureArea } from '../../projections/assembly/index.js';
import { ID_SHAPE, PHONE_SHAPE, seedBoard, seededOwnerName, seededPersonId, withoutHex } from '../support/boardSeed.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(process.cwd(), 'test-artifacts', 'screenshots');

const skip = existsSync(CHROMIUM) ? false : 'no chromium (installed by .ci/run)';

{
  t.test('the notice board in chromium at phone width', { skip }, async (t) => {
    const s = await seedBoard(t);
    t.equal((await s.api.call('POST', `/v1/compounds/${s.compoundId}/board`, { token: s.convenor, body: { public: true } })).statusCode, 201);
    const address = await s.api.runtime.app.listen({ port: 0, host: '127.0.0.1' });
    const profile = mkdtempSync(join(tmpdir(), 'cg-chromium-'));
    const context: BrowserContext = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 1,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    t.teardown(async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    });
    mkdirSync(SHOTS, { recursive: true });
    const page: Page = context.pages()[0] ?? (await context.newPage());
    const board = `${address}/board/${s.compoundId}`;

    const visit = async (url: string, shot: string) => {
      const response = await page.goto(url);
      t.equal(response?.status(), 200, url);
      const html = await page.content();
      const text = await page.innerText('body');
      for (let i = 0; i < 12; i++) {
        t.notOk(html.includes(seededPersonId(i)), `${shot}: no person id ${i}`);
        t.notOk(text.includes(seededOwnerName(i)), `${shot}: no owner name ${i}`);
      }
      t.notMatch(withoutHex(html), PHONE_SHAPE, `${shot}: nothing phone-shaped`);
      t.notMatch(withoutHex(html), ID_SHAPE, `${shot}: nothing ID-shaped`);
      // Phone-first: nothing wider than the screen.
      const overflow = await page.evaluate('document.documentElement.scrollWidth');
      t.ok(Number(overflow) <= 390, `${shot}: fits 390 px (scrollWidth ${overflow})`);
      await page.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage: true });
      return text;
    };

    const index = await visit(board, 'index');
    t.match(index, '翠湖花园');
    t.match(index, '更换小区门禁系统');
    t.match(index, '区分所有权解释第十三条');
    t.match(await visit(`${board}/community`, 'community'), '纠纷调解统计');
    // hiring: the firm's page renders (no contract in this seed; tests/api/hiringFeesSurveys.test.ts fills one).
    const firmText = await visit(`${board}/firm`, 'firm');
    t.match(firmText, '物业服务合同');

    // The yes_no motion: each bar's fill is exactly the tally's figure in the SVG's user space, and drawn so.
    const tally = (await s.api.call('GET', `/v1/motions/${s.yesNo.motionId}/tally`, { token: s.convenor })).json();
    const motion = await visit(`${board}/motions/${s.yesNo.motionId}`, 'motion-yes-no');
    t.match(motion, '通过');
    const bars = [
      { kind: 'quorum', axis: 'area', value: figureArea(tally.participating.area), base: figureArea(tally.eligible.area) },
      { kind: 'quorum', axis: 'heads', value: BigInt(tally.participating.headcount), base: BigInt(tally.eligible.headcount) },
      { kind: 'passage', axis: 'area', value: figureArea(tally.for.area), base: figureArea(tally.participating.area) },
      { kind: 'passage', axis: 'heads', value: BigInt(tally.for.headcount), base: BigInt(tally.participating.headcount) },
    ];
    for (const b of bars) {
      const svg = page.locator(`svg[data-kind="${b.kind}"][data-axis="${b.axis}"]`);
      t.equal(await svg.count(), 1, `${b.kind} ${b.axis}: one bar`);
      const fill = svg.locator('rect.fill');
      t.equal(await fill.getAttribute('width'), b.value.toString(), `${b.kind} ${b.axis}: width is the exact figure`);
      t.equal(await svg.getAttribute('viewBox'), `0 0 ${b.base} 10`, `${b.kind} ${b.axis}: against the base`);
      const drawn = (await fill.boundingBox())!.width / (await svg.boundingBox())!.width;
      const share = Number((b.value * 1_000_000n) / b.base) / 1_000_000;
      t.ok(Math.abs(drawn - share) < 0.005, `${b.kind} ${b.axis}: drawn ${drawn.toFixed(4)} ≈ share ${share.toFixed(4)}`);
    }
    // The quorum line at 2/3 of the track, drawn.
    const quorum = page.locator('svg[data-kind="quorum"][data-axis="heads"]');
    const line = (await quorum.locator('line.threshold').boundingBox())!;
    const track = (await quorum.boundingBox())!;
    t.ok(Math.abs((line.x + line.width / 2 - track.x) / track.width - 2 / 3) < 0.01, 'the quorum line stands at 2/3');

    const election = await visit(`${board}/motions/${s.election.motionId}`, 'motion-election');
    for (const name of s.election.candidates) t.match(election, name);
    t.equal(await page.locator('li[data-row] svg[data-axis="area"]').count(), 3, 'one row per candidate');
    await visit(`${board}/motions/${s.open.motionId}`, 'motion-open-choose-one');
    t.match(await page.innerText('#outcome'), '投票进行中');

    // Time travel: visibly "截至 …", and different before and after the ballot.
    const before = await visit(`${board}/motions/${s.yesNo.motionId}?asOf=${s.yesNo.beforeBallot}`, 'motion-as-of-before-ballot');
    t.ok(await page.locator('.asof').isVisible(), 'the as-of notice is shown');
    t.match(before, `截至 日志位置 ${s.yesNo.beforeBallot}`);
    const widthBefore = await page.locator('svg[data-kind="quorum"][data-axis="heads"] rect.fill').getAttribute('width');
    const after = await visit(`${board}/motions/${s.yesNo.motionId}?asOf=${s.yesNo.afterBallot}`, 'motion-as-of-after-ballot');
    const widthAfter = await page.locator('svg[data-kind="quorum"][data-axis="heads"] rect.fill').getAttribute('width');
    t.not(before, after);
    t.equal(widthBefore, '3');
    t.equal(widthAfter, '4');

    // The history form works without JavaScript: a GET with ?asOf=.
    await page.fill('#asOf', s.yesNo.afterBallot);
    await Promise.all([page.waitForURL(/asOf=/), page.click('button[type="submit"]')]);
    t.match(await page.innerText('.asof'), `日志位置 ${s.yesNo.afterBallot}`);
  });
}
