/**
 * The notice board's templates (Eta, escaping on by default: `<%= %>` escapes, and no template uses the raw
 * `<%~ %>` except to place an already rendered body or partial). Kept in code, so they ship with the build.
 * Mobile-first, semantic HTML, no JavaScript: forms are plain links and the charts are inline SVG.
 */
export const LAYOUT = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><%= it.title %> · 公示栏</title>
<style>
:root { --fg: #1b1b1b; --muted: #5c5c5c; --line: #d0d0d0; --ok: #1f7a3a; --no: #a32020; --bar: #2f6fb3; --track: #e8eef5; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: var(--fg); background: #fff; }
header, main, footer { max-width: 46rem; margin: 0 auto; padding: 0.75rem 1rem; }
header { border-bottom: 2px solid var(--fg); }
header p { margin: 0.2rem 0; color: var(--muted); font-size: 0.9rem; }
h1 { font-size: 1.35rem; margin: 0.2rem 0; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; border-left: 4px solid var(--bar); padding-left: 0.5rem; }
h3 { font-size: 1rem; margin: 1rem 0 0.3rem; }
a { color: #0b57a4; }
.asof { background: #fff4d6; border: 1px solid #e0b84c; padding: 0.5rem 0.75rem; font-weight: 600; }
ul.cards { list-style: none; padding: 0; margin: 0; }
ul.cards > li { border: 1px solid var(--line); border-radius: 6px; padding: 0.6rem 0.75rem; margin: 0 0 0.6rem; }
.meta { color: var(--muted); font-size: 0.85rem; }
.tag { display: inline-block; font-size: 0.8rem; padding: 0 0.4rem; border-radius: 3px; background: #eef; margin-right: 0.3rem; }
.ok { color: var(--ok); } .no { color: var(--no); }
.overdue { color: var(--no); font-weight: 600; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 0.75rem; margin: 0; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
figure.bar { margin: 0.4rem 0 0.8rem; }
figure.bar figcaption { font-size: 0.9rem; display: flex; justify-content: space-between; gap: 0.5rem; flex-wrap: wrap; }
svg.bar { display: block; width: 100%; height: 1.5rem; }
svg.bar .track { fill: var(--track); }
svg.bar .fill { fill: var(--bar); }
svg.bar .fill.met { fill: var(--ok); }
svg.bar .threshold { stroke: var(--no); stroke-width: 2; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; padding: 0.3rem 0.4rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
ol.checklist { padding-left: 1.2rem; }
ol.checklist li { margin-bottom: 0.4rem; }
footer { color: var(--muted); font-size: 0.8rem; border-top: 1px solid var(--line); margin-top: 2rem; word-break: break-all; }
</style>
</head>
<body>
<header>
<p><a href="/board/<%= encodeURIComponent(it.compoundId) %>">公示栏</a> · <%= it.compoundName %></p>
<h1><%= it.title %></h1>
<% if (it.asOfText) { %><p class="asof" role="status">截至 <%= it.asOfText %> 的公示内容（历史视图）</p><% } %>
</header>
<main>
<%~ it.body %>
</main>
<footer>
<p>本页由服务器根据不可篡改的事件日志生成，生成时间 <%= it.fmt(it.generatedAt) %>（北京时间）。<% if (it.visibility) { %><%= it.visibility %><% } %></p>
<% if (it.logHead) { %><p>日志签名树头：共 <%= it.logHead.treeSize %> 条事件，根哈希 <code><%= it.logHead.rootHash %></code>，密钥 <code><%= it.logHead.keyId %></code>（公钥见 /v1/keys）</p><% } %>
</footer>
</body>
</html>`;

/** One bar: the base is the SVG's user space, so the fill's width is the exact figure (projections/board/bars.ts). */
export const BAR = `<figure class="bar">
<figcaption><span><%= it.caption %></span><span><%= it.figure %> / <%= it.baseFigure %>（<%= it.bar.percent %>）<% if (it.bar.met) { %><strong class="ok">已达到</strong><% } else { %><strong class="no">未达到</strong><% } %></span></figcaption>
<svg class="bar" role="img" aria-label="<%= it.caption %>：<%= it.bar.percent %>，门槛 <%= it.bar.thresholdLabel %>" viewBox="0 0 <%= it.bar.base %> 10" preserveAspectRatio="none" data-axis="<%= it.bar.axis %>" data-kind="<%= it.kind %>">
<rect class="track" x="0" y="0" width="<%= it.bar.base %>" height="10"></rect>
<rect class="fill<%= it.bar.met ? ' met' : '' %>" x="0" y="0" width="<%= it.bar.value %>" height="10" data-value="<%= it.bar.value %>" data-base="<%= it.bar.base %>"></rect>
<line class="threshold" x1="<%= it.bar.thresholdX %>" x2="<%= it.bar.thresholdX %>" y1="0" y2="10" vector-effect="non-scaling-stroke"></line>
</svg>
</figure>`;

export const INDEX = `<% layout('@layout') %>
<section aria-labelledby="compound">
<h2 id="compound">小区</h2>
<dl class="facts">
<dt>名称</dt><dd><%= it.compoundName %></dd>
<dt>地址</dt><dd><%= it.address %></dd>
<dt>专有部分</dt><dd><%= it.unitCount %> 套，<%= it.buildingCount %> 栋</dd>
<dt>物业服务</dt><dd><a href="/board/<%= encodeURIComponent(it.compoundId) %>/firm">物业服务企业、合同与考核</a></dd>
<dt>三方联动</dt><dd><a href="/board/<%= encodeURIComponent(it.compoundId) %>/community">联席会议、居民诉求、纠纷调解与居民会议</a></dd>
<dt>维修资金</dt><dd><a href="/board/<%= encodeURIComponent(it.compoundId) %>/funds">专项维修资金与公共收益</a></dd>
<dt>业主委员会</dt><dd><a href="/board/<%= encodeURIComponent(it.compoundId) %>/committee">业主委员会、筹备组、选举与会议</a></dd>
</dl>
</section>

<section aria-labelledby="motions">
<h2 id="motions">表决事项</h2>
<% if (it.motions.length === 0) { %><p>暂无表决事项。</p><% } %>
<ul class="cards">
<% for (const m of it.motions) { %>
<li>
<h3><a href="/board/<%= encodeURIComponent(it.compoundId) %>/motions/<%= encodeURIComponent(m.motionId) %>"><%= m.title %></a></h3>
<p><span class="tag"><%= m.statusLabel %></span><span class="tag"><%= m.phaseLabel %></span></p>
<p class="meta"><%= m.matterLabel %> · 投票 <%= it.fmt(m.opensAt) %> 至 <%= it.fmt(m.closesAt) %></p>
</li>
<% } %>
</ul>
</section>

<section aria-labelledby="decisions">
<h2 id="decisions">业主大会决定</h2>
<% if (it.decisions.length === 0) { %><p>暂无决定。</p><% } %>
<ul class="cards">
<% for (const d of it.decisions) { %>
<li>
<p><strong><%= d.adopted %></strong></p>
<p class="meta"><%= d.matterLabel %> · <%= it.fmt(d.decidedAt) %> · <a href="/board/<%= encodeURIComponent(it.compoundId) %>/motions/<%= encodeURIComponent(d.motionId) %>">表决详情</a></p>
<% if (d.revoked) { %><p class="no">已撤销：<%= d.revoked %></p><% } %>
</li>
<% } %>
</ul>
</section>

<section aria-labelledby="deadlines">
<h2 id="deadlines">期限：未到期与已逾期</h2>
<% if (it.deadlines.length === 0) { %><p>暂无未完成的期限。</p><% } else { %>
<table>
<thead><tr><th scope="col">事项</th><th scope="col">期限</th><th scope="col">状态</th><th scope="col">依据</th></tr></thead>
<tbody>
<% for (const d of it.deadlines) { %>
<tr><td><%= d.kindLabel %></td><td><%= it.fmt(d.dueAt) %></td><td class="<%= d.status === 'overdue' ? 'overdue' : '' %>"><%= d.statusLabel %></td><td><%= d.article %></td></tr>
<% } %>
</tbody>
</table>
<% } %>
</section>

<section aria-labelledby="art13">
<h2 id="art13">应当向业主公开的情况和资料（区分所有权解释第十三条）</h2>
<ol class="checklist">
<% for (const c of it.checklist) { %>
<li data-item="<%= c.item %>" data-published="<%= c.published ? 'yes' : 'no' %>">
<% if (c.published) { %><strong class="ok">已公开</strong><% } else { %><strong class="no">未公开</strong><% } %>
<%= c.label %>
<br><span class="meta"><%= c.note %><% if (c.href) { %> · <a href="<%= c.href %>">查看</a><% } %> · <%= c.article %></span>
</li>
<% } %>
</ol>
</section>`;

export const MOTION = `<% layout('@layout') %>
<% const p = it.page; %>
<section aria-labelledby="about">
<h2 id="about">事项</h2>
<p><span class="tag"><%= p.statusLabel %></span><span class="tag"><%= p.phaseLabel %></span></p>
<dl class="facts">
<dt>事项类别</dt><dd><%= p.matterLabel %></dd>
<dt>表决范围</dt><dd><%= p.scopeLabel %></dd>
<dt>表决规则</dt><dd><%= p.ruleLabel %>（<%= p.basisLabel %>）</dd>
<% for (const d of p.dates) { %><dt><%= d.label %></dt><dd><%= it.fmt(d.at) %></dd><% } %>
</dl>
<% if (p.description) { %><p><%= p.description %></p><% } %>
<% if (p.cancelReason) { %><p class="no">撤回理由：<%= p.cancelReason %></p><% } %>
</section>

<section aria-labelledby="result">
<h2 id="result">计票</h2>
<p><strong id="outcome"><%= p.outcome %></strong></p>
<% if (p.live) { %>
<h3><%= p.quorum.thresholdText %></h3>
<%~ include('@bar', { kind: 'quorum', caption: '参与表决的专有部分面积', bar: p.quorum.area, figure: p.participating.area + ' m²', baseFigure: p.eligible.area + ' m²' }) %>
<%~ include('@bar', { kind: 'quorum', caption: '参与表决的人数', bar: p.quorum.heads, figure: p.participating.headcount + ' 人', baseFigure: p.eligible.headcount + ' 人' }) %>
<% if (p.passage) { %>
<h3><%= p.passage.thresholdText %></h3>
<%~ include('@bar', { kind: 'passage', caption: '同意的专有部分面积', bar: p.passage.area, figure: p.counts[0].figures.area + ' m²', baseFigure: p.passageBase.area + ' m²' }) %>
<%~ include('@bar', { kind: 'passage', caption: '同意的人数', bar: p.passage.heads, figure: p.counts[0].figures.headcount + ' 人', baseFigure: p.passageBase.headcount + ' 人' }) %>
<% } %>
<% if (p.rowsTitle) { %>
<h3><%= p.rowsTitle %></h3>
<ul class="cards">
<% for (const r of p.rows) { %>
<li data-row="<%= r.id %>">
<p><strong><%= r.label %></strong><% if (r.won === true) { %> <span class="ok"><%= p.form === 'elect' ? '当选' : '采纳' %></span><% } else if (r.won === false) { %> <span class="meta"><%= p.form === 'elect' ? '未当选' : '未采纳' %></span><% } %><% if (r.rank !== null) { %> <span class="meta">第 <%= r.rank %> 名</span><% } %></p>
<%~ include('@bar', { kind: 'row', caption: '同意面积', bar: r.bars.area, figure: r.support.area + ' m²', baseFigure: p.passageBase.area + ' m²' }) %>
<%~ include('@bar', { kind: 'row', caption: '同意人数', bar: r.bars.heads, figure: r.support.headcount + ' 人', baseFigure: p.passageBase.headcount + ' 人' }) %>
<% if (r.against) { %><p class="meta">反对：<%= r.against.area %> m²，<%= r.against.headcount %> 人</p><% } %>
</li>
<% } %>
</ul>
<% } %>
<table>
<thead><tr><th scope="col">表决意见</th><th scope="col" class="num">专有部分面积（m²）</th><th scope="col" class="num">人数</th></tr></thead>
<tbody>
<tr><td>应参与表决（全体）</td><td class="num"><%= p.eligible.area %></td><td class="num"><%= p.eligible.headcount %></td></tr>
<tr><td>已参与表决</td><td class="num"><%= p.participating.area %></td><td class="num"><%= p.participating.headcount %></td></tr>
<% for (const c of p.counts) { %><tr><td><%= c.label %></td><td class="num"><%= c.figures.area %></td><td class="num"><%= c.figures.headcount %></td></tr><% } %>
</tbody>
</table>
<% if (p.deemedNote) { %><p><%= p.deemedNote %></p><% } %>
<p class="meta">计入的表决票 <%= p.ballots.counted %> 张；截止后送达、不计入的 <%= p.ballots.late %> 张；经异议裁定无效的 <%= p.ballots.ruledInvalid %> 张。</p>
<% } else { %>
<p>投票开始时冻结表决名册，此后显示计票。</p>
<% } %>
</section>

<section aria-labelledby="history">
<h2 id="history">历史视图</h2>
<form method="get" action="">
<label for="asOf">查看截至某一时刻（如 2026-03-20T08:00:00+08:00）或日志位置的公示内容：</label>
<input id="asOf" name="asOf" value="<%= it.asOfInput %>" inputmode="text" maxlength="40">
<button type="submit">查看</button>
</form>
</section>`;

export const ERROR = `<% layout('@layout') %>
<p><%= it.message %></p>
<p class="meta">HTTP <%= it.status %> · <code><%= it.code %></code></p>`;
