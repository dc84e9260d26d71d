// Channels dashboard, second file: the 规则与提醒 panel (GET /api/rules/{year}), the 定时发布队列 and the
// 改期 / 取消发布 dialogs. Loaded after dashboard.js and built on its helpers (window.ChannelsDashboard).
// Same rule as there: every string that comes from the API goes through esc() before it reaches innerHTML.
(() => {
  'use strict';

  const D = window.ChannelsDashboard;
  if (!D) return;
  const { $, show, esc, enc, labelOf, num, fmtTime, api, run, act, showMsg, problemHtml, changed, ticket,
    statusBadge, priorityTag, scheduleButtons, openDetail } = D;
  const { CHANNEL_LABELS, STATUS_LABELS } = D.labels;

  // ------------------------------------------------------------------ labels
  const ALERT_LABELS = { breach: '超过5小时时限', warning: '时限预警' };
  const INTERP_LABELS = { 'on-time': '按时', late: '逾期发布', overdue: '逾期未发布', pending: '未到期' };
  const INTERP_ORDER = { overdue: 0, late: 1, pending: 2, 'on-time': 3 }; // problems first
  const FRESH_LABELS = { stale: '超期未更新', warning: '即将超期', ok: '正常' };
  const FRESH_KINDS = { news: '动态要闻类栏目', notice: '通知公告/政策文件类栏目', account: '新媒体账号' };
  const QUEUE_LIMIT = 50;
  const PENDING_MS = 60000; // how long an accepted 改期/取消 is shown until the list reflects it
  const EMERGENCY_LIMIT_MIN = 300;

  const local = {
    queue: [],           // last scheduled items, soonest first
    queueTotal: 0,
    pending: new Map(),  // id -> { status, publishAt, since }: accepted changes the server has not recorded yet
  };

  const list = (v) => (Array.isArray(v) ? v : []);
  const time = (iso) => { const t = Date.parse(iso); return Number.isNaN(t) ? Infinity : t; };
  const fmtDate = (iso) => (iso ? fmtTime(iso).slice(0, 10) : '—');
  const link = (id, text) => `<a href="#" class="open-item" data-id="${esc(id)}">${esc(text ?? id)}</a>`;
  const empty = (text) => `<p class="empty">${esc(text)}</p>`;
  const figure = (name, value, bad) => `<span class="figure">${esc(name)} <span class="num${bad ? ' bad' : ''}">${num(value)}</span></span>`;

  function fmtMinutes(m) {
    const v = Number(m);
    if (m == null || !Number.isFinite(v)) return '—';
    const t = Math.round(v);
    return t < 60 ? `${t} 分钟` : `${Math.floor(t / 60)} 小时${t % 60 ? ` ${t % 60} 分钟` : ''}`;
  }

  // ============================================================ 规则与提醒
  async function loadRules() {
    const year = D.selectedYear();
    const fresh = ticket('rules');
    const r = (await api(`/api/rules/${year}`)) || {};
    if (!fresh()) return;
    $('#rules-meta').textContent = `${r.year ?? year} 年 · 统计于 ${fmtTime(r.generatedAt).slice(11) || '—'}`;
    // Each block re-renders only when its own data changes (generatedAt changes on every call).
    if (changed('rules.alerts', r.alerts)) renderAlerts(list(r.alerts));
    if (changed('rules.emergencies', r.emergencies)) $('#rules-emergency').innerHTML = emergencyHtml(r.emergencies || {});
    if (changed('rules.disclosure', r.disclosure)) $('#rules-disclosure').innerHTML = disclosureHtml(r.disclosure || {});
    if (changed('rules.interpretations', r.interpretations)) $('#rules-interp').innerHTML = interpretationHtml(r.interpretations || {});
    if (changed('rules.freshness', r.freshness)) $('#rules-freshness').innerHTML = freshnessHtml(list(r.freshness));
  }

  function renderAlerts(alerts) {
    $('#alerts').innerHTML = alerts.map((a) => `<li data-item="${esc(a.itemId)}" data-kind="${esc(a.kind)}" tabindex="0" title="查看发布详情">
      <span class="alert-kind">${esc(labelOf(ALERT_LABELS, a.kind))}</span>
      <span class="alert-title">${esc(a.title || a.itemId)} <code>${esc(a.itemId)}</code></span>
      <time>${esc(fmtTime(a.at))}</time>
      <span class="alert-msg">${esc(a.message)}</span></li>`).join('');
    $('#alerts-count').textContent = alerts.length ? `（${alerts.length}）` : '';
    show('#alerts-empty', alerts.length === 0);
  }

  // (b) 突发事件 5 小时时限
  function emergencyHtml(e) {
    const items = Number(e.items) || 0;
    if (!items) return empty('本年度无突发事件');
    const channels = list(e.channels);
    const rows = channels.map((c) => `<tr data-channel="${esc(c.channel)}">
      <th scope="row">${esc(labelOf(CHANNEL_LABELS, c.channel))}</th><td>${num(c.published)}</td>
      <td title="${esc(c.medianMinutes ?? '')}">${esc(fmtMinutes(c.medianMinutes))}</td>
      <td class="${Number(c.maxMinutes) > EMERGENCY_LIMIT_MIN ? 'over' : ''}" title="${esc(c.maxMinutes ?? '')}">${esc(fmtMinutes(c.maxMinutes))}</td>
      <td class="${c.breaches ? 'over' : ''}">${num(c.breaches)}</td></tr>`).join('')
      || '<tr class="empty"><td colspan="5">尚无渠道发布</td></tr>';
    const events = list(e.list).map((x) => `<li data-id="${esc(x.id)}" data-breached="${x.breached ? 'true' : 'false'}">
      ${x.breached ? '<span class="tag over">超时</span>' : ''}${link(x.id, x.title || x.id)}
      <div class="sub">事发 ${esc(fmtTime(x.incidentAt))} · 时限 ${esc(fmtTime(x.deadline))}</div>
      ${x.summary ? `<div class="reason">${esc(x.summary)}</div>` : ''}</li>`).join('');
    return `<p class="rule-figures">${figure('突发事件', items)}${figure('超过5小时', e.breaches, Number(e.breaches) > 0)}</p>
      <table id="emergency-table" class="data compact">
        <thead><tr><th>渠道</th><th>已发布</th><th>中位用时</th><th>最长用时</th><th>超时</th></tr></thead>
        <tbody>${rows}</tbody></table>
      ${events ? `<ul id="emergency-list" class="rule-list">${events}</ul>` : ''}`;
  }

  // (c) 主动公开时限（20个工作日）
  function disclosureHtml(d) {
    const late = list(d.lateList);
    const items = late.map((x) => `<li data-id="${esc(x.id)}">${link(x.id, x.title || x.id)}
      <div class="sub">形成于 ${esc(fmtDate(x.formedAt))} · 发布于 ${esc(fmtTime(x.publishAt))} · 应于 ${esc(x.dueDate || '—')} 前公开 ·
        用时 <span class="num bad">${num(x.workingDaysTaken)}</span> 个工作日</div>
      ${x.reason ? `<div class="reason">${esc(x.reason)}</div>` : ''}</li>`).join('');
    const body = !Number(d.withFormedAt) ? empty('本年度无标注信息形成日期的条目')
      : late.length ? `<ul id="late-list" class="rule-list">${items}</ul>`
        : `${empty('均在20个工作日内公开')}<ul id="late-list" class="rule-list"></ul>`;
    return `<p class="rule-figures">${figure('标注形成日期', d.withFormedAt)}${figure('超过时限', d.late, Number(d.late) > 0)}</p>${body}`;
  }

  // (d) 政策解读
  function interpretationHtml(s) {
    const rows = list(s.list).map((x, i) => [x, i])
      .sort(([a, i], [b, j]) => (INTERP_ORDER[a.status] ?? 9) - (INTERP_ORDER[b.status] ?? 9) || i - j)
      .map(([x]) => {
        const found = list(x.interpretations);
        return `<li data-id="${esc(x.policyId)}" data-status="${esc(x.status)}">
          <span class="badge" data-interp="${esc(x.status)}">${esc(labelOf(INTERP_LABELS, x.status))}</span> ${link(x.policyId, x.policyTitle || x.policyId)}
          <div class="sub">解读：${found.length ? found.map((id) => link(id)).join('、') : '暂无'} · 期限 ${esc(x.dueDate || '—')}</div>
          ${x.reason ? `<div class="reason">${esc(x.reason)}</div>` : ''}</li>`;
      }).join('');
    const figures = [['政策文件', s.policies], ['按时', s.onTime], ['逾期发布', s.late, true], ['逾期未发布', s.overdue, true], ['未到期', s.pending]]
      .map(([name, v, warn]) => figure(name, v ?? 0, warn && Number(v) > 0)).join('');
    return `${s.rule ? `<p class="hint rule-text">规则：${esc(s.rule)}</p>` : ''}<p class="rule-figures">${figures}</p>
      ${rows ? `<ul id="interp-list" class="rule-list">${rows}</ul>` : `${empty('本年度无政策文件')}<ul id="interp-list" class="rule-list"></ul>`}`;
  }

  // (e) 栏目/账号更新情况: only the flags; the ok ones are counted.
  function freshnessHtml(all) {
    if (!all.length) return `${empty('暂无栏目更新数据')}<ul id="freshness-list" class="rule-list"></ul>`;
    const flags = all.filter((f) => f.status === 'warning' || f.status === 'stale')
      .sort((a, b) => (a.status === b.status ? 0 : a.status === 'stale' ? -1 : 1));
    const ok = all.filter((f) => f.status === 'ok').length;
    const items = flags.map((f) => {
      const name = f.kind === 'account' ? labelOf(CHANNEL_LABELS, f.name) : f.name;
      const idle = f.idleDays == null ? '从未发布' : `已 ${f.idleDays} 天未更新`;
      return `<li data-name="${esc(f.name)}" data-status="${esc(f.status)}">
        <span class="badge" data-fresh="${esc(f.status)}">${esc(labelOf(FRESH_LABELS, f.status))}</span>
        <strong>${esc(name)}</strong> <span class="sub">${esc(labelOf(FRESH_KINDS, f.kind))} · ${esc(idle)} · 时限 ${num(f.limitDays)} 天${
          f.lastPublishedAt ? ` · 最近 ${esc(fmtDate(f.lastPublishedAt))}` : ''}</span>
        <div class="reason">${esc(f.message)}</div></li>`;
    }).join('');
    return `<p class="rule-figures">${figure('超期', all.filter((f) => f.status === 'stale').length, flags.some((f) => f.status === 'stale'))}${
      figure('即将超期', all.filter((f) => f.status === 'warning').length)}${figure('按时更新', ok)}</p>
      ${items ? '' : empty('所有栏目和账号均按时更新')}<ul id="freshness-list" class="rule-list">${items}</ul>`;
  }

  // ============================================================ 定时发布队列
  async function loadQueue() {
    const fresh = ticket('queue');
    const page = (await api(`/api/publications?status=scheduled&limit=${QUEUE_LIMIT}`)) || {};
    if (!fresh()) return;
    local.queue = list(page.items);
    local.queueTotal = Number(page.total) || local.queue.length;
    renderQueue();
  }

  // An accepted change is shown until the list reflects it (item gone, or its new time listed) or PENDING_MS passed.
  function pendingFor(p) {
    const change = local.pending.get(p.id);
    if (!change) return null;
    const done = Date.now() - change.since > PENDING_MS
      || (change.status === 'scheduled' && time(p.publishAt) === time(change.publishAt));
    if (done) { local.pending.delete(p.id); return null; }
    return change;
  }

  function renderQueue() {
    const edit = D.canPublish();
    const rows = local.queue.map((p) => ({ p, change: pendingFor(p) }));
    const ids = new Set(local.queue.map((p) => p.id));
    [...local.pending.keys()].forEach((id) => { if (!ids.has(id)) local.pending.delete(id); }); // recorded by the server
    const at = ({ p, change }) => time(change?.status === 'scheduled' ? change.publishAt : p.publishAt);
    rows.sort((a, b) => at(a) - at(b) || String(a.p.id).localeCompare(String(b.p.id)));
    const shown = rows.length;
    $('#queue-total').textContent = local.queueTotal > shown ? `共 ${local.queueTotal} 条，显示 ${shown} 条` : `共 ${shown} 条`;
    if (!changed('queue', rows)) return;
    $('#queue-head').innerHTML = `<tr><th>编号</th><th>标题</th><th>计划发布时间</th><th>渠道</th>${edit ? '<th>操作</th>' : ''}</tr>`;
    $('#queue-rows').innerHTML = rows.length ? rows.map((r) => queueRow(r, edit)).join('')
      : `<tr class="empty"><td colspan="${edit ? 5 : 4}">暂无定时发布</td></tr>`;
  }

  function queueRow({ p, change }, edit) {
    const channels = list(p.channels).map((c) => esc(labelOf(CHANNEL_LABELS, c.channel ?? c))).join('、') || '—';
    const columns = list(p.columns).map(esc).join('、');
    let when = esc(fmtTime(p.publishAt));
    let ops = edit ? scheduleButtons(p, ' small') : '';
    if (change?.status === 'scheduled') {
      when = `${esc(fmtTime(change.publishAt))}<div class="sub">已改期（原 ${esc(fmtTime(p.publishAt))}），处理中</div>`;
      ops = edit ? scheduleButtons({ ...p, publishAt: change.publishAt }, ' small') : '';
    } else if (change) {
      when += `<div class="sub">${statusBadge(change.status)} 处理中</div>`;
      ops = '';
    }
    return `<tr data-id="${esc(p.id)}" tabindex="0"${change ? ' class="changing"' : ''}>
      <td class="id"><code>${esc(p.id)}</code></td>
      <td class="title">${priorityTag(p.priority)}${esc(p.title)}${columns ? `<div class="sub">${columns}</div>` : ''}</td>
      <td class="time">${when}</td><td class="channels">${channels}</td>${edit ? `<td class="ops">${ops}</td>` : ''}</tr>`;
  }

  // ================================================================ dialogs
  // Both dialogs remember the publication in dataset: id, and "detail" when opened from the detail panel.
  function prepare(dialogSel, btn) {
    const dlg = $(dialogSel);
    const same = dlg.dataset.id === btn.dataset.id;
    Object.assign(dlg.dataset, { id: btn.dataset.id, at: btn.dataset.at || '', from: btn.closest('#detail') ? 'detail' : 'queue' });
    $(`${dialogSel} .target`).textContent = `${btn.dataset.title || ''}（${btn.dataset.id}）`;
    show(`${dialogSel} .msg.error`, false);
    return { dlg, same };
  }

  // UTC+8 wall-clock "yyyy-MM-ddTHH:mm" for the datetime-local input, and back to ISO with +08:00.
  const toLocalInput = (iso) => (Number.isNaN(Date.parse(iso)) ? '' : fmtTime(iso).slice(0, 16).replace(' ', 'T'));
  function fromLocalInput(v) {
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?(\.\d+)?$/.exec(v || '');
    return m ? `${m[1]}T${m[2]}${m[3] || ':00'}+08:00` : null;
  }

  function openReschedule(btn) {
    const { dlg, same } = prepare('#reschedule-dialog', btn);
    if (!same) {
      $('#reschedule-at').value = toLocalInput(btn.dataset.at);
      $('#reschedule-reason').value = '';
    }
    $('#reschedule-current').textContent = `当前计划发布时间：${fmtTime(btn.dataset.at)}（北京时间）`;
    noteReschedule();
    if (!dlg.open) dlg.showModal();
    $('#reschedule-at').focus();
  }

  function noteReschedule() {
    const iso = fromLocalInput($('#reschedule-at').value);
    const past = iso && Date.parse(iso) <= Date.now();
    $('#reschedule-note').textContent = past ? '所选时间已过，提交后将立即发布' : '';
    show('#reschedule-note', !!past);
  }

  function openCancel(btn) {
    const { dlg, same } = prepare('#cancel-dialog', btn);
    if (!same) $('#cancel-reason').value = '';
    if (!dlg.open) dlg.showModal();
    $('#cancel-reason').focus();
  }

  const close = (sel) => { const dlg = $(sel); if (dlg.open) dlg.close(); };

  // After a 202: remember the change, say so where the user acted, and refresh the queue, list and detail.
  async function accepted(dlg, res, fallback, text) {
    const id = dlg.dataset.id;
    local.pending.set(id, { status: res?.status || fallback.status, publishAt: res?.publishAt || fallback.publishAt, since: Date.now() });
    close(`#${dlg.id}`);
    const target = dlg.dataset.from === 'detail' && D.detailId() === id ? $('#detail-msg') : $('#queue-msg');
    showMsg(target, 'ok', `${text}：<code>${esc(id)}</code>（${esc(labelOf(STATUS_LABELS, res?.status || fallback.status))}，后台处理完成后列表将更新）`);
    renderQueue();
    await Promise.all([run('queue', loadQueue), D.refresh()]);
  }

  function submitReschedule() {
    const dlg = $('#reschedule-dialog');
    const publishAt = fromLocalInput($('#reschedule-at').value);
    if (!publishAt) { showMsg($('#reschedule-error'), 'error', '请选择新的发布时间'); return; }
    const reason = $('#reschedule-reason').value.trim();
    const body = reason ? { publishAt, reason } : { publishAt };
    act($('#reschedule-submit'), $('#reschedule-error'), async () => {
      const res = await api(`/api/publications/${enc(dlg.dataset.id)}/schedule`, { method: 'POST', body });
      $('#reschedule-reason').value = '';
      await accepted(dlg, res, { status: 'scheduled', publishAt }, `已提交改期，新的发布时间 ${esc(fmtTime(res?.publishAt || publishAt))}`);
    });
  }

  function submitCancel() {
    const dlg = $('#cancel-dialog');
    const reason = $('#cancel-reason').value.trim();
    if (!reason) { showMsg($('#cancel-error'), 'error', '请填写取消原因'); return; }
    act($('#cancel-submit'), $('#cancel-error'), async () => {
      const res = await api(`/api/publications/${enc(dlg.dataset.id)}/cancel`, { method: 'POST', body: { reason } });
      $('#cancel-reason').value = '';
      await accepted(dlg, res, { status: 'cancelled', publishAt: dlg.dataset.at }, '已提交取消发布');
    });
  }

  // ================================================================= wiring
  function wire() {
    const on = (sel, type, fn) => $(sel).addEventListener(type, fn);
    const submit = (fn) => (e) => { e.preventDefault(); fn(); };
    const rowOpen = (attr) => (e) => {
      if (e.type === 'keydown' && e.key !== 'Enter') return;
      if (e.target.closest('button, a')) return;
      openDetail(e.target.closest(`[${attr}]`)?.getAttribute(attr));
    };
    ['click', 'keydown'].forEach((type) => {
      on('#alerts', type, rowOpen('data-item'));
      on('#queue-rows', type, rowOpen('data-id'));
    });
    // The buttons live in the queue and in the detail panel (rendered by dashboard.js).
    document.addEventListener('click', (e) => {
      const btn = e.target.closest('button.reschedule, button.cancel-publication');
      if (!btn || !D.canPublish()) return;
      if (btn.classList.contains('reschedule')) openReschedule(btn); else openCancel(btn);
    });
    on('#reschedule-form', 'submit', submit(submitReschedule));
    on('#reschedule-at', 'input', noteReschedule);
    on('#reschedule-close', 'click', () => close('#reschedule-dialog'));
    on('#cancel-form', 'submit', submit(submitCancel));
    on('#cancel-back', 'click', () => close('#cancel-dialog'));
  }

  function leave() {
    close('#reschedule-dialog');
    close('#cancel-dialog');
    Object.assign(local, { queue: [], queueTotal: 0 });
    local.pending.clear();
    ['#alerts', '#rules-emergency', '#rules-disclosure', '#rules-interp', '#rules-freshness', '#queue-head', '#queue-rows']
      .forEach((sel) => { $(sel).innerHTML = ''; });
    ['#rules-meta', '#alerts-count', '#queue-total'].forEach((sel) => { $(sel).textContent = ''; });
    ['#queue-msg', '#alerts-empty'].forEach((sel) => show(sel, false));
  }

  wire();
  D.register({
    enter: leave, // start clean; the first fast() and slow() load the queue and the rules
    leave,
    fast: () => run('queue', loadQueue),
    slow: () => run('rules', loadRules),
    year: () => run('rules', loadRules),
  });
})();
