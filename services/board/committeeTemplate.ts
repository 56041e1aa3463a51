/**
 * The committee's page (projections/board/committeePage.ts), an Eta template like the others (escaping on; see
 * templates.ts). Names appear only in the lists the law has posted (the members with their posts, the
 * preparatory group, the candidates and those elected); elsewhere posts and counts.
 */
export const COMMITTEE = `<% layout('@layout') %>
<% const p = it.page; %>
<% if (!p) { %>
<p>本小区尚未成立业主大会筹备组，也没有业主委员会的记录。</p>
<% } else { %>
<% const c = p.committee; %>
<% if (c && c.freeze) { %>
<p class="asof" role="status" data-freeze="yes">换届期间：选聘或解聘物业服务企业、调整收费标准、重大维修等事项暂停决定（<%= c.freeze %>）</p>
<% } %>
<section aria-labelledby="committee">
<h2 id="committee">业主委员会</h2>
<% if (!c) { %><p>尚未选举产生业主委员会。</p><% } else { %>
<dl class="facts">
<dt>任期</dt><dd><%= it.fmt(c.electedAt) %> 至 <%= it.fmt(c.termEndsAt) %></dd>
<dt>委员</dt><dd><%= c.serving %> 人在任，共 <%= c.seats %> 席<%= c.byElectionSeats ? '，待补选 ' + c.byElectionSeats + ' 席' : '' %></dd>
<dt>主任、副主任</dt><dd><% if (c.officers) { %>推选于 <%= it.fmt(c.officers.chosenAt) %><%= c.officers.late ? '（逾期）' : '' %><% } else { %>尚未推选<%= c.firstMeetingDueBy ? '，首次会议应于 ' + it.fmt(c.firstMeetingDueBy) + ' 前召开' : '' %><% } %>（京条例第四十二条；指导规则第三十二条）</dd>
<dt>备案</dt><dd data-filing="<%= c.filing.filed ? 'filed' : 'pending' %>"><% if (c.filing.filed) { %>已向<%= c.filing.authority %>备案（<%= it.fmt(c.filing.filedAt) %>，<%= c.filing.certificateRef %>）<%= c.filing.late ? '，逾期' : '' %><% } else { %>尚未备案<%= c.filing.dueBy ? '，期限 ' + it.fmt(c.filing.dueBy) : '' %><% } %>（物业管理条例第十六条）</dd>
<dt>换届</dt><dd><% if (c.reelection.reported) { %>已于 <%= it.fmt(c.reelection.reported.at) %> 报告<%= c.reelection.reported.late ? '（逾期）' : '' %><% } else { %>应于 <%= it.fmt(c.reelectionReportDueBy) %> 前报告街道办事处<% } %><% if (c.reelection.group) { %>；换届小组成立于 <%= it.fmt(c.reelection.group.formedAt) %>，<%= c.reelection.group.size %> 人（<%= c.reelection.group.kinds %>）<% } %><% if (c.reelection.handoverDueBy) { %>；移交期限 <%= it.fmt(c.reelection.handoverDueBy) %><% } %></dd>
<% if (c.earlyReelection) { %><dt>提前换届</dt><dd class="overdue">应于 <%= it.fmt(c.earlyReelection.dueBy) %> 前提前换届</dd><% } %>
</dl>
<h3>委员名单（京条例第四十二条：公示主任、副主任和其他委员的名单）</h3>
<table>
<thead><tr><th scope="col">职务</th><th scope="col">姓名</th><th scope="col">房屋</th></tr></thead>
<tbody>
<% for (const m of c.members) { %><tr data-post="<%= m.post %>"><td><%= m.post %></td><td><%= m.name %></td><td><%= m.units.join('、') %></td></tr><% } %>
</tbody>
</table>
<% if (c.ended.length) { %>
<ul>
<% for (const e of c.ended) { %><li><%= e.post %>：<%= e.reason %>（<%= it.fmt(e.at) %>）</li><% } %>
</ul>
<% } %>
<% if (c.absences.length) { %>
<p class="meta">累计缺席：<% for (const a of c.absences) { %><%= a.post %> 缺席 <%= a.absences %> / <%= a.meetings %> 次；<% } %>（沪规定第三十一条；京条例第四十六条）</p>
<% } %>
<% if (c.handover) { %><p>移交：<%= it.fmt(c.handover.at) %> 向 <%= c.handover.to %> 移交 <%= c.handover.items.join('、') %><%= c.handover.late ? '（逾期）' : '' %></p><% } %>
<% } %>
<% for (const t of p.pastTerms) { %>
<p class="meta">上届任期至 <%= it.fmt(t.termEndsAt) %>：<% if (t.handover) { %><%= it.fmt(t.handover.at) %> 向 <%= t.handover.to %> 移交 <%= t.handover.items.join('、') %><%= t.handover.late ? '（逾期）' : '' %><% } else { %><span class="<%= t.handoverDueBy ? 'overdue' : '' %>">尚未移交<%= t.handoverDueBy ? '，期限 ' + it.fmt(t.handoverDueBy) : '' %></span><% } %></p>
<% } %>
</section>

<section aria-labelledby="preparatory">
<h2 id="preparatory"><%= p.preparatory.body %></h2>
<p class="meta">成立于 <%= it.fmt(p.preparatory.formedAt) %><%= p.preparatory.leader ? '，组长为' + p.preparatory.leader : '' %> · 名单<%= p.preparatory.listPostedAt ? '公示于 ' + it.fmt(p.preparatory.listPostedAt) : (p.preparatory.listPostingDueBy ? '应于 ' + it.fmt(p.preparatory.listPostingDueBy) + ' 前公示' : '') %><%= p.preparatory.firstAssemblyDueBy ? ' · 首次业主大会会议期限 ' + it.fmt(p.preparatory.firstAssemblyDueBy) : '' %></p>
<table>
<thead><tr><th scope="col">姓名</th><th scope="col">身份</th><th scope="col">房屋</th></tr></thead>
<tbody>
<% for (const m of p.preparatory.members) { %><tr><td><%= m.name %><%= m.leader ? '（组长）' : '' %></td><td><%= m.kind %></td><td><%= m.unitId ?? '' %></td></tr><% } %>
</tbody>
</table>
<p class="meta">名单依京条例第三十一条、指导规则第十至十二条公示。</p>
</section>

<section aria-labelledby="elections">
<h2 id="elections">选举</h2>
<% if (p.elections.length === 0) { %><p>暂无选举。</p><% } %>
<ul class="cards">
<% for (const e of p.elections) { %>
<li data-election="<%= e.electionId %>">
<p><strong><%= e.kind %></strong> <span class="tag"><%= e.status %></span></p>
<p class="meta"><%= e.seats %> 席，任期 <%= e.termYears %> 年 · 启动 <%= it.fmt(e.openedAt) %><% if (e.posting) { %> · 候选人名单公示于 <%= it.fmt(e.posting.postedAt) %>，<%= it.fmt(e.posting.votingMayOpenAt) %> 起可以投票<% } %><% if (e.motionId) { %> · <a href="/board/<%= encodeURIComponent(it.compoundId) %>/motions/<%= encodeURIComponent(e.motionId) %>">表决详情</a><% } %></p>
<% if (e.candidates.length) { %>
<table>
<thead><tr><th scope="col">候选人</th><th scope="col">房屋</th><th scope="col">产生方式</th><th scope="col">资格</th></tr></thead>
<tbody>
<% for (const x of e.candidates) { %><tr><td><%= x.name %></td><td><%= x.units.join('、') %></td><td><%= x.route %></td><td class="<%= x.eligible ? '' : 'no' %>"><%= x.eligible ? '符合' : '不符合（' + x.unmet + ' 项条件未满足）' %><%= x.vetting.length ? '；' + x.vetting.join('，') : '' %></td></tr><% } %>
</tbody>
</table>
<% } %>
<% if (e.result) { %><p data-result="yes">当选：<strong><%= e.result.elected.join('、') || '无' %></strong><%= e.result.unfilledSeats ? '（空缺 ' + e.result.unfilledSeats + ' 席）' : '' %> · <%= it.fmt(e.result.decidedAt) %></p><% } %>
</li>
<% } %>
</ul>
</section>

<section aria-labelledby="removals">
<h2 id="removals">罢免</h2>
<% if (p.removals.length === 0) { %><p>暂无罢免提议。</p><% } %>
<ul class="cards">
<% for (const r of p.removals) { %>
<li>
<p><strong>罢免<%= r.post %>的提议</strong> <span class="tag"><%= r.outcome ?? (r.motionId ? '提交业主大会表决' : '申辩期') %></span></p>
<p class="meta"><%= r.proposer %> · <%= it.fmt(r.proposedAt) %> · 申辩期限 <%= it.fmt(r.answerBy) %><%= r.answered ? '（已于 ' + it.fmt(r.answered) + ' 申辩）' : '' %><% if (r.motionId) { %> · <a href="/board/<%= encodeURIComponent(it.compoundId) %>/motions/<%= encodeURIComponent(r.motionId) %>">表决详情</a><% } %></p>
<p>理由：<%= r.grounds %></p>
</li>
<% } %>
</ul>
</section>

<section aria-labelledby="meetings">
<h2 id="meetings">业主委员会会议</h2>
<% if (p.notices.length || p.demands.length) { %>
<h3>会议通知与提议</h3>
<ul>
<% for (const n of p.notices) { %><li data-notice="yes"><%= it.fmt(n.heldAt) %> 召开会议（<%= it.fmt(n.convenedAt) %> 通知<%= n.demanded ? '，应委员提议召开' : '' %>）：<%= n.agenda.join('；') %></li><% } %>
<% for (const d of p.demands) { %><li><%= d.members %> 名委员于 <%= it.fmt(d.demandedAt) %> 提议召开会议：<%= d.agenda %>；应于 <%= it.fmt(d.holdBy) %> 前召开<%= d.heldAt ? '，已于 ' + it.fmt(d.heldAt) + ' 召开' : '' %>（指导规则第三十七条）</li><% } %>
</ul>
<% } %>
<% if (p.meetings.length === 0) { %><p>暂无会议记录。</p><% } %>
<% for (const m of p.meetings) { %>
<h3><%= it.fmt(m.heldAt) %> 会议</h3>
<p class="meta">出席 <%= m.present %> / <%= m.members %> 人，<%= m.quorumMet ? '过半数出席' : '未过半数出席' %> · <% if (m.published) { %>决定公示于 <%= it.fmt(m.published.publishedAt) %><%= m.published.late ? '（逾期）' : '' %><% } else { %><span>决定应于 <%= it.fmt(m.publicationDueBy) %> 前公示</span><% } %></p>
<% if (m.items.length) { %>
<table>
<thead><tr><th scope="col">议题</th><th scope="col" class="num">签字同意</th><th scope="col">结果</th></tr></thead>
<tbody>
<% for (const i of m.items) { %><tr><td><%= i.title %></td><td class="num"><%= i.inFavour %> / <%= m.members %></td><td class="<%= i.adopted ? 'ok' : 'no' %>"><%= i.adopted ? '通过' : '未通过' %></td></tr><% } %>
</tbody>
</table>
<% } %>
<% } %>
<p class="meta">决定须经全体委员过半数签字（指导规则第三十八条），作出之日起三日内公示（指导规则第三十九条）。</p>
</section>

<% if (c && c.sealUses.length) { %>
<section aria-labelledby="seal">
<h2 id="seal">印章使用</h2>
<table>
<thead><tr><th scope="col">时间</th><th scope="col">用途</th><th scope="col">文件</th><th scope="col" class="num">签字委员</th></tr></thead>
<tbody>
<% for (const u of c.sealUses) { %><tr><td><%= it.fmt(u.usedAt) %></td><td><%= u.purpose %></td><td><%= u.documentRef %></td><td class="num"><%= u.signatures %> / <%= c.serving %></td></tr><% } %>
</tbody>
</table>
<p class="meta">京条例第四十三条：使用印章须经半数以上委员签字。</p>
</section>
<% } %>

<section aria-labelledby="deadlines">
<h2 id="deadlines">期限</h2>
<% if (it.deadlines.length === 0) { %><p>暂无未完成的期限。</p><% } else { %>
<table>
<thead><tr><th scope="col">事项</th><th scope="col">期限</th><th scope="col">状态</th><th scope="col">依据</th></tr></thead>
<tbody>
<% for (const d of it.deadlines) { %><tr><td><%= d.kindLabel %></td><td><%= it.fmt(d.dueAt) %></td><td class="<%= d.status === 'overdue' ? 'overdue' : '' %>"><%= d.statusLabel %></td><td><%= d.article %></td></tr><% } %>
</tbody>
</table>
<% } %>
</section>
<% } %>`;
