/**
 * The funds' and the committee's pages over HTTP (no browser): what they show, from the read models; an owner's
 * own sub-account for that owner only; no person id, no registry name, nothing phone- or ID-shaped; the posted
 * names only where the law posts them; the Art. 13 checklist; ?asOf= on both.
 */
import t from 'tap';
import { ID_SHAPE, PHONE_SHAPE, seededOwnerName, seededPersonId, withoutHex } from '../support/boardSeed.js';
import { seedFunds } from '../support/boardFundsSeed.js';


t.test('the funds page and the committee page', async (t) => {
  const s = await seedFunds(t);
  const { api, compoundId } = s;
  const board = `/board/${compoundId}`;
  t.equal((await api.call('GET', `${board}/funds`)).statusCode, 404, 'private board: 404 without a token');
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/board`, { token: s.oc, body: { public: true } })).statusCode, 201);

  const noPersonalData = (url: string, body: string) => {
    for (let i = 0; i < 12; i++) {
      t.notOk(body.includes(seededPersonId(i)), `${url}: no person id ${i}`);
      t.notOk(body.includes(seededOwnerName(i)), `${url}: no registry name ${i}`);
    }
    t.notMatch(withoutHex(body), PHONE_SHAPE, `${url}: nothing phone-shaped`);
    t.notMatch(withoutHex(body), ID_SHAPE, `${url}: nothing ID-shaped`);
    t.notOk(body.includes('p-oc') || body.includes('p-firm') || body.includes('p-street'), `${url}: no officer's person id`);
  };

  // The funds page, public: the totals match the JSON ledger view, exactly.
  const funds = await api.call('GET', `${board}/funds`);
  t.equal(funds.statusCode, 200, funds.body.slice(0, 400));
  noPersonalData('funds', funds.body);
  const ledger = (await api.call('GET', `/v1/compounds/${compoundId}/funds`, { token: s.oc })).json() as { accounts: { ledger: string; account: string; balance: string; held: string }[] };
  const fen = (y: string) => BigInt(y.replace('.', ''));
  const sum = (pred: (a: { account: string }) => boolean) => ledger.accounts.filter((a) => a.account.startsWith('unit:') && pred(a)).reduce((x, a) => x + fen(a.balance), 0n);
  const building2 = sum((a) => a.account.startsWith('unit:2-'));
  const compoundAccount = ledger.accounts.find((a) => a.ledger === 'maintenance' && a.account === 'compound')!;
  const total = sum(() => true) + fen(compoundAccount.balance);
  const yuan = (f: bigint) => `${f / 100n}.${(f % 100n).toString().padStart(2, '0')}`;
  t.match(funds.body, `data-fund-total="${yuan(total)}"`, 'the fund total is the read model\u2019s');
  const bar2 = /<svg[^>]*data-kind="building" data-id="2">[\s\S]*?<rect class="fill[^"]*"[^>]*width="(\d+)"/.exec(funds.body);
  t.equal(bar2?.[1], building2.toString(), 'building 2\u2019s bar is its balance in fen, exactly');
  t.notOk(/data-own=/.test(funds.body), 'no sub-account without a token');
  for (const u of s.units) t.notOk(funds.body.includes(`>${u.unitId}<`), `no single unit shown publicly (${u.unitId})`);
  t.match(funds.body, `/board/${compoundId}/motions/${s.fundMotionId}`, 'the release links its decision\u2019s motion');
  t.match(funds.body, `data-release="${s.releaseId}"`);
  t.match(funds.body, 'data-settled="17500.37"', 'the settled amount');
  t.match(funds.body, '电梯故障危及人身安全', 'the emergency names its catalogue item');
  t.match(funds.body, new RegExp(`data-period="maintenance/${s.period}" data-status="posted"`));
  t.match(funds.body, new RegExp(`data-period="public_income/${s.period}" data-status="overdue"`));
  t.match(funds.body, 'data-flag="disclosure_overdue"');
  t.match(funds.body, 'data-income="2500.00"', 'public income after 3,500 paid into the fund');
  t.match(funds.body, new RegExp(`data-statement="maintenance/${s.period}"`));

  // An owner with their token sees their own sub-account, and nobody else's.
  const own = await api.call('GET', `${board}/funds`, { token: await s.owner(7) });
  t.equal(own.statusCode, 200);
  t.match(own.body, `data-own="${s.units[7]!.unitId}"`);
  t.equal((own.body.match(/data-own=/g) ?? []).length, 1, 'one sub-account: their own');
  const mine = (await api.call('GET', `/v1/compounds/${compoundId}/funds/units/${s.units[7]!.unitId}`, { token: await s.owner(7) })).json() as { balance: string };
  t.match(own.body, `data-balance="${mine.balance}"`);
  t.equal(own.headers['cache-control'], 'private, no-store');
  const officer = await api.call('GET', `${board}/funds`, { token: s.oc });
  t.notOk(/data-own=/.test(officer.body), 'an officer is shown no one\u2019s sub-account on the page');

  // The committee page: names where the law posts them, posts and counts elsewhere.
  const committee = await api.call('GET', `${board}/committee`);
  t.equal(committee.statusCode, 200, committee.body.slice(0, 400));
  noPersonalData('committee', committee.body);
  for (const name of s.members) t.match(committee.body, name, `member ${name} posted (京条例 Art. 42)`);
  for (const name of s.groupNames) t.match(committee.body, name, `group member ${name} posted (京条例 Art. 31)`);
  t.match(committee.body, 'data-post="主任"');
  t.match(committee.body, 'data-post="副主任"');
  t.match(committee.body, `/board/${compoundId}/motions/${s.electionMotionId}`, 'the election links its motion');
  t.match(committee.body, '当选');
  t.match(committee.body, '公示维修资金使用情况');
  t.match(committee.body, '讨论电梯更新', 'the meeting notice');
  t.match(committee.body, '与甲建筑公司签订维修合同', 'the seal use');
  t.match(committee.body, 'data-filing="pending"');
  t.notMatch(committee.body, 'data-freeze', 'no transition freeze in Beijing');
  t.match(committee.body, '业委会备案', 'the filing deadline, labelled');
  t.notMatch(committee.body, '>committee_filing<', 'no raw deadline kind');

  // The index links both pages; the Art. 13 checklist now has the fund and public income published.
  const index = await api.call('GET', board);
  t.match(index.body, `href="/board/${compoundId}/funds"`);
  t.match(index.body, `href="/board/${compoundId}/committee"`);
  t.match(index.body, /data-item="maintenance_fund" data-published="yes"/);
  t.match(index.body, /data-item="common_parts_income" data-published="yes"/);
  t.match(index.body, '业主委员会已公示的决定 1 项');

  // ?asOf=: before the settlement the release is not settled; the page says "截至".
  const past = await api.call('GET', `${board}/funds?asOf=${s.beforeSettlement}`);
  t.equal(past.statusCode, 200, past.body.slice(0, 400));
  t.match(past.body, `截至 日志位置 ${s.beforeSettlement}`);
  t.match(past.body, `data-release="${s.releaseId}"`, 'the release was there');
  t.notMatch(past.body, 'data-settled=', 'not yet settled then');
  t.notMatch(past.body, '电梯故障', 'the emergency came later');
  const pastCommittee = await api.call('GET', `${board}/committee?asOf=${s.beforeSettlement}`);
  t.equal(pastCommittee.statusCode, 200);
  t.notMatch(pastCommittee.body, '与甲建筑公司签订维修合同', 'the seal use came later');
  t.equal((await api.call('GET', `${board}/funds?asOf=nonsense`)).statusCode, 400);
});

t.test('the pages of a compound with no fund and no committee say so', async (t) => {
  const { startTestApi } = await import('../support/api.js');
  const api = await startTestApi();
  t.teardown(() => api.close());
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '空白小区', address: '某路 1 号', jurisdiction: 'national' } })).json() as { compoundId: string };
  const oc = await api.token('p-oc', `oc_member@${compoundId}`);
  const funds = await api.call('GET', `/board/${compoundId}/funds`, { token: oc });
  t.equal(funds.statusCode, 200, funds.body.slice(0, 300));
  t.match(funds.body, '尚未建立专项维修资金');
  const committee = await api.call('GET', `/board/${compoundId}/committee`, { token: oc });
  t.equal(committee.statusCode, 200, committee.body.slice(0, 300));
  t.match(committee.body, '尚未成立业主大会筹备组');
  const index = await api.call('GET', `/board/${compoundId}`, { token: oc });
  t.match(index.body, /data-item="maintenance_fund" data-published="no"/);
});
