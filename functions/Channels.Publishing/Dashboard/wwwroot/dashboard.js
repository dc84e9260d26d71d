// Channels dashboard: vanilla ES2020, no build step, no dependencies.
// Rule: every string that comes from the API goes through esc() before it reaches innerHTML.
(() => {
  'use strict';

  // ------------------------------------------------------------------ labels
  // The registered channels and their labels come from GET /api/channels (loadChannels); filled in place after sign-in.
  const CHANNELS = [];
  const CHANNEL_LABELS = {};
  const CHANNEL_INFO = {};
  const STATE_LABELS = { pending: '待发送', scheduled: '已排期', queued: '排队等待发送窗口', 'queued-digest': '等待每日群发', intent: '发送中',
    'awaiting-verdict': '等待平台结果', delivered: '已送达', failed: '失败', 'credentials-expired': '凭证失效',
    retracted: '已撤回', 'correction-sent': '已发更正短信' };
  const STATUS_LABELS = { accepted: '已受理', scheduled: '已排期', publishing: '发布中', delivered: '全部送达',
    'partially-failed': '部分失败', failed: '失败', retracting: '撤回中', retracted: '已撤回', cancelled: '已取消' };
  // Publication-level history entries that are neither a publication status nor a channel state.
  const HISTORY_LABELS = { rescheduled: '已改期', 'escalated-warning': '时限预警', 'escalated-breach': '超过5小时时限', cancelled: '已取消' };
  const HEALTH_LABELS = { ok: '正常', warning: '注意', down: '异常' };
  const TOKEN_LABELS = { valid: '有效', expired: '已失效', unknown: '未知', 'n/a': '不适用' };
  const ROLE_LABELS = { admin: '管理员', editor: '编辑', reader: '只读' };
  const PRIORITY_LABELS = { normal: '普通', emergency: '紧急' };
  // The v1 month fields, each named by its channel's label and the metric's label from /api/channels.
  const MONTH_FIELDS = [['websiteItems', 'website', 'item'], ['columnPostings', 'website', 'column'], ['wechatArticles', 'wechat', 'article'],
    ['wechatMassSends', 'wechat', 'masssend'], ['weiboPosts', 'weibo', 'post'], ['smsMessages', 'sms', 'message'],
    ['smsRecipients', 'sms', 'message', true], ['bulletinItems', 'bulletin', 'item']];
  const metricLabel = (ch, metric, units) => {
    const m = (CHANNEL_INFO[ch]?.metrics || []).find((x) => x.metric === metric);
    return `${labelOf(CHANNEL_LABELS, ch)}${units ? (m?.unitsLabel || '') : (m?.label || '')}`;
  };
  const RETRACTABLE = new Set(['delivered', 'partially-failed', 'failed']);
  const KEY_STORAGE = 'channels.dashboard.key';
  const PAGE_SIZE = 50;
  const FAST_MS = 3000, SLOW_MS = 15000; // refresh periods: health/list/detail, statistics
  const CHINA_OFFSET_MS = 8 * 3600 * 1000;

  const state = {
    key: null, role: null, filters: {}, offset: 0, limit: PAGE_SIZE, detailId: null, detail: null,
    timers: [], ticking: false,
    health: [],   // last channel health list (re-rendered when the digest result changes)
    digest: null, // WeChat digest button: { busy } or { kind, html } of the last result
    errors: {},   // source -> error shown in the banner
    rendered: {}, // area -> signature of the data the area shows
    seq: {},      // resource -> number of its newest request
  };
  let requestCounter = 0;

  // ----------------------------------------------------------------- helpers
  const $ = (sel) => document.querySelector(sel);
  const show = (sel, on) => { $(sel).hidden = !on; };
  const enc = encodeURIComponent;
  const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  const esc = (v) => String(v ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
  const has = (map, k) => k != null && Object.prototype.hasOwnProperty.call(map, k);
  const labelOf = (map, v) => (has(map, v) ? map[v] : String(v ?? '—'));
  const num = (v) => esc(v ?? 0);
  const pad = (n) => String(n).padStart(2, '0');

  const isAdmin = () => state.role === 'admin';
  const canPublish = () => state.role === 'admin' || state.role === 'editor';
  const canSeeHealth = canPublish; // a reader sees only counts and the list/detail

  // Wall-clock parts in UTC+8, independent of the browser's time zone.
  function chinaParts(date) {
    const t = new Date(date.getTime() + CHINA_OFFSET_MS);
    return { y: t.getUTCFullYear(), M: pad(t.getUTCMonth() + 1), d: pad(t.getUTCDate()),
      h: pad(t.getUTCHours()), m: pad(t.getUTCMinutes()), s: pad(t.getUTCSeconds()) };
  }
  function fmtTime(iso) {
    const d = new Date(iso || NaN);
    if (Number.isNaN(d.getTime())) return iso ? String(iso) : '—';
    const p = chinaParts(d);
    return `${p.y}-${p.M}-${p.d} ${p.h}:${p.m}:${p.s}`;
  }
  const chinaIsoNow = () => `${fmtTime(new Date().toISOString()).replace(' ', 'T')}+08:00`;
  const chinaClock = () => fmtTime(new Date().toISOString()).slice(11);

  // Only http(s) and same-origin paths become links.
  const safeUrl = (u) => (typeof u === 'string' && /^(https?:\/\/|\/(?!\/))/i.test(u) ? u : null);

  // Plain text of an HTML fragment by string processing only: it is never parsed as HTML (and trips no CSP check).
  const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  // Plain text of an item body for the detail view, in one linear pass over at most HTML_TEXT_LIMIT characters (only
  // the first 400 characters of text are shown): tags dropped, script/style content skipped, entities decoded. No
  // backtracking regex over the whole body — a 200k body of unclosed "<script" must not freeze the tab.
  const HTML_TEXT_LIMIT = 20000;
  function htmlToText(html) {
    const entity = (m, e) => {
      if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
      const hex = e[1] === 'x' || e[1] === 'X';
      try { return String.fromCodePoint(parseInt(e.slice(hex ? 2 : 1), hex ? 16 : 10)); } catch { return m; }
    };
    const s = String(html).slice(0, HTML_TEXT_LIMIT);
    const parts = [];
    let i = 0;
    let skip = null; // inside <script> or <style>: text is skipped until its closing tag
    while (i < s.length) {
      const lt = s.indexOf('<', i);
      if (!skip) parts.push(s.slice(i, lt < 0 ? s.length : lt));
      if (lt < 0) break;
      const gt = s.indexOf('>', lt + 1);
      if (gt < 0) break; // an unterminated tag: the rest is markup
      const m = /^<(\/?)\s*([a-z][a-z0-9]{0,15})/i.exec(s.slice(lt, Math.min(gt + 1, lt + 24)));
      const name = m ? m[2].toLowerCase() : '';
      if (skip && m && m[1] && name === skip) skip = null;
      else if (!skip && m && !m[1] && (name === 'script' || name === 'style')) skip = name;
      parts.push(' ');
      i = gt + 1;
    }
    return parts.join('').replace(/&(#x[0-9a-f]{1,8}|#\d{1,8}|[a-z]{1,10});/gi, entity).replace(/\s+/g, ' ').trim();
  }

  const stateBadge = (channel, st) => `<span class="badge" data-channel="${esc(channel)}" data-state="${esc(st)}"
    title="${esc(labelOf(CHANNEL_LABELS, channel))}">${esc(labelOf(STATE_LABELS, st))}</span>`;
  const statusBadge = (st) => `<span class="badge" data-status="${esc(st)}">${esc(labelOf(STATUS_LABELS, st))}</span>`;
  const priorityTag = (p) => (p === 'emergency' ? '<span class="tag urgent">紧急</span>' : '');
  const meta = (name, html) => `<div><dt>${esc(name)}</dt><dd>${html}</dd></div>`;

  // True when the data differs from what the area shows; keeps the DOM (and focus) stable otherwise.
  function changed(area, data) {
    const sig = JSON.stringify([state.role, data]);
    if (state.rendered[area] === sig) return false;
    state.rendered[area] = sig;
    return true;
  }

  // A check that stays true only while this is the newest request for the resource.
  function ticket(name) {
    const n = ++requestCounter;
    state.seq[name] = n;
    return () => state.seq[name] === n && state.key !== null;
  }

  // --------------------------------------------------------------------- API
  class ApiError extends Error {
    constructor(status, title, detail, errors, body) {
      super(title);
      Object.assign(this, { status, title, detail: detail || '', errors: errors || null, body: body ?? null });
    }
  }

  // A Blob body (a chosen file) is sent as it is, with the caller's headers; anything else as JSON.
  async function api(path, { method = 'GET', body, accept = 'application/json', headers: extra = {} } = {}) {
    const raw = body instanceof Blob;
    const headers = { 'x-api-key': state.key || '', Accept: accept, ...extra };
    if (body !== undefined && !raw) headers['Content-Type'] = 'application/json';
    let res;
    try {
      res = await fetch(path, { method, headers, cache: 'no-store', body: body === undefined || raw ? body : JSON.stringify(body) });
    } catch (e) {
      throw new ApiError(0, '网络错误', `无法连接服务器：${e.message}`);
    }
    const text = await res.text();
    if (!res.ok) {
      let p = null;
      try { p = JSON.parse(text); } catch { /* not problem json */ }
      if (p && typeof p === 'object') throw new ApiError(res.status, p.title || `请求失败（HTTP ${res.status}）`, p.detail, p.errors, p);
      throw new ApiError(res.status, `请求失败（HTTP ${res.status}）`, text.slice(0, 200));
    }
    if (!accept.includes('json')) return text;
    if (!text) return null;
    try { return JSON.parse(text); } catch { throw new ApiError(res.status, '响应格式错误', '服务器返回的内容不是 JSON'); }
  }

  function problemHtml(err) {
    const known = err instanceof ApiError;
    let html = `<strong>${esc(known ? err.title : '出错了')}</strong>`;
    const detail = known ? err.detail : String(err?.message ?? err);
    if (detail) html += ` <span>${esc(detail)}</span>`;
    if (err?.errors && typeof err.errors === 'object') {
      const items = Object.entries(err.errors).flatMap(([field, msgs]) =>
        (Array.isArray(msgs) ? msgs : [msgs]).map((m) => `<li><code>${esc(field || '请求')}</code>：${esc(m)}</li>`));
      if (items.length) html += `<ul>${items.join('')}</ul>`;
    }
    return html;
  }
  const problemText = (err) => (err instanceof ApiError ? [err.title, err.detail].filter(Boolean).join('：') : String(err));

  // ------------------------------------------------------- banner / messages
  function renderBanner() {
    const items = [...new Set(Object.values(state.errors).map(problemHtml))];
    $('#banner').innerHTML = items.map((h) => `<div class="banner-item">${h}</div>`).join('');
    show('#banner', items.length > 0);
  }
  function fail(source, err) {
    if (!state.key) return; // a late answer after logout
    if (err?.status === 401) { logout('密钥无效'); return; }
    state.errors[source] = err;
    renderBanner();
  }
  function succeed(source) {
    delete state.errors[source];
    delete state.errors.action; // an action's error is cleared by the next success
    renderBanner();
  }
  async function run(source, loader) {
    try { await loader(); succeed(source); return true; } catch (err) { fail(source, err); return false; }
  }
  const showMsg = (el, kind, html) => Object.assign(el, { className: `msg ${kind}`, innerHTML: html, hidden: false });

  // -------------------------------------------------------------- extensions
  // Panels kept in other files (dashboard-rules.js) plug in through window.ChannelsDashboard.register({...}):
  // enter(role) after login, leave() on logout, fast() with the 3 s refresh (may return run()'s promise),
  // slow() every 15 s, year() when the selected year changes.
  const extensions = [];
  const each = (hook, ...args) => extensions.map((x) => (typeof x[hook] === 'function' ? x[hook](...args) : undefined));

  // -------------------------------------------------------------------- auth
  function readKeyFromHash() {
    const m = /(?:^#|&)key=([^&]*)/.exec(location.hash);
    if (!m) return null;
    let key = m[1];
    try { key = decodeURIComponent(key); } catch { /* keep raw */ }
    history.replaceState(null, '', location.pathname + location.search);
    key = key.trim();
    if (key) sessionStorage.setItem(KEY_STORAGE, key);
    return key || null;
  }

  function showLogin(message) {
    show('#login', true);
    $('#login-error').textContent = message || '';
    show('#login-error', !!message);
  }

  async function login(key) {
    state.key = key;
    $('#key-submit').disabled = true;
    try {
      const who = await api('/api/whoami');
      sessionStorage.setItem(KEY_STORAGE, key);
      enterApp(has(ROLE_LABELS, who?.role) ? who.role : 'reader');
    } catch (err) {
      state.key = null;
      sessionStorage.removeItem(KEY_STORAGE);
      showLogin(err.status === 401 || err.status === 403 ? '密钥无效' : problemText(err));
    } finally {
      $('#key-submit').disabled = false;
    }
  }

  function enterApp(role) {
    Object.assign(state, { role, rendered: {}, errors: {}, offset: 0, filters: readFilters() });
    $('#key-input').value = '';
    show('#login', false);
    ['#app', '#session'].forEach((sel) => show(sel, true));
    show('#health-section', canSeeHealth());
    show('#publish-section', canPublish());
    $('#role').textContent = ROLE_LABELS[role];
    $('#role').dataset.role = role;
    if (!$('#year').value) $('#year').value = chinaParts(new Date()).y;
    if (canPublish() && !$('#publish-json').value.trim()) $('#publish-json').value = publishTemplate();
    renderBanner();
    each('enter', role);
    loadChannels().then(startTimers);
    loadColumns();
  }

  // The registered channels (name, label, metrics): the one source of the dashboard's channel labels.
  async function loadChannels() {
    try {
      const list = (await api('/api/channels')) || [];
      CHANNELS.splice(0, CHANNELS.length, ...list.map((c) => c.name));
      list.forEach((c) => { CHANNEL_LABELS[c.name] = c.label; CHANNEL_INFO[c.name] = c; });
    } catch (err) { /* labels fall back to the names */ }
    buildChannelParts();
    document.dispatchEvent(new CustomEvent('channels-loaded'));
  }

  // The column filter suggests the catalogue's columns (active, then retired: their items stay listed); free text still works.
  async function loadColumns() {
    try {
      const c = await api('/api/columns');
      const names = [...(c.columns || []), ...(c.retired || [])].map((x) => x.name);
      $('#f-column-list').innerHTML = names.map((n) => `<option value="${esc(n)}"></option>`).join('');
    } catch (err) {
      $('#f-column-list').innerHTML = '';
    }
  }

  function logout(message) {
    stopTimers();
    Object.assign(state, { key: null, role: null, seq: {}, errors: {}, rendered: {}, health: [], digest: null });
    sessionStorage.removeItem(KEY_STORAGE);
    closeDetail();
    closeRetract();
    each('leave');
    ['#health-cards', '#counts', '#months', '#pub-rows'].forEach((s) => { $(s).innerHTML = ''; });
    ['#app', '#session', '#publish-result'].forEach((s) => show(s, false));
    renderBanner();
    showLogin(message);
  }

  // -------------------------------------------------------------- refreshing
  async function tick() {
    if (state.ticking || !state.key) return;
    state.ticking = true;
    try {
      const jobs = [run('list', loadList)];
      if (canSeeHealth()) jobs.push(run('health', loadHealth));
      if (state.detailId) jobs.push(run('detail', loadDetail));
      jobs.push(...each('fast').filter(Boolean));
      const results = await Promise.all(jobs);
      if (state.key && results.every(Boolean)) $('#refreshed').textContent = chinaClock();
    } finally {
      state.ticking = false;
    }
  }
  function startTimers() {
    stopTimers();
    tick();
    const slow = () => { run('counts', loadCounts); each('slow'); };
    slow();
    state.timers.push(setInterval(tick, FAST_MS), setInterval(slow, SLOW_MS));
  }
  const stopTimers = () => { state.timers.forEach(clearInterval); state.timers = []; };

  // ------------------------------------------------------------------ health
  async function loadHealth() {
    const fresh = ticket('health');
    const data = await api('/api/channels/health');
    if (!fresh()) return;
    state.health = Array.isArray(data?.channels) ? data.channels : [];
    renderHealth();
  }

  function renderHealth() {
    const list = state.health;
    if (changed('health', [list, state.digest])) {
      $('#health-cards').innerHTML = list.length ? list.map(healthCard).join('') : '<p class="empty">暂无渠道数据</p>';
    }
  }

  function healthCard(h) {
    const q = h.quota;
    const period = q?.period === 'hour' ? '本小时剩余' : q?.period === 'day' ? '今日剩余' : '剩余';
    const quota = q ? `${period} ${num(q.left ?? (q.limit - q.used))}/${num(q.limit)}` : '—';
    const e = h.lastError;
    const lastError = e ? `<div class="last-error"><span class="label">最近错误</span> <time>${esc(fmtTime(e.at))}</time>${
      e.itemId ? ` · <a href="#" class="open-item" data-id="${esc(e.itemId)}">${esc(e.itemId)}</a>` : ''
    }<div class="text">${esc(e.message)}</div></div>` : '';
    const held = !h.held ? '' : `<div class="held">已暂停发布，等待重新授权</div>${
      isAdmin() ? `<button type="button" class="btn danger resume" data-channel="${esc(h.channel)}">已重新授权，恢复发布</button>` : ''}`;
    return `<article class="health-card" data-channel="${esc(h.channel)}" data-health="${esc(h.status)}">
      <header><h3>${esc(labelOf(CHANNEL_LABELS, h.channel))}</h3>
        <span class="badge" data-status="${esc(h.status)}">${esc(labelOf(HEALTH_LABELS, h.status))}</span></header>
      <dl class="facts">
        ${meta('凭证', `<span class="token" data-token="${esc(h.token)}">${esc(labelOf(TOKEN_LABELS, h.token))}</span>`)}
        ${meta('配额', quota)}
        ${meta('积压', `<span class="num">${num(h.backlog)}</span>`)}
        ${meta('失败', `<span class="num${h.failed ? ' bad' : ''}">${num(h.failed)}</span>`)}
      </dl>
      ${h.note ? `<p class="note">${esc(h.note)}</p>` : ''}${lastError}${held}${h.channel === 'wechat' && isAdmin() ? digestPart() : ''}
    </article>`;
  }

  // Admins start today's WeChat mass-send digest by hand; the last answer stays on the card.
  function digestPart() {
    const d = state.digest;
    const result = d?.html ? `<div class="digest-result msg ${esc(d.kind)}">${d.html}</div>` : '';
    return `<button type="button" class="btn digest-now"${d?.busy ? ' disabled' : ''} title="立即发送今日等待群发的微信文章">${
      d?.busy ? '正在启动群发…' : '立即群发'}</button>${result}`;
  }

  async function digestNow() {
    if (state.digest?.busy) return;
    state.digest = { busy: true };
    renderHealth();
    const at = chinaClock();
    try {
      const r = (await api('/api/channels/wechat/digest', { method: 'POST' })) || {};
      state.digest = { kind: 'ok', html: `已开始 ${esc(r.date ?? '今日')} 的微信群发（${esc(at)}）${
        r.instanceId ? `<div class="sub"><code>${esc(r.instanceId)}</code></div>` : ''}` };
      succeed('action');
    } catch (err) {
      const running = err?.status === 409;
      state.digest = running
        ? { kind: 'warn', html: `${esc(err.body?.date ?? '今日')} 的微信群发正在进行中，请勿重复发送（${esc(at)}）` }
        : { kind: 'error', html: problemHtml(err) };
      if (!running) fail('action', err);
    }
    if (state.key) renderHealth();
  }

  const resume = (btn) => act(btn, null, async () => {
    await api(`/api/channels/${enc(btn.dataset.channel)}/resume`, { method: 'POST' });
    await run('health', loadHealth);
  });

  // -------------------------------------------------------------- statistics
  function selectedYear() {
    const v = parseInt($('#year').value, 10);
    return v >= 2000 && v <= 2100 ? v : chinaParts(new Date()).y;
  }

  async function loadCounts() {
    const fresh = ticket('counts');
    const s = (await api(`/api/statistics/${selectedYear()}`)) || {};
    if (!fresh() || !changed('counts', s)) return;
    const columns = Object.entries(s.website?.columns || {}).sort((a, b) => b[1] - a[1])
      .map(([name, n]) => `${esc(name)} ${num(n)}`).join('、');
    $('#counts').innerHTML = `${chartSvg(s)}
      <p class="stats-extra">${esc(s.year ?? selectedYear())} 年 · 栏目发布 ${num(s.website?.columnPostings)} 次 ·
        微信群发 ${num(s.wechat?.massSends)} 次 · 短信接收 ${num(s.sms?.recipients)} 人次 · 张贴清单 ${num(s.bulletin?.issues)} 期</p>
      ${columns ? `<p class="stats-extra">栏目分布：${columns}</p>` : ''}`;
    $('#months').innerHTML = monthTable(Array.isArray(s.months) ? s.months : []);
  }

  // One bar per channel, drawn as inline SVG.
  function chartSvg(s) {
    const bars = [
      ['website', s.website?.items], ['wechat', s.wechat?.articles], ['weibo', s.weibo?.posts],
      ['sms', s.sms?.messages], ['bulletin', s.bulletin?.items],
      ...Object.entries(s.channels || {}).map(([ch, c]) => [ch, c.counts?.[0]?.count]),
    ].map(([ch, v]) => [ch, Number(v) || 0]);
    const W = 560, H = 240, top = 26, bottom = 34, side = 16, plotH = H - top - bottom;
    const slot = (W - 2 * side) / bars.length, bw = Math.min(64, slot * 0.55);
    const max = Math.max(1, ...bars.map((b) => b[1]));
    const groups = bars.map(([ch, v], i) => {
      const h = Math.round((v / max) * plotH), y = top + plotH - h;
      const x = side + slot * i + (slot - bw) / 2, cx = (x + bw / 2).toFixed(1);
      const name = esc(labelOf(CHANNEL_LABELS, ch));
      return `<g class="bar" data-channel="${ch}"><title>${name}：${v}</title>
        <rect x="${x.toFixed(1)}" y="${y}" width="${bw.toFixed(1)}" height="${h}" rx="3"></rect>
        <text class="count" x="${cx}" y="${y - 6}" text-anchor="middle">${v}</text>
        <text class="axis" x="${cx}" y="${H - bottom + 20}" text-anchor="middle">${name}</text></g>`;
    }).join('');
    return `<svg class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="各渠道年度发布数量">
      <line class="baseline" x1="${side}" x2="${W - side}" y1="${top + plotH}" y2="${top + plotH}"></line>${groups}</svg>`;
  }

  function monthTable(months) {
    if (!months.length) return '<p class="empty">本年度暂无发布</p>';
    const sorted = [...months].sort((a, b) => a.month - b.month);
    // v1 fields, then each other registered channel's metrics (months[].channels[channel][metric]).
    const others = [...new Set(sorted.flatMap((m) => Object.entries(m.channels || {})
      .flatMap(([ch, counts]) => Object.keys(counts).map((metric) => `${ch}\u0000${metric}`))))].map((k) => k.split('\u0000'));
    const columns = [...MONTH_FIELDS.map(([key, ch, metric, units]) => [(m) => m[key], metricLabel(ch, metric, units)]),
      ...others.map(([ch, metric]) => [(m) => m.channels?.[ch]?.[metric], metricLabel(ch, metric)])];
    const total = (get) => sorted.reduce((sum, m) => sum + (Number(get(m)) || 0), 0);
    const head = columns.map(([, name]) => `<th>${esc(name)}</th>`).join('');
    const rows = sorted.map((m) => `<tr><th scope="row">${num(m.month)} 月</th>${
      columns.map(([get]) => `<td>${num(get(m))}</td>`).join('')}</tr>`).join('');
    const sum = columns.map(([get]) => `<td>${total(get)}</td>`).join('');
    return `<table class="data compact months-table"><thead><tr><th>月份</th>${head}</tr></thead>
      <tbody>${rows}</tbody><tfoot><tr><th scope="row">合计</th>${sum}</tr></tfoot></table>`;
  }

  // -------------------------------------------------------- publication list
  function readFilters() {
    return {
      status: $('#f-status').value, channel: $('#f-channel').value, state: $('#f-state').value,
      column: $('#f-column').value.trim(), from: $('#f-from').value, to: $('#f-to').value, q: $('#f-q').value.trim(),
    };
  }

  function goToPage(offset, filters = state.filters) {
    state.filters = filters;
    state.offset = Math.max(0, offset);
    run('list', loadList);
  }

  async function loadList() {
    const params = new URLSearchParams();
    Object.entries(state.filters).forEach(([k, v]) => { if (v) params.set(k, v); });
    params.set('limit', String(PAGE_SIZE));
    params.set('offset', String(state.offset));
    const fresh = ticket('list');
    const page = (await api(`/api/publications?${params}`)) || {};
    if (fresh()) renderList(page);
  }

  function renderList(page) {
    const items = Array.isArray(page.items) ? page.items : [];
    const total = Number(page.total) || 0;
    const limit = state.limit = Number(page.limit) || PAGE_SIZE;
    $('#total').textContent = `共 ${total} 条`;
    $('#page-info').textContent = total > limit ? `第 ${Math.floor(state.offset / limit) + 1} / ${Math.ceil(total / limit)} 页` : '';
    $('#prev').disabled = state.offset <= 0;
    $('#next').disabled = state.offset + limit >= total;
    if (changed('list', items)) {
      $('#pub-rows').innerHTML = items.length ? items.map(rowHtml).join('')
        : `<tr class="empty"><td colspan="${4 + CHANNELS.length}">暂无符合条件的发布记录</td></tr>`;
    }
    markSelected();
  }

  function rowHtml(p) {
    const states = new Map((p.channels || []).map((c) => [c.channel, c.state]));
    const cells = CHANNELS.map((ch) => (states.has(ch)
      ? `<td class="ch">${stateBadge(ch, states.get(ch))}</td>` : '<td class="ch none">—</td>')).join('');
    const columns = (p.columns || []).map(esc).join('、');
    return `<tr data-id="${esc(p.id)}" tabindex="0">
      <td class="id"><code>${esc(p.id)}</code></td>
      <td class="title">${priorityTag(p.priority)}${esc(p.title)}${columns ? `<div class="sub">${columns}</div>` : ''}</td>
      <td class="time">${esc(fmtTime(p.publishAt))}</td>
      <td>${statusBadge(p.status)}</td>${cells}</tr>`;
  }

  function markSelected() {
    document.querySelectorAll('#pub-rows tr[data-id]').forEach((tr) => {
      tr.classList.toggle('selected', tr.dataset.id === state.detailId);
    });
  }

  // ------------------------------------------------------------------ detail
  function openDetail(id) {
    if (!id) return;
    if (state.detailId !== id) {
      Object.assign(state, { detailId: id, detail: null });
      state.rendered.detail = null;
      $('#detail-body').innerHTML = '<p class="empty">加载中…</p>';
      show('#detail-msg', false);
    }
    $('#detail').dataset.id = id;
    show('#detail', true);
    markSelected();
    $('#detail').scrollIntoView({ block: 'start' });
    run('detail', loadDetail);
  }

  function closeDetail() {
    Object.assign(state, { detailId: null, detail: null });
    delete state.rendered.detail;
    delete state.errors.detail;
    delete $('#detail').dataset.id;
    $('#detail-body').innerHTML = '';
    ['#detail', '#detail-msg'].forEach((sel) => show(sel, false));
    renderBanner();
    markSelected();
  }

  async function loadDetail() {
    const id = state.detailId;
    if (!id) return;
    const fresh = ticket('detail');
    const p = await api(`/api/publications/${enc(id)}`);
    if (!fresh() || state.detailId !== id || !p) return;
    state.detail = p;
    if (changed('detail', p)) renderDetail(p);
  }

  function renderDetail(p) {
    const admin = isAdmin();
    const channels = Array.isArray(p.channels) ? p.channels : [];
    const history = Array.isArray(p.history) ? p.history : [];
    const retract = admin && RETRACTABLE.has(p.status) ? '<button type="button" id="retract-open" class="btn danger">撤回</button>' : '';
    const schedule = canPublish() && p.status === 'scheduled' ? scheduleButtons(p) : '';
    $('#detail-body').innerHTML = `
      <div class="detail-title"><h3>${priorityTag(p.priority)}${esc(p.title)}</h3><div class="detail-actions">${schedule}${retract}</div></div>
      <dl class="meta">
        ${meta('编号', `<code>${esc(p.id)}</code>`)}
        ${meta('状态', statusBadge(p.status))}
        ${meta('优先级', esc(labelOf(PRIORITY_LABELS, p.priority)))}
        ${meta('发布时间', esc(fmtTime(p.publishAt)))}
        ${meta('受理时间', esc(fmtTime(p.submittedAt)))}
        ${meta('完成时间', esc(fmtTime(p.completedAt)))}
        ${meta('统计年度', esc(p.year ?? '—'))}
        ${meta('栏目', (p.columns || []).map(esc).join('、') || '—')}
        ${meta('内容指纹', `<code class="hash">${esc(p.contentHash ?? '—')}</code>`)}
      </dl>
      <h4>渠道投递</h4>
      <table class="data channel-table">
        <thead><tr><th>渠道</th><th>状态</th><th>平台编号</th><th>链接</th><th>原因</th><th>尝试</th><th>时间</th><th></th></tr></thead>
        <tbody>${channels.map((c) => channelRow(c, admin)).join('') || '<tr class="empty"><td colspan="8">无渠道</td></tr>'}</tbody>
      </table>
      ${itemBlock(p.item)}
      <h4>处理记录</h4>
      <ol id="history" class="timeline">${history.map(historyItem).join('')}</ol>`;
  }

  // 改期 / 取消发布 of a scheduled publication (detail and queue); dashboard-rules.js opens the dialogs.
  function scheduleButtons(p, extraClass = '') {
    const data = `data-id="${esc(p.id)}" data-title="${esc(p.title)}" data-at="${esc(p.publishAt)}"`;
    return `<button type="button" class="btn${extraClass} reschedule" ${data}>改期</button>`
      + `<button type="button" class="btn${extraClass} danger cancel-publication" ${data}>取消发布</button>`;
  }

  function channelRow(c, admin) {
    const url = safeUrl(c.url);
    const link = url ? `<a class="url" href="${esc(url)}" target="_blank" rel="noopener noreferrer" title="${esc(url)}">${esc(url)}</a>`
      : esc(c.url || '—');
    const times = [['发起', c.intentAt], ['受理', c.acceptedAt], ['完成', c.finishedAt]]
      .filter(([, v]) => v).map(([k, v]) => `<div>${k} ${esc(fmtTime(v))}</div>`).join('') || '—';
    const retry = admin && c.retryable ? `<button type="button" class="btn small retry" data-channel="${esc(c.channel)}">重试</button>` : '';
    return `<tr data-channel-row="${esc(c.channel)}">
      <th scope="row">${esc(labelOf(CHANNEL_LABELS, c.channel))}</th><td>${stateBadge(c.channel, c.state)}</td>
      <td><code>${esc(c.platformId || '—')}</code></td><td>${link}</td>
      <td><span class="error">${esc(c.error || '')}</span></td><td class="num">${num(c.attempts)}</td>
      <td class="times">${times}</td><td>${retry}</td></tr>`;
  }

  function historyItem(h) {
    const own = h.channel == null; // null channel = the publication itself
    const badge = own
      ? `<span class="badge" data-status="${esc(h.state)}">${esc(labelOf({ ...STATE_LABELS, ...HISTORY_LABELS, ...STATUS_LABELS }, h.state))}</span>`
      : `<span class="badge" data-state="${esc(h.state)}">${esc(labelOf({ ...HISTORY_LABELS, ...STATUS_LABELS, ...STATE_LABELS }, h.state))}</span>`;
    const attempts = Number(h.attempts) > 1 ? `<span class="attempts">第 ${num(h.attempts)} 次</span>` : '';
    return `<li><time>${esc(fmtTime(h.at))}</time><span class="who">${own ? '发布' : esc(labelOf(CHANNEL_LABELS, h.channel))}</span>${
      badge}${attempts}${h.note ? `<span class="note">${esc(h.note)}</span>` : ''}</li>`;
  }

  // The submitted item, as text only: the body is HTML and is never rendered.
  function itemBlock(item) {
    if (!item || typeof item !== 'object') return '';
    const rows = [];
    if (item.summary) rows.push(meta('摘要', esc(item.summary)));
    if (item.publisher) rows.push(meta('发布机构', esc(item.publisher)));
    if (item.documentNumber) rows.push(meta('文号', esc(item.documentNumber)));
    const a = item.approval;
    if (a) rows.push(meta('审核', esc(`撰稿 ${a.author || '—'} · 审核 ${a.reviewer || '—'} · 签发 ${a.approver || '—'} · ${fmtTime(a.approvedAt)}`)));
    if (item.sms?.text) rows.push(meta('短信内容', `${esc(item.sms.text)}（${num(item.sms.audience?.length)} 个号码）`));
    const text = item.body ? htmlToText(item.body) : '';
    if (text) rows.push(meta('正文（纯文本）', `<span class="body-text">${esc(text.length > 400 ? `${text.slice(0, 400)}…` : text)}</span>`));
    return rows.length ? `<h4>提交内容</h4><dl class="meta wide">${rows.join('')}</dl>` : '';
  }

  // ----------------------------------------------------------------- actions
  // Runs a user action: the button is disabled meanwhile; a failure shows next to it (msgEl) and in the banner.
  async function act(button, msgEl, work) {
    button.disabled = true;
    try {
      await work();
      succeed('action');
    } catch (err) {
      if (msgEl) showMsg(msgEl, 'error', problemHtml(err));
      fail('action', err);
    } finally {
      button.disabled = false;
    }
  }

  const refreshAfterAction = () => Promise.all([run('detail', loadDetail), run('list', loadList)]);

  const retry = (btn) => act(btn, $('#detail-msg'), async () => {
    const channel = btn.dataset.channel;
    const r = await api(`/api/publications/${enc(state.detailId)}/channels/${enc(channel)}/retry`, { method: 'POST' });
    showMsg($('#detail-msg'), 'ok', `已提交重试：${esc(labelOf(CHANNEL_LABELS, channel))}（${esc(labelOf(STATE_LABELS, r?.state ?? 'pending'))}）`);
    await refreshAfterAction();
  });

  const clearRetractFields = () => { $('#retract-reason').value = ''; $('#retract-sms').value = ''; };

  function openRetract() {
    const p = state.detail;
    const dlg = $('#retract-dialog');
    if (!p) return;
    if (dlg.dataset.id !== p.id) clearRetractFields(); // keep typed text when reopened for the same publication
    dlg.dataset.id = p.id;
    show('#retract-sms-row', (p.channels || []).some((c) => c.channel === 'sms'));
    show('#retract-error', false);
    $('#retract-target').textContent = `${p.title}（${p.id}）`;
    if (!dlg.open) dlg.showModal();
    $('#retract-reason').focus();
  }

  const closeRetract = () => { const dlg = $('#retract-dialog'); if (dlg.open) dlg.close(); };

  function submitRetract() {
    const id = $('#retract-dialog').dataset.id;
    const reason = $('#retract-reason').value.trim();
    if (!reason) { showMsg($('#retract-error'), 'error', '请填写撤回原因'); return; }
    const body = { reason };
    const sms = $('#retract-sms').value.trim();
    if (!$('#retract-sms-row').hidden && sms) body.smsCorrection = sms;
    act($('#retract-submit'), $('#retract-error'), async () => {
      const r = await api(`/api/publications/${enc(id)}/retract`, { method: 'POST', body });
      closeRetract();
      clearRetractFields();
      if (state.detailId === id) showMsg($('#detail-msg'), 'ok', `已提交撤回（${esc(labelOf(STATUS_LABELS, r?.status ?? 'retracting'))}）`);
      await refreshAfterAction();
    });
  }

  // The proof page needs the key header, so fetch it and open it from a Blob URL.
  async function openProof() {
    const id = state.detailId;
    if (!id) return;
    const win = window.open('', '_blank'); // opened synchronously so popup blockers allow it
    try { if (win) win.document.body.textContent = '正在加载发布证明…'; } catch { /* ignore */ }
    try {
      const html = await api(`/api/publications/${enc(id)}/proof?format=html`, { accept: 'text/html' });
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
      if (win && !win.closed) {
        win.location.href = url;
      } else {
        const a = Object.assign(document.createElement('a'), { href: url, target: '_blank', rel: 'noopener' });
        a.click();
      }
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      succeed('action');
    } catch (err) {
      if (win) win.close();
      showMsg($('#detail-msg'), 'error', problemHtml(err));
      fail('action', err);
    }
  }

  // ----------------------------------------------------------------- publish
  function publishTemplate() {
    const at = chinaIsoNow();
    return JSON.stringify({
      id: `web-${Date.now()}`, title: '关于……的通知', body: '<p>正文</p>', summary: '摘要', columns: ['通知公告'],
      publisher: '', publishAt: at, priority: 'normal', channels: ['website', 'wechat', 'weibo'],
      approval: { author: '张三', reviewer: '李四', approver: '王五', approvedAt: at, confidentialityReview: { passed: true } },
    }, null, 2);
  }

  function submitPublish() {
    const out = $('#publish-result');
    let item;
    try {
      item = JSON.parse($('#publish-json').value);
    } catch (e) {
      showMsg(out, 'error', `<strong>JSON 格式错误</strong> ${esc(e.message)}`);
      return;
    }
    act($('#publish-submit'), out, async () => {
      const res = await api('/api/publications', { method: 'POST', body: item });
      const id = res?.id ?? item?.id;
      showMsg(out, 'ok', `<strong>已受理</strong>${id ? ` <a href="#" class="open-item" data-id="${esc(id)}">查看详情</a>` : ''}
        <pre>${esc(JSON.stringify(res, null, 2))}</pre>`);
      await run('list', loadList);
    });
  }

  // ------------------------------------------------------------------ wiring
  function buildStaticParts() {
    const options = (map) => Object.entries(map).map(([v, l]) => `<option value="${esc(v)}">${esc(l)}</option>`).join('');
    $('#f-status').insertAdjacentHTML('beforeend', options(STATUS_LABELS));
    $('#f-state').insertAdjacentHTML('beforeend', options(STATE_LABELS));
    buildChannelParts();
  }

  function buildChannelParts() {
    const select = $('#f-channel'), chosen = select.value;
    select.querySelectorAll('option[value]:not([value=""])').forEach((o) => o.remove());
    select.insertAdjacentHTML('beforeend', CHANNELS.map((ch) => `<option value="${esc(ch)}">${esc(labelOf(CHANNEL_LABELS, ch))}</option>`).join(''));
    select.value = chosen;
    $('#pub-head').innerHTML = `<tr><th>编号</th><th>标题</th><th>发布时间</th><th>状态</th>${
      CHANNELS.map((ch) => `<th class="ch">${esc(labelOf(CHANNEL_LABELS, ch))}</th>`).join('')}</tr>`;
  }

  function wire() {
    const on = (sel, type, fn) => $(sel).addEventListener(type, fn);
    const submit = (fn) => (e) => { e.preventDefault(); fn(); };
    on('#login-form', 'submit', submit(() => {
      const key = $('#key-input').value.trim();
      if (key) login(key); else showLogin('请输入密钥');
    }));
    on('#logout', 'click', () => logout());
    // Filters apply on 查询 only; the refresh loop keeps using the applied ones.
    on('#filters', 'submit', submit(() => goToPage(0, readFilters())));
    on('#filters', 'reset', () => setTimeout(() => goToPage(0, readFilters()), 0));
    on('#prev', 'click', () => goToPage(state.offset - state.limit));
    on('#next', 'click', () => goToPage(state.offset + state.limit));
    on('#pub-rows', 'click', (e) => openDetail(e.target.closest('tr[data-id]')?.dataset.id));
    on('#pub-rows', 'keydown', (e) => { if (e.key === 'Enter') openDetail(e.target.closest('tr[data-id]')?.dataset.id); });
    on('#detail-close', 'click', closeDetail);
    on('#proof-open', 'click', openProof);
    on('#detail-body', 'click', (e) => {
      const retryButton = e.target.closest('button.retry');
      if (retryButton) retry(retryButton);
      else if (e.target.closest('#retract-open')) openRetract();
    });
    on('#health-cards', 'click', (e) => {
      const button = e.target.closest('button.resume');
      if (button) resume(button);
      else if (e.target.closest('button.digest-now')) digestNow();
    });
    document.addEventListener('click', (e) => {
      const link = e.target.closest('a.open-item');
      if (link) { e.preventDefault(); openDetail(link.dataset.id); }
    });
    on('#year', 'change', () => { run('counts', loadCounts); each('year'); });
    on('#retract-form', 'submit', submit(submitRetract));
    on('#retract-cancel', 'click', closeRetract);
    on('#publish-submit', 'click', submitPublish);
    on('#publish-reset', 'click', () => { $('#publish-json').value = publishTemplate(); });
    window.addEventListener('hashchange', () => { const key = readKeyFromHash(); if (key) login(key); });
  }

  // What dashboard-rules.js builds on; the key itself stays private to this file.
  window.ChannelsDashboard = Object.freeze({
    register(ext) {
      extensions.push(ext);
      if (!state.key || !state.role) return;
      ['enter', 'slow', 'fast'].forEach((hook) => { if (typeof ext[hook] === 'function') ext[hook](state.role); }); // registered after login
    },
    $, show, esc, enc, has, labelOf, num, fmtTime, chinaParts, chinaClock, api, ApiError, run, act, showMsg, problemHtml, changed, ticket,
    statusBadge, priorityTag, meta, scheduleButtons, openDetail, selectedYear,
    refresh: () => Promise.all([run('list', loadList), state.detailId ? run('detail', loadDetail) : true]),
    role: () => state.role, isAdmin, canPublish, detailId: () => state.detailId,
    labels: { CHANNELS, CHANNEL_LABELS, STATE_LABELS, STATUS_LABELS, PRIORITY_LABELS },
  });

  buildStaticParts();
  wire();
  // Signed in through Easy Auth (Azure, optional): the session alone may carry a role; otherwise ask for a key.
  async function trySession() {
    try {
      const who = await api('/api/whoami');
      if (has(ROLE_LABELS, who?.role)) { enterApp(who.role); return; }
    } catch { /* no session: 401 */ }
    showLogin();
  }

  const initialKey = readKeyFromHash() || sessionStorage.getItem(KEY_STORAGE);
  if (initialKey) login(initialKey); else trySession();
})();
