/**
 * The funds' page (projections/board/fundsPage.ts), an Eta template like the others (escaping on; see
 * templates.ts). Bars are inline SVG whose user space is fen: a fill's width is the amount itself, the 30%
 * line (维修资金办法 Art. 17) a cut decimal of the first deposits; the flows share one scale, the largest flow.
 */
export const FUND_BAR = `<figure class="bar">
<figcaption><span><%= it.caption %></span><span><%= it.value %> / <%= it.base %> 元（<%= it.bar.percent %>）<% if (!it.bar.met) { %><strong class="no">低于 30%</strong><% } %></span></figcaption>
<svg class="bar" role="img" aria-label="<%= it.caption %>：余额为首期交存的 <%= it.bar.percent %>，续交线 30%" viewBox="0 0 <%= it.bar.base %> 10" preserveAspectRatio="none" data-kind="<%= it.kind %>" data-id="<%= it.id %>">
<rect class="track" x="0" y="0" width="<%= it.bar.base %>" height="10"></rect>
<rect class="fill<%= it.bar.met ? ' met' : '' %>" x="0" y="0" width="<%= it.bar.value %>" height="10" data-value="<%= it.bar.value %>" data-base="<%= it.bar.base %>"></rect>
<line class="threshold" x1="<%= it.bar.thresholdX %>" x2="<%= it.bar.thresholdX %>" y1="0" y2="10" vector-effect="non-scaling-stroke"></line>
</svg>
</figure>`;

