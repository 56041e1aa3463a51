/**
 * The notice board over HTTP (no browser): who may read it, the setting, the pages' content, and time travel
 * on the tally JSON and the motion page.
 */
import t from 'tap';
import { ID_SHAPE, PHONE_SHAPE, seedBoard, seededOwnerName, seededPersonId, withoutHex } from '../support/boardSeed.js';

t.test('the notice board: visibility, content without personal data, and asOf', async (t) => {
  const s = await seedBoard(t);
  const { api, compoundId } = s;
  const board = `/board/${compoundId}`;

  // Private by default: 404 without a token (as for a compound that does not exist), the page with a grant.
  const anonymous = await api.call('GET', board);
  t.equal(anonymous.statusCode, 404);
  t.match(anonymous.headers['content-type'], /text\/html/);
  t.match(anonymous.body, /compound_not_found/);
  const stranger = await api.token('p-x', 'owner@another');
  t.equal((await api.call('GET', board, { token: stranger })).statusCode, 403);
  t.equal((await api.call('GET', board, { token: 'garbage' })).statusCode, 401);
  const owner = await s.owner(0);
  const index = await api.call('GET', board, { token: owner });
  t.equal(index.statusCode, 200, index.body.slice(0, 300));
  t.match(index.body, '翠湖花园');
  t.match(index.body, '更换小区门禁系统');
  t.match(index.body, '仅对本小区相关人员公开');
  t.match(index.body, /data-item="decisions" data-published="yes"/);
  t.match(index.body, /data-item="minutes" data-published="no"/);
  t.match(index.body, '最终结果');
  t.equal((await api.call('GET', `/board/nope`, { token: owner })).statusCode, 403, 'a grant on another compound does not open this one');

  // The setting: not by an owner; by the OC; a second identical setting is a conflict; then public to anyone.
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/board`, { token: owner, body: { public: true } })).statusCode, 403);
  const set = await api.call('POST', `/v1/compounds/${compoundId}/board`, { token: s.convenor, body: { public: true } });
  t.equal(set.statusCode, 201, set.body);
  t.equal(set.json().public, true);
  const again = await api.call('POST', `/v1/compounds/${compoundId}/board`, { token: s.convenor, body: { public: true } });
  t.equal(again.statusCode, 409);
  t.equal(again.json().code, 'visibility_unchanged');
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/board`, { token: s.convenor, body: { public: 'yes' } })).statusCode, 400);
  const pub = await api.call('GET', board);
  t.equal(pub.statusCode, 200);
  t.match(pub.body, '本公示栏对公众公开');
  t.match((await api.call('GET', `/v1/compounds/${compoundId}/board`)).json(), { public: true });
  // A token in the URL is not a way in: it is ignored like any other unknown query parameter on a public page,
  // and on a private board it opens nothing.
  await api.call('POST', `/v1/compounds/${compoundId}/board`, { token: s.convenor, body: { public: false } });
  t.equal((await api.call('GET', `${board}?token=${encodeURIComponent(owner)}`)).statusCode, 404);
  await api.call('POST', `/v1/compounds/${compoundId}/board`, { token: s.convenor, body: { public: true } });

  // No page shows a person id, an owner's name, or anything shaped like a phone or ID number.
  const pages = [board, `${board}/motions/${s.yesNo.motionId}`, `${board}/motions/${s.election.motionId}`, `${board}/motions/${s.open.motionId}`, `${board}/motions/${s.yesNo.motionId}?asOf=${s.yesNo.beforeBallot}`];
  for (const url of pages) {
    const page = await api.call('GET', url);
    t.equal(page.statusCode, 200, url);
    for (let i = 0; i < 12; i++) {
      t.notOk(page.body.includes(seededPersonId(i)), `${url}: no person id ${i}`);
      t.notOk(page.body.includes(seededOwnerName(i)), `${url}: no owner name ${i}`);
    }
    t.notMatch(withoutHex(page.body), PHONE_SHAPE, `${url}: nothing phone-shaped`);
    t.notMatch(withoutHex(page.body), ID_SHAPE, `${url}: nothing ID-shaped`);
  }
  // Candidates' names are posted (京条例 Art. 40).
  const election = (await api.call('GET', `${board}/motions/${s.election.motionId}`)).body;
  for (const name of s.election.candidates) t.match(election, name);
  t.match(election, '当选');

  // A motion of another compound, or none, is a 404 page.
  t.equal((await api.call('GET', `${board}/motions/nope`)).statusCode, 404);
});

t.test('time travel: the tally and the motion page as of a log position or an instant', async (t) => {
  const s = await seedBoard(t);
  const { api } = s;
  const { motionId, beforeBallot, afterBallot, afterBallotAt } = s.yesNo;
  const tally = (q: string) => api.call('GET', `/v1/motions/${motionId}/tally${q}`, { token: s.convenor });
  const now = (await tally('')).json();
  t.match(now, { phase: 'final', participating: { headcount: 9 } });
  t.notOk('asOf' in now);
  const before = (await tally(`?asOf=${beforeBallot}`)).json();
  const after = (await tally(`?asOf=${afterBallot}`)).json();
  t.match(before, { phase: 'open', status: 'open', participating: { headcount: 3 }, passed: null, asOf: { requested: { position: beforeBallot } } });
  t.match(after, { phase: 'open', participating: { headcount: 4 }, for: { headcount: 3 }, asOf: { position: afterBallot } });
  // By hand: units 0–3 are 88.5 + 120.25 + 95 + 143.1234 m².
  t.equal(after.participating.area, '446.8734');
  t.equal((await tally(`?asOf=${encodeURIComponent(afterBallotAt)}`)).json().participating.headcount, 4, 'an instant cuts where the position does');
  // The present through asOf equals the read model's tally (same projection, same events).
  const head = (await api.call('GET', '/v1/log/head')).json();
  const present = (await tally(`?asOf=${BigInt(head.treeSize) + 0n}`)).json();
  delete present.asOf;
  t.same(present, now);
  // Bad points.
  t.equal((await tally('?asOf=yesterday')).json().code, 'invalid_as_of');
  t.equal((await tally('?asOf=2026-03-01T10:00:00')).json().code, 'invalid_as_of', 'an instant without a zone is ambiguous');
  t.equal((await tally('?asOf=99999999')).json().code, 'position_beyond_log');
  t.equal((await tally('?asOf=1')).statusCode, 404, 'before the motion existed');

  // The page says so, and differs before and after the ballot.
  const page = (q: string) => api.call('GET', `/board/${s.compoundId}/motions/${motionId}${q}`, { token: s.convenor });
  const pBefore = await page(`?asOf=${beforeBallot}`);
  const pAfter = await page(`?asOf=${afterBallot}`);
  t.equal(pBefore.statusCode, 200);
  t.match(pBefore.body, `截至 日志位置 ${beforeBallot}`);
  t.match(pBefore.body, '投票进行中');
  t.not(pBefore.body, pAfter.body);
  t.notMatch((await page('')).body, 'class="asof"', 'the present view says no 截至');
  t.equal((await page('?asOf=nonsense')).statusCode, 400);
});
