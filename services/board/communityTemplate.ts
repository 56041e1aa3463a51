/** The three parties' page (projections/board/communityPage.ts), an Eta template (escaping on; see templates.ts). */
export const COMMUNITY = `<% layout('@layout') %>
<% const p = it.page; %>
<section aria-labelledby="meetings">
<h2 id="meetings">联席会议（三方联动）</h2>
<% if (p.meetings.length === 0) { %><p>暂无联席会议。</p><% } %>
<ul class="cards">
<% for (const m of p.meetings) { %>
<li data-meeting="<%= m.meetingId %>">
<p><strong><%= it.fmt(m.heldAt) %></strong> · 召集：<%= m.convener %></p>
<% if (m.present) { %><p class="meta">出席：<%= m.present %></p><% } %>
<% if (m.agenda.length) { %><p class="meta">议题：<%= m.agenda.join('；') %></p><% } %>
<% for (const r of m.resolutions) { %>
<p>议定事项：<%= r.text %> <span class="meta">（<%= r.agreedBy %> 同意）</span></p>
<% if (r.tasks.length) { %>
<table>
<thead><tr><th scope="col">承办方</th><th scope="col">任务</th><th scope="col">期限</th><th scope="col">状态</th></tr></thead>
<tbody>
<% for (const t of r.tasks) { %><tr><td><%= t.party %></td><td><%= t.description %></td><td><%= it.fmt(t.dueAt) %></td><td class="<%= t.overdue ? 'overdue' : '' %>"><%= t.text %><%= t.satisfaction ? '，满意度 ' + t.satisfaction + '/5' : '' %></td></tr><% } %>
</tbody>
</table>
<% } %>
<% } %>
<p class="meta">结果公布期限 <%= it.fmt(m.resultsDueBy) %>：<span class="<%= m.resultsOverdue ? 'overdue' : '' %>"><%= m.results %></span>（沪居委条例第二十三条）</p>
</li>
<% } %>
</ul>
</section>

<section aria-labelledby="requests">
<h2 id="requests">居民诉求办理</h2>
<p>共 <%= p.requests.total %> 件：<% for (const c of p.requests.counts) { %><%= c.status %> <%= c.count %> 件；<% } %>逾期 <span class="<%= p.requests.overdue ? 'overdue' : '' %>"><%= p.requests.overdue %></span> 件。</p>
<% if (p.requests.rows.length) { %>
<table>
<thead><tr><th scope="col">类别</th><th scope="col">楼栋</th><th scope="col">提出</th><th scope="col">承办方</th><th scope="col">期限</th><th scope="col">状态</th></tr></thead>
<tbody>
<% for (const r of p.requests.rows) { %><tr><td><%= r.category %></td><td><%= r.building ?? '—' %></td><td><%= it.fmt(r.raisedAt) %></td><td><%= r.party ?? '—' %></td><td><%= r.dueAt ? it.fmt(r.dueAt) : '—' %></td><td class="<%= r.overdue ? 'overdue' : '' %>"><%= r.status %><%= r.overdue ? '（逾期）' : r.onTime === false ? '（逾期办结）' : '' %></td></tr><% } %>
</tbody>
</table>
<% } %>
<h3>各方近 90 日评分</h3>
<p class="meta">评分 = 30 × 24 小时内响应率 + 40 × 按期办结率 + 30 × (平均满意度 − 1) ÷ 4；<%= it.fmt(p.scores.from) %> 至 <%= it.fmt(p.scores.to) %>。</p>
<% if (p.scores.rows.length === 0) { %><p>期间内无派单。</p><% } else { %>
<table>
<thead><tr><th scope="col">承办方</th><th scope="col" class="num">派单</th><th scope="col" class="num">24 小时内响应</th><th scope="col" class="num">按期办结</th><th scope="col" class="num">评分</th></tr></thead>
<tbody>
<% for (const s of p.scores.rows) { %><tr><td><%= s.party %></td><td class="num"><%= s.dispatched %></td><td class="num"><%= s.answeredInTime %></td><td class="num"><%= s.completedOnTime %></td><td class="num"><%= s.score %></td></tr><% } %>
</tbody>
</table>
<% } %>
</section>

<section aria-labelledby="disputes">
<h2 id="disputes">纠纷调解统计</h2>
<p>共 <%= p.disputes.total %> 件，办理中 <%= p.disputes.open %> 件。不公开当事人。</p>
<% if (p.disputes.byCategory.length) { %>
<table>
<thead><tr><th scope="col">类别</th><% for (const s of p.disputes.statuses) { %><th scope="col" class="num"><%= s %></th><% } %></tr></thead>
<tbody>
<% for (const c of p.disputes.byCategory) { %><tr><td><%= c.category %></td><% for (const n of c.counts) { %><td class="num"><%= n.count %></td><% } %></tr><% } %>
</tbody>
</table>
<% } %>
</section>

<section aria-labelledby="residents">
<h2 id="residents">居民会议</h2>
<% if (p.residentsMeetings.length === 0) { %><p>暂无居民会议。</p><% } %>
<ul class="cards">
<% for (const m of p.residentsMeetings) { %>
<li>
<p><strong><%= m.kind %></strong> · <%= it.fmt(m.heldAt) %> · 应到 <%= m.size %>，实到 <%= m.present ?? '—' %></p>
<% for (const i of m.items) { %>
<p><%= i.title %>：<% if (i.decision) { %><strong class="<%= i.decision.adopted ? 'ok' : 'no' %>"><%= i.decision.outcome %></strong> <span class="meta">赞成 <%= i.decision.inFavour %>，反对 <%= i.decision.against %>，弃权 <%= i.decision.abstain %>（<%= i.decision.rule %>）</span><% } else { %><span class="meta">未表决</span><% } %></p>
<% } %>
</li>
<% } %>
</ul>
</section>`;