export const FUNDS = `<% layout('@layout') %>
<% const p = it.page; %>
<% if (!p) { %>
<p>本小区尚未建立专项维修资金和公共收益账目。</p>
<% } else { %>
<% if (it.own.length) { %>
<section aria-labelledby="own">
<h2 id="own">我的分户账（仅本人可见）</h2>
<p class="meta">依维修资金办法第三十一条，业主可以查询本人的分户账；本栏只在您本人登录查看时显示，他人看不到。</p>
<% for (const o of it.own) { %>
<dl class="facts" data-own="<%= o.unitId %>">
<dt>房屋</dt><dd><%= o.unitId %></dd>
<dt>首期交存</dt><dd><%= o.firstDeposit ?? '未交存' %><%= o.firstDeposit ? ' 元' : '' %></dd>
<dt>余额</dt><dd data-balance="<%= o.balance %>"><%= o.balance %> 元（首期的 <%= o.share %>）</dd>
<dt>已预留</dt><dd><%= o.held %> 元</dd>
<dt>可用</dt><dd><%= o.available %> 元</dd>
<% if (o.topUpDue) { %><dt>续交</dt><dd class="overdue">余额低于首期交存的 30%，应当续交（维修资金办法第十七条）</dd><% } %>
</dl>
<% if (o.transfers.length) { %>
<table>
<thead><tr><th scope="col">时间</th><th scope="col">事项</th><th scope="col" class="num">金额（元）</th></tr></thead>
<tbody>
<% for (const t of o.transfers) { %><tr><td><%= it.fmt(t.at) %></td><td><%= t.direction %> · <%= t.label %><%= t.note ? '（' + t.note + '）' : '' %></td><td class="num"><%= t.amount %></td></tr><% } %>
</tbody>
</table>
<% } %>
<% } %>
</section>
<% } %>

<section aria-labelledby="fund">
<h2 id="fund">专项维修资金的筹集与结存</h2>
<dl class="facts">
<dt>建账</dt><dd><%= it.fmt(p.openedAt) %>，首期交存标准每平方米 <%= p.ratePerSquareMetre %> 元（维修资金办法第七条）</dd>
<dt>首期交存合计</dt><dd><%= p.totals.firstDeposits %> 元</dd>
<dt>维修资金结存</dt><dd data-fund-total="<%= p.totals.fund %>"><%= p.totals.fund %> 元（分户账 <%= p.totals.subAccountCount %> 户合计 <%= p.totals.subAccounts %> 元，小区公共账户 <%= p.totals.compoundAccount %> 元）</dd>
<dt>已预留（预付款）</dt><dd><%= p.totals.held %> 元</dd>
<dt>累计支出</dt><dd><%= p.totals.disbursed %> 元</dd>
<dt>应续交</dt><dd><%= p.totals.topUpDue %> 户（维修资金办法第十七条）</dd>
<dt>记账凭证</dt><dd><%= p.transfers %> 笔</dd>
</dl>
<%~ include('@fundBar', { kind: 'fund', id: 'compound', caption: '维修资金结存 / 首期交存', value: p.totals.fund, base: p.totals.firstDeposits, bar: p.totals.bar }) %>
<h3 id="buildings">各楼栋分户账合计</h3>
<p class="meta">只公示各楼栋的合计，不公示某一户的金额。</p>
<% for (const b of p.buildings) { %>
<%~ include('@fundBar', { kind: 'building', id: b.building, caption: b.building + ' 号楼（' + b.units + ' 户' + (b.topUpDue ? '，' + b.topUpDue + ' 户应续交' : '') + '）', value: b.balance, base: b.firstDeposits, bar: b.bar }) %>
<% } %>
</section>

<section aria-labelledby="releases">
<h2 id="releases">维修资金的使用</h2>
<% if (p.releases.length === 0) { %><p>暂无使用维修资金的记录。</p><% } %>
<ul class="cards">
<% for (const r of p.releases) { %>
<li data-release="<%= r.releaseId %>">
<p><strong><%= r.contractor %></strong> <span class="tag"><%= r.statusLabel %></span><% if (r.kind === 'emergency') { %><span class="tag">应急</span><% } %></p>
<p class="meta">依据：<%= r.authority %><% if (r.motionId) { %> · <a href="/board/<%= encodeURIComponent(it.compoundId) %>/motions/<%= encodeURIComponent(r.motionId) %>">表决详情</a><% } %><% if (r.reapprovalMotionId) { %> · <a href="/board/<%= encodeURIComponent(it.compoundId) %>/motions/<%= encodeURIComponent(r.reapprovalMotionId) %>">超支重新表决</a><% } %></p>
<% if (r.revoked) { %><p class="no">所依据的决定已被撤销。</p><% } %>
<p class="meta">分摊范围：<%= r.scope %>，<%= r.units %> 户 · 申请 <%= it.fmt(r.requestedAt) %></p>
<dl class="facts">
<dt>预算</dt><dd><%= r.budget %> 元</dd>
<dt>合同价</dt><dd><%= r.contractPrice %> 元</dd>
<% if (r.advance) { %><dt>预付款</dt><dd><%= r.advance %> 元</dd><% } %>
<% if (r.acceptedAt) { %><dt>验收</dt><dd><%= it.fmt(r.acceptedAt) %></dd><% } %>
<% if (r.audit) { %><dt>审价</dt><dd><%= r.audit %></dd><% } %>
<% if (r.settled) { %><dt>结算</dt><dd data-settled="<%= r.settled %>"><%= r.settled %> 元（<%= it.fmt(r.settledAt) %>），按专有部分面积分摊</dd><% } %>
</dl>
</li>
<% } %>
</ul>
</section>

<section aria-labelledby="flows">
<h2 id="flows">各期收支</h2>
<% if (p.flows.rows.length === 0) { %><p>尚无已公布的账目。</p><% } %>
<% for (const f of p.flows.rows) { %>
<figure class="bar" data-flow="<%= f.ledger %>/<%= f.period %>">
<figcaption><span><%= f.ledger === 'maintenance' ? '维修资金' : '公共收益' %> <%= f.period %>：收入</span><span><%= f.inflow %> 元</span></figcaption>
<svg class="bar" role="img" aria-label="<%= f.period %> 收入 <%= f.inflow %> 元" viewBox="0 0 <%= p.flows.scale %> 10" preserveAspectRatio="none" data-kind="inflow"><rect class="track" x="0" y="0" width="<%= p.flows.scale %>" height="10"></rect><rect class="fill met" x="0" y="0" width="<%= f.inWidth %>" height="10"></rect></svg>
<figcaption><span>支出</span><span><%= f.outflow %> 元</span></figcaption>
<svg class="bar" role="img" aria-label="<%= f.period %> 支出 <%= f.outflow %> 元" viewBox="0 0 <%= p.flows.scale %> 10" preserveAspectRatio="none" data-kind="outflow"><rect class="track" x="0" y="0" width="<%= p.flows.scale %>" height="10"></rect><rect class="fill" x="0" y="0" width="<%= f.outWidth %>" height="10"></rect></svg>
</figure>
<% } %>
</section>

<section aria-labelledby="disclosures">
<h2 id="disclosures">账目公布</h2>
<p class="meta"><%= p.disclosureSource %></p>
<table>
<thead><tr><th scope="col">账目</th><th scope="col">期间</th><th scope="col">公布期限</th><th scope="col">状态</th></tr></thead>
<tbody>
<% for (const r of p.periods) { %>
<tr data-period="<%= r.ledger %>/<%= r.period %>" data-status="<%= r.status %>"><td><%= r.ledgerLabel %></td><td><%= r.period %></td><td><%= it.fmt(r.dueBy) %></td><td class="<%= r.status === 'overdue' || r.status === 'posted_late' ? 'overdue' : '' %>"><%= r.statusLabel %><%= r.publishedAt ? '（' + it.fmt(r.publishedAt) + '）' : '' %></td></tr>
<% } %>
</tbody>
</table>
<% for (const d of p.disclosures) { %>
<h3 id="statement-<%= d.disclosureId %>"><%= d.ledgerLabel %> <%= d.period %> 账目</h3>
<table data-statement="<%= d.ledger %>/<%= d.period %>">
<tbody>
<tr><td>期初余额</td><td class="num"><%= d.opening %></td></tr>
<% for (const x of d.inflows) { %><tr><td>收入 · <%= x.label %></td><td class="num"><%= x.amount %></td></tr><% } %>
<% for (const x of d.outflows) { %><tr><td>支出 · <%= x.label %></td><td class="num"><%= x.amount %></td></tr><% } %>
<tr><td><strong>期末余额</strong></td><td class="num"><strong><%= d.closing %></strong></td></tr>
</tbody>
</table>
<p class="meta"><%= it.fmt(d.from) %> 至 <%= it.fmt(d.to) %> · 记账 <%= d.transfers %> 笔 · 公布于 <%= it.fmt(d.publishedAt) %><%= d.late ? '（逾期）' : '' %></p>
<% } %>
</section>

<section aria-labelledby="income">
<h2 id="income">共有部分的经营收益（公共收益）</h2>
<dl class="facts">
<dt>公共收益账户余额</dt><dd data-income="<%= p.totals.income.balance %>"><%= p.totals.income.balance %> 元</dd>
<dt>累计转入维修资金</dt><dd><%= p.totals.income.toFund %> 元</dd>
<dt>经业主大会决定支出</dt><dd><%= p.totals.income.spent %> 元</dd>
</dl>
<% if (p.incomeTopUpRule) { %><p class="meta"><%= p.incomeTopUpRule %></p><% } %>
<% if (p.quarters.length) { %>
<table>
<thead><tr><th scope="col">季度</th><th scope="col" class="num">收入（元）</th><th scope="col" class="num">转入维修资金（元）</th></tr></thead>
<tbody>
<% for (const q of p.quarters) { %><tr data-quarter="<%= q.quarter %>"><td><%= q.quarter %><%= q.fundBelowThirtyPercent ? '（维修资金低于首期 30%）' : '' %></td><td class="num"><%= q.income %></td><td class="num"><%= q.toFund %></td></tr><% } %>
</tbody>
</table>
<% } %>
</section>

<section aria-labelledby="flags">
<h2 id="flags">监督提示</h2>
<% if (p.flags.length === 0) { %><p>暂无提示。</p><% } %>
<ul class="cards">
<% for (const f of p.flags) { %>
<li data-flag="<%= f.kind %>">
<p><strong class="no"><%= f.label %></strong></p>
<p class="meta"><%= f.rule %></p>
<p class="meta"><%= f.detail %><% for (const id of f.releases) { %> · <a href="#releases" data-release-ref="<%= id %>">使用记录</a><% } %><% for (const id of f.periods) { %> · 期间 <%= id %><% } %></p>
</li>
<% } %>
</ul>
</section>
<% } %>`;
