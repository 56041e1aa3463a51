/**
 * The firm's page (projections/hiring/boardPage.ts), an Eta template like the others (escaping on; see
 * templates.ts). Shares are inline SVG bars whose fill width is the percentage in hundredths, exactly.
 */
export const FIRM = `<% layout('@layout') %>
<% const c = it.page.current; %>
<section aria-labelledby="contract">
<h2 id="contract">物业服务合同</h2>
<% if (!c) { %><p>本系统尚无生效的物业服务合同。</p><% } else { %>
<dl class="facts">
<dt>物业服务企业</dt><dd><%= c.firm %>（统一社会信用代码 <%= c.creditCode %>）</dd>
<dt>合同状态</dt><dd><%= c.status %></dd>
<dt>收费标准</dt><dd data-fee="<%= c.fee %>">每月每平方米 <%= c.fee %> 元</dd>
<% if (c.term) { %><dt>合同期限</dt><dd><%= c.term.startsOn %> 至 <%= c.term.lastDay %>（<%= c.termMonths %> 个月一期）</dd><% } %>
<dt>服务范围</dt><dd><%= c.scope %></dd>
<dt>服务标准</dt><dd><%= c.standards %></dd>
<dt>人员配置</dt><dd><%= c.staffing %> 人</dd>
<% if (c.promises.length) { %><dt>服务承诺</dt><dd><%= c.promises.join('；') %></dd><% } %>
<dt>保留的物业费</dt><dd><%= c.holdBackPercent %>%，本期合计 <%= c.heldBackTotal %> 元；已返还 <%= c.heldBackSoFar.released %> 元，扣留 <%= c.heldBackSoFar.withheld %> 元（湖州条例第三十四条）</dd>
<dt>返还规则</dt><dd><%= c.scoreRule.fullAt %> 分以上全额，<%= c.scoreRule.noneBelow %> 分以下不返还，其间按得分比例；低于 <%= c.yellowLine %> 分出示黄牌</dd>
<dt>交接期限</dt><dd><%= c.handoverDays %></dd>
<dt>项目负责人报到</dt><dd><%= c.managerReported ? it.fmt(c.managerReported) : '未报到' %>（京条例第六十六条）</dd>
</dl>
<% for (const n of c.notices) { %><p><%= n %></p><% } %>
<% if (c.feeChanges.length) { %><p>收费标准调整：<% for (const f of c.feeChanges) { %><%= f.previousFee %> → <%= f.fee %> 元（自 <%= f.effectiveFrom %> 起）；<% } %></p><% } %>

<h3 id="assessments">季度考核与保留物业费</h3>
<table>
<thead><tr><th scope="col">期</th><th scope="col">起止</th><th scope="col" class="num">得分</th><th scope="col" class="num">保留（元）</th><th scope="col" class="num">返还（元）</th><th scope="col" class="num">扣留（元）</th></tr></thead>
<tbody>
<% for (const a of c.assessments) { %>
<tr data-period="<%= a.period %>"><td><%= a.period %></td><td><%= a.from %> 至 <%= a.to %></td><td class="num"><%= a.score === null ? '—' : a.score %><%= a.score !== null && !a.confirmed ? '（待居委会确认）' : '' %></td><td class="num"><%= a.heldBack %></td><td class="num"><%= a.released ?? '—' %></td><td class="num"><%= a.withheld ?? '—' %></td></tr>
<% } %>
</tbody>
</table>
<% if (c.yellowCards.length || c.redCards.length) { %>
<ul>
<% for (const y of c.yellowCards) { %><li class="no">黄牌：第 <%= y.period %> 期 <%= y.score %> 分，限 <%= it.fmt(y.rectifyBy) %> 前整改<%= y.rectifiedAt ? '（已报告整改）' : '' %></li><% } %>
<% for (const r of c.redCards) { %><li class="no">红牌：第 <%= r.year %> 合同年度第 <%= r.periods.join('、') %> 期共三张黄牌</li><% } %>
</ul>
<% } %>

<h3 id="complaints">投诉处理（杭条例第五十条：十日内答复）</h3>
<p>共 <%= c.complaints.filed %> 件，已答复 <%= c.complaints.answered %> 件，逾期答复 <%= c.complaints.late %> 件，逾期未答复 <span class="<%= c.complaints.overdue ? 'overdue' : '' %>"><%= c.complaints.overdue %></span> 件。</p>
<% if (c.complaints.rows.length) { %>
<table>
<thead><tr><th scope="col">收到</th><th scope="col">答复期限</th><th scope="col" class="num">答复用时（日）</th></tr></thead>
<tbody>
<% for (const x of c.complaints.rows) { %><tr><td><%= it.fmt(x.filedAt) %></td><td><%= it.fmt(x.answerDueBy) %></td><td class="num <%= x.overdue || x.late ? 'overdue' : '' %>"><%= x.responseDays === null ? (x.overdue ? '逾期未答复' : '待答复') : x.responseDays %></td></tr><% } %>
</tbody>
</table>
<% } %>

<h3 id="disclosures">物业服务企业公开的信息（民法典第九百四十三条）</h3>
<% if (c.disclosures.length === 0) { %><p>尚无公开记录。</p><% } %>
<ul>
<% for (const d of c.disclosures) { %><li>第 <%= d.period %> 期：<%= d.kinds %>（<%= it.fmt(d.filedAt) %>）</li><% } %>
</ul>
<% if (c.missingDisclosures.length) { %><p class="overdue">已届满未公开：第 <%= c.missingDisclosures.join('、') %> 期</p><% } %>

<% if (c.ended) { %>
<h3 id="handover">交接（民法典第九百四十九条）</h3>
<p>服务于 <%= it.fmt(c.ended.endedAt) %> 终止（<%= c.ended.reason %>），交接期限 <%= it.fmt(c.ended.handoverDueBy) %>（<%= c.ended.article %>）。<%= c.servingUntilTakeover ? '新物业服务企业接管前，原企业继续处理物业服务事项（民法典第九百五十条）。' : '' %></p>
<ul>
<% for (const h of c.handover) { %><li><%= h.item %>：<%= h.confirmedAt ? '已移交 ' + it.fmt(h.confirmedAt) : '' %><% if (!h.confirmedAt) { %><span class="<%= h.overdue ? 'overdue' : '' %>"><%= h.overdue ? '逾期未移交' : '待移交' %></span><% } %></li><% } %>
</ul>
<% } %>
<% } %>
</section>

<section aria-labelledby="adjustments">
<h2 id="adjustments">收费标准调整（杭条例第五十三条）</h2>
<% if (it.page.adjustments.length === 0) { %><p>暂无调整方案。</p><% } %>
<ul class="cards">
<% for (const a of it.page.adjustments) { %>
<li>
<p><strong><%= a.from %> → <%= a.to %> 元/平方米·月</strong> <span class="tag"><%= a.status %></span></p>
<p class="meta">审计报告：<%= a.auditReportRef %> · 调整范围：<%= a.range %></p>
<p><%= a.reasons %></p>
<% if (a.postedUntil) { %><p class="meta">公示至 <%= it.fmt(a.postedUntil) %><%= a.postingRunning ? '（公示中）' : '' %></p><% } %>
<% if (a.motionId) { %><p class="meta"><a href="/board/<%= encodeURIComponent(it.compoundId) %>/motions/<%= encodeURIComponent(a.motionId) %>">业主大会表决</a></p><% } %>
</li>
<% } %>
</ul>
</section>

<section aria-labelledby="surveys">
<h2 id="surveys">业主满意度测评</h2>
<% if (it.page.surveys.length === 0) { %><p>暂无测评。</p><% } %>
<% for (const s of it.page.surveys) { %>
<h3><%= s.title %> <span class="tag"><%= s.status %></span></h3>
<p class="meta">截止 <%= it.fmt(s.closesAt) %> · 参与 <%= s.respondents.headcount %> / <%= s.eligible.headcount %> 人（<%= s.participation.headcountPercent %>%），面积 <%= s.respondents.area %> / <%= s.eligible.area %> m²（<%= s.participation.areaPercent %>%）。测评不设法定门槛。</p>
<% for (const q of s.questions) { %>
<figure class="bar" data-survey="<%= s.surveyId %>">
<figcaption><span><%= q.text %>：满意（4–5 分）面积</span><span><%= q.satisfied.area %> / <%= q.answered.area %> m²（<%= q.areaBar.percent %>）</span></figcaption>
<svg class="bar" role="img" aria-label="<%= q.text %> 满意面积 <%= q.areaBar.percent %>" viewBox="0 0 10000 10" preserveAspectRatio="none"><rect class="track" x="0" y="0" width="10000" height="10"></rect><rect class="fill" x="0" y="0" width="<%= q.areaBar.width %>" height="10"></rect></svg>
</figure>
<figure class="bar">
<figcaption><span><%= q.text %>：满意人数</span><span><%= q.satisfied.headcount %> / <%= q.answered.headcount %> 人（<%= q.headBar.percent %>）</span></figcaption>
<svg class="bar" role="img" aria-label="<%= q.text %> 满意人数 <%= q.headBar.percent %>" viewBox="0 0 10000 10" preserveAspectRatio="none"><rect class="track" x="0" y="0" width="10000" height="10"></rect><rect class="fill" x="0" y="0" width="<%= q.headBar.width %>" height="10"></rect></svg>
</figure>
<% } %>
<% } %>
</section>

<section aria-labelledby="history">
<h2 id="history">招标与合同历史</h2>
<% for (const t of it.page.tenders) { %>
<h3><%= t.title %></h3>
<p class="meta">最高限价 <%= t.feeCeiling %> 元/平方米·月 · 投标截止 <%= it.fmt(t.bidDeadline) %> · 投标 <%= t.bidCount %> 份<% if (t.motionId) { %> · <a href="/board/<%= encodeURIComponent(it.compoundId) %>/motions/<%= encodeURIComponent(t.motionId) %>">业主大会表决</a><% } %></p>
<% if (t.sealed) { %><p>投标截止前，投标内容密封，不予公开。</p><% } else { %>
<table>
<thead><tr><th scope="col">投标人</th><th scope="col" class="num">报价（元/平方米·月）</th><th scope="col" class="num">人员</th><th scope="col">状态</th><th scope="col" class="num">平均得分</th></tr></thead>
<tbody>
<% for (const b of t.bids) { %><tr><td><%= b.firm %></td><td class="num"><%= b.fee ?? '—' %></td><td class="num"><%= b.staffing ?? '—' %></td><td><%= b.status %></td><td class="num"><%= b.average ?? '—' %></td></tr><% } %>
</tbody>
</table>
<% } %>
<% } %>
<% if (it.page.history.length) { %>
<h3>以往合同</h3>
<ul>
<% for (const h of it.page.history) { %><li><%= h.firm %>：<%= h.status %><%= h.ended ? '（' + h.ended.reason + '）' : '' %>，收费标准 <%= h.fee %> 元</li><% } %>
</ul>
<% } %>
</section>`;
