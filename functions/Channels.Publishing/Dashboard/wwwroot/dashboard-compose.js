// Channels dashboard, third file: the 撰写发布 form. Editors compose an item without JSON; every change asks
// POST /api/publications/preview (debounced) for what each channel would send and for the problems, shown at their
// fields; 提交发布 is enabled only when the preview of exactly the current form is valid. Attachments are uploaded when
// chosen (POST /api/attachments). Loaded after dashboard.js and built on its helpers (window.ChannelsDashboard).
// Same rule as there: every string that comes from the API or the user goes through esc() before it reaches innerHTML;
// previews of pages are shown in srcdoc iframes sandboxed without allow-scripts (nothing in them can run).
(() => {
  'use strict';

  const D = window.ChannelsDashboard;
  if (!D) return;
  const { $, show, esc, api, showMsg, problemHtml } = D;
  const problemText = (err) => (err instanceof D.ApiError ? [err.title, err.detail].filter(Boolean).join('：') : String(err?.message ?? err));
  const { CHANNELS, CHANNEL_LABELS } = D.labels;

  const DEBOUNCE_MS = 500;
  const CHINA = '+08:00';
  const form = () => $('#compose-form');
  const field = (name) => form().elements.namedItem(name);
  const value = (name) => (field(name)?.value ?? '').trim();
  const lines = (name) => value(name).split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
  const pad = (n) => String(n).padStart(2, '0');

  const local = {
    timer: null, seq: 0,
    last: null,          // { sig, preview } of the newest answered preview
    columns: [],         // the catalogue's active column names
    attachments: [],     // uploaded: { id, name, size, kind }
    uploading: 0,
  };

  // ------------------------------------------------------------ time helpers
  // A datetime-local value is read as Beijing time (the office's), whatever the browser's zone.
  const fromLocal = (v) => (v ? `${v.length === 16 ? `${v}:00` : v}${CHINA}` : undefined);
  function chinaLocalNow() {
    const p = D.chinaParts(new Date());
    return `${p.y}-${p.M}-${p.d}T${p.h}:${p.m}`;
  }
  function newId() {
    const p = D.chinaParts(new Date());
    return `pub-${p.y}${p.M}${p.d}-${p.h}${p.m}${p.s}-${Math.random().toString(36).slice(2, 6)}`;
  }

  // ---------------------------------------------------- Word/WPS paste clean-up
  // Keeps structure (paragraphs, headings, lists, tables, emphasis, links) and drops everything else Word and WPS put
  // on the clipboard: styles, classes, mso-* markup, o:p and other namespaced tags, comments, conditional blocks, images
  // pointing at the user's disk. The server sanitises again; this keeps the editor (and the preview) clean.
  const KEEP = new Set(['p', 'br', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'u', 's', 'sub', 'sup', 'ul', 'ol', 'li',
    'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'a', 'blockquote']);
  const RENAME = { b: 'strong', i: 'em', h1: 'h2', strike: 's', div: 'p' };
  const DROP = new Set(['script', 'style', 'meta', 'link', 'title', 'xml', 'head', 'object', 'embed', 'iframe', 'img', 'svg', 'math',
    'form', 'input', 'button', 'select', 'textarea', 'video', 'audio', 'canvas', 'template', 'noscript']);

  function cleanHtml(html) {
    const doc = new DOMParser().parseFromString(String(html ?? ''), 'text/html');
    const out = document.createElement('div');
    [...doc.body.childNodes].forEach((n) => appendClean(out, n));
    // Word fills blank lines with <p>&nbsp;</p>: paragraphs with nothing visible go.
    out.querySelectorAll('p, h2, h3, h4, h5, h6, li').forEach((el) => {
      if (!el.textContent.replace(/[\s\u00a0]/g, '') && !el.querySelector('br, table')) el.remove();
    });
    // A paragraph around a block (Word's <div class=WordSection1>) is unwrapped.
    out.querySelectorAll('p').forEach((p) => {
      if (p.querySelector('p, table, ul, ol, h2, h3, h4, h5, h6, blockquote')) p.replaceWith(...p.childNodes);
    });
    return out.innerHTML.replace(/(&nbsp;\s*){2,}/g, ' '); // Word's indentation by spaces
  }

  // Word and WPS wrap their HTML source at ~80 characters: a line break between two Chinese characters is no space.
  const unwrapLines = (t) => t
    .replace(/([\u3000-\u303f\u3400-\u9fff\uff00-\uffef])[ \t]*\r?\n\s*(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])/g, '$1')
    .replace(/\s*\n\s*/g, ' ');

  function appendClean(parent, node) {
    if (node.nodeType === Node.TEXT_NODE) { parent.appendChild(document.createTextNode(unwrapLines(node.textContent))); return; }
    if (node.nodeType !== Node.ELEMENT_NODE) return; // comments (<!--[if gte mso 9]>…) and the rest
    const tag = node.localName.toLowerCase();
    const style = node.getAttribute('style') || '';
    if (DROP.has(tag) || tag.includes(':') || /mso-list:\s*ignore|display:\s*none/i.test(style)) {
      if (/mso-list:\s*ignore/i.test(style)) parent.appendChild(document.createTextNode(node.textContent.replace(/[\s\u00a0]+/g, ' ')));
      return;
    }
    const name = RENAME[tag] || tag;
    if (!KEEP.has(name)) { [...node.childNodes].forEach((c) => appendClean(parent, c)); return; } // span, font, section…: unwrapped
    const el = document.createElement(name);
    if (name === 'a') {
      const href = node.getAttribute('href') || '';
      if (/^(https?:|mailto:)/i.test(href)) el.setAttribute('href', href);
    }
    if (name === 'td' || name === 'th') {
      ['colspan', 'rowspan'].forEach((a) => {
        const v = Number(node.getAttribute(a));
        if (Number.isInteger(v) && v > 1 && v < 100) el.setAttribute(a, String(v));
      });
    }
    [...node.childNodes].forEach((c) => appendClean(el, c));
    parent.appendChild(el);
  }

  function textToHtml(text) {
    return String(text).split(/\r?\n\s*\r?\n|\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => `<p>${esc(l)}</p>`).join('');
  }

  function onPaste(e) {
    const data = e.clipboardData;
    if (!data) return;
    const html = data.getData('text/html');
    const text = data.getData('text/plain');
    if (!html && !text) return;
    e.preventDefault();
    const clean = html ? cleanHtml(html) : textToHtml(text);
    // insertHTML keeps the caret and the undo history; the markup is already clean.
    if (!document.execCommand('insertHTML', false, clean)) $('#c-body-editor').insertAdjacentHTML('beforeend', clean);
    syncBodyFromEditor();
  }

  function syncBodyFromEditor() {
    const html = $('#c-body-editor').innerHTML;
    $('#c-body').value = html === '<br>' ? '' : html;
    schedule();
  }

  function syncEditorFromBody() {
    $('#c-body-editor').innerHTML = cleanHtml($('#c-body').value);
    schedule();
  }

  // ---------------------------------------------------------- the item built
  function buildItem() {
    const channels = [...form().querySelectorAll('input[name="channels"]:checked')].map((c) => c.value);
    const now = form().querySelector('input[name="publishMode"]:checked')?.value !== 'at';
    const item = {
      id: value('id'),
      title: value('title'),
      body: $('#c-body').value,
      columns: [...form().querySelectorAll('input[name="columns"]:checked')].map((c) => c.value),
      publisher: value('publisher'),
      publishAt: now ? null : fromLocal(value('publishAt')),
      priority: $('#c-emergency').checked ? 'emergency' : 'normal',
      channels,
      approval: {
        author: value('approval.author'), reviewer: value('approval.reviewer'), approver: value('approval.approver'),
        approvedAt: fromLocal(value('approval.approvedAt')),
        confidentialityReview: { passed: $('#c-secrecy').checked },
      },
    };
    const optional = { summary: 'summary', documentNumber: 'documentNumber', indexNumber: 'indexNumber', documentCategory: 'documentCategory' };
    Object.entries(optional).forEach(([key, name]) => { if (value(name)) item[key] = value(name); });
    if (item.priority === 'emergency' && value('incidentAt')) item.incidentAt = fromLocal(value('incidentAt'));
    if (channels.includes('wechat') && (value('wechat.title') || value('wechat.digest'))) {
      item.wechat = {};
      if (value('wechat.title')) item.wechat.title = value('wechat.title');
      if (value('wechat.digest')) item.wechat.digest = value('wechat.digest');
    }
    if (channels.includes('sms')) {
      item.sms = { audience: lines('sms.audience'), text: value('sms.text') };
      const audiences = [...form().querySelectorAll('input[name="sms.audiences"]:checked')].map((c) => c.value);
      if (audiences.length) item.sms.audiences = audiences;
      if (value('sms.template')) item.sms.template = value('sms.template');
      if (lines('sms.params').length) item.sms.params = lines('sms.params');
    }
    if (channels.includes('bulletin')) item.bulletin = { boards: lines('bulletin.boards') };
    if (local.attachments.length) item.attachments = local.attachments.map((a) => ({ id: a.id, name: a.name }));
    Object.keys(item).forEach((k) => { if (item[k] === undefined || item[k] === null || item[k] === '') delete item[k]; });
    return item;
  }

  // "Publish now" is stamped when asked: the signature of the form leaves that time out.
  const signature = (item) => JSON.stringify(item);
  const stamped = (item) => (item.publishAt ? item : { ...item, publishAt: `${chinaLocalNow()}:00${CHINA}` });

  // ---------------------------------------------------------------- preview
  function schedule() {
    clearTimeout(local.timer);
    $('#c-submit').disabled = true;
    $('#c-state').textContent = '正在更新预览…';
    local.timer = setTimeout(runPreview, DEBOUNCE_MS);
  }

  async function runPreview() {
    const item = buildItem();
    const sig = signature(item);
    const n = ++local.seq;
    try {
      const preview = await api('/api/publications/preview', { method: 'POST', body: stamped(item) });
      if (n !== local.seq) return; // a newer form state is on its way
      local.last = { sig, preview };
      renderPreview(preview);
    } catch (err) {
      if (n !== local.seq) return;
      local.last = null;
      $('#c-state').textContent = `预览失败：${problemText(err)}`;
      showMsg($('#c-problems'), 'error', problemHtml(err));
    }
  }

  function renderPreview(p) {
    const problems = p?.problems && typeof p.problems === 'object' ? p.problems : {};
    showProblems(problems);
    const ready = p.valid === true && local.uploading === 0;
    $('#c-submit').disabled = !ready;
    const count = Object.keys(problems).length;
    $('#c-state').textContent = p.valid ? '预览已更新，可以提交' : `还有 ${count} 处需要修改`;
    const channels = p.channels || {};
    const shown = PREVIEWED().filter((c) => channels[c]);
    show('#preview-empty', shown.length === 0);
    PREVIEWED().forEach((c) => {
      const section = document.querySelector(`[data-channel-preview="${c}"]`);
      section.hidden = !channels[c];
      if (channels[c]) RENDER[c](section, channels[c]);
    });
  }

  const pv = (section, name) => section.querySelector(`[data-pv="${name}"]`);
  const unavailable = (section, c) => {
    const text = c.unavailable;
    if (text) section.dataset.unavailable = text; else delete section.dataset.unavailable;
    return !!text;
  };
  const frame = (section, html) => {
    const f = section.querySelector('iframe');
    if (f.srcdoc !== html) f.srcdoc = html;
  };

  const RENDER = {
    website(section, c) {
      if (unavailable(section, c)) { frame(section, unavailableDoc(c.unavailable)); return; }
      pv(section, 'website-url').textContent = c.url || '';
      frame(section, c.html || '');
    },
    wechat(section, c) {
      if (unavailable(section, c)) { frame(section, unavailableDoc(c.unavailable)); return; }
      pv(section, 'wechat-meta').textContent = `标题 ${c.titleLength}/32 字 · 摘要 ${c.digestLength}/128 字`;
      frame(section, wechatDoc(c));
      pv(section, 'wechat-notes').innerHTML = (c.notes || []).map((n) => `<li>${esc(n)}</li>`).join('');
    },
    weibo(section, c) {
      pv(section, 'weibo-meta').textContent = c.length != null ? `${c.length}/${c.limit} 字（微博计数）` : '';
      pv(section, 'weibo-name').textContent = value('publisher') || '政务微博';
      pv(section, 'weibo-text').textContent = c.text || c.unavailable || '';
    },
    sms(section, c) {
      pv(section, 'sms-meta').textContent = c.text
        ? `${c.length} 字 · 每人计费 ${c.segments} 条 · 接收 ${c.recipients} 人 · 模板 ${c.templateName || c.template || ''}`
        : `接收 ${c.recipients ?? 0} 人 · 内容未通过模板校验`;
      pv(section, 'sms-text').textContent = c.text || c.unavailable || '（按模板无法生成短信，见左侧提示）';
    },
    bulletin(section, c) {
      if (unavailable(section, c)) { frame(section, unavailableDoc(c.unavailable)); return; }
      pv(section, 'bulletin-meta').textContent = (c.boards || []).join('、');
      frame(section, c.html || '');
    },
  };

  const unavailableDoc = (text) => `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body><p>${esc(text)}</p></body></html>`;

  // The article as WeChat shows it on a phone: title, author line, content (already sanitised by the server).
  function wechatDoc(c) {
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(c.title)}</title>
<style>body{font-family:"Noto Sans CJK SC","PingFang SC",sans-serif;margin:0;padding:16px;color:#333;font-size:15px;line-height:1.75;word-wrap:break-word}
h1{font-size:21px;line-height:1.4;margin:0 0 10px;color:#222}.meta{color:#576b95;font-size:14px;margin-bottom:18px}
.digest{color:#555;background:#f6f6f6;padding:8px;font-size:13px}img{max-width:100%}table{border-collapse:collapse;max-width:100%}
td,th{border:1px solid #ccc;padding:2px 4px}</style></head>
<body><h1>${esc(c.title)}</h1><div class="meta">${esc(c.author)}</div><p class="digest">摘要：${esc(c.digest)}</p>
<div class="content">${c.content || ''}</div></body></html>`;
  }

  // --------------------------------------------------------------- problems
  // A problem's path (columns[2], sms.audience[0], approval.approver) is shown at the field of that name, or the nearest
  // enclosing one (columns, sms.audience); what has no field is listed above the submit button.
  function fieldFor(path) {
    const candidates = [path, path.replace(/\[\d+\]$/, ''), path.replace(/\[\d+\].*$/, ''), path.split('.')[0]];
    for (const c of candidates) {
      const el = form().querySelector(`[data-field="${CSS.escape(c)}"]`);
      if (el && !el.closest('[hidden]')) return el;
    }
    return null;
  }

  function showProblems(problems) {
    form().querySelectorAll('.field-error').forEach((e) => e.remove());
    form().querySelectorAll('[aria-invalid="true"]').forEach((e) => {
      e.removeAttribute('aria-invalid');
      const described = (e.getAttribute('aria-describedby') || '').split(' ').filter((id) => id && !id.startsWith('err-')).join(' ');
      if (described) e.setAttribute('aria-describedby', described); else e.removeAttribute('aria-describedby');
    });
    const general = [];
    Object.entries(problems).forEach(([path, messages], i) => {
      const list = Array.isArray(messages) ? messages : [messages];
      const host = fieldFor(path);
      if (!host) { general.push(...list.map((m) => `<li><code>${esc(path)}</code>：${esc(m)}</li>`)); return; }
      const id = `err-${i}`;
      host.insertAdjacentHTML('beforeend', `<p class="field-error" id="${id}" data-problem="${esc(path)}">${list.map(esc).join('；')}</p>`);
      const control = host.querySelector('input:not([type="search"]), textarea:not([hidden]), select, [role="textbox"]');
      if (control) {
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby', `${control.getAttribute('aria-describedby') || ''} ${id}`.trim());
      }
    });
    const box = $('#c-problems');
    if (general.length) showMsg(box, 'error', `<ul>${general.join('')}</ul>`); else show('#c-problems', false);
  }

  // ----------------------------------------------------------------- submit
  async function submit() {
    clearTimeout(local.timer);
    const item = buildItem();
    if (!local.last || local.last.sig !== signature(item)) await runPreview();
    if (!local.last?.preview?.valid || local.last.sig !== signature(item) || local.uploading) return;
    const button = $('#c-submit');
    button.disabled = true;
    try {
      const res = await api('/api/publications', { method: 'POST', body: stamped(item) });
      const id = res?.id ?? item.id;
      showMsg($('#c-result'), 'ok', `<strong>已受理</strong>：${esc(item.title)}（<a href="#" class="open-item" data-id="${esc(id)}">${esc(id)}</a>），`
        + '下方“发布详情”显示各渠道送达情况');
      reset(false);
      await D.refresh();
      D.openDetail(id);
    } catch (err) {
      showMsg($('#c-result'), 'error', problemHtml(err));
      if (err?.errors) showProblems(err.errors);
      button.disabled = false;
    }
  }

  // ------------------------------------------------------------ attachments
  const sizeText = (n) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

  async function upload(files) {
    const status = $('#c-attach-status');
    for (const file of files) {
      local.uploading++;
      status.textContent = `正在上传：${file.name}`;
      $('#c-submit').disabled = true;
      try {
        const a = await api('/api/attachments', {
          method: 'POST', body: file,
          headers: { 'x-file-name': encodeURIComponent(file.name), 'Content-Type': file.type || 'application/octet-stream' },
        });
        if (!local.attachments.some((x) => x.id === a.id)) local.attachments.push({ id: a.id, name: a.name || file.name, size: a.size, kind: a.kind });
        status.textContent = `已上传：${a.name || file.name}（${sizeText(a.size ?? file.size)}）`;
      } catch (err) {
        const reason = err?.errors ? Object.values(err.errors).flat().join('；') : '';
        status.textContent = `未能上传“${file.name}”：${reason || problemText(err)}`;
      } finally {
        local.uploading--;
      }
    }
    $('#c-attachments').value = '';
    renderAttachments();
    schedule();
  }

  function renderAttachments() {
    $('#c-attach-list').innerHTML = local.attachments.map((a, i) => `<li data-attachment="${esc(a.id)}"><span class="name">${esc(a.name)}</span>
      <span class="hint">${esc(sizeText(a.size ?? 0))}${a.kind ? ` · ${esc(a.kind)}` : ''}</span>
      <button type="button" class="btn small remove-attachment" data-index="${i}" aria-label="移除附件 ${esc(a.name)}">移除</button></li>`).join('');
  }

  // ------------------------------------------------------------ form set-up
  function renderColumns() {
    const filter = $('#c-columns-filter').value.trim();
    const checked = new Set([...form().querySelectorAll('input[name="columns"]:checked')].map((c) => c.value));
    $('#c-columns').innerHTML = local.columns.map((name, i) => {
      const hidden = filter && !name.includes(filter) && !checked.has(name) ? ' hidden' : '';
      return `<label class="column-choice"${hidden}><input type="checkbox" name="columns" value="${esc(name)}" id="c-col-${i}"${
        checked.has(name) ? ' checked' : ''}> ${esc(name)}</label>`;
    }).join('') || '<span class="hint">栏目目录为空</span>';
    renderChosen();
  }

  function renderChosen() {
    const chosen = [...form().querySelectorAll('input[name="columns"]:checked')].map((c) => c.value);
    $('#c-columns-chosen').textContent = chosen.length ? `已选：${chosen.join('、')}` : '未选择栏目';
  }

  function filterColumns() {
    const filter = $('#c-columns-filter').value.trim();
    form().querySelectorAll('.column-choice').forEach((l) => {
      const box = l.querySelector('input');
      l.hidden = !!filter && !box.value.includes(filter) && !box.checked;
    });
  }

  async function loadChoices() {
    try {
      const c = await api('/api/columns');
      local.columns = (c?.columns || []).map((x) => x.name).filter(Boolean);
    } catch { local.columns = []; }
    renderColumns();
    try {
      const a = await api('/api/sms/audiences');
      const names = (Array.isArray(a) ? a : a?.audiences || []).map((x) => (typeof x === 'string' ? x : x?.name)).filter(Boolean);
      if (names.length) {
        $('#c-sms-audiences').innerHTML = names.map((n) => `<label><input type="checkbox" name="sms.audiences" value="${esc(n)}"> ${esc(n)}</label>`).join('');
      }
    } catch { /* no list: numbers only */ }
  }

  function toggleOptions() {
    const on = (c) => form().querySelector(`input[name="channels"][value="${c}"]`)?.checked;
    ['wechat', 'sms', 'bulletin'].forEach((c) => show(`#c-opt-${c}`, !!on(c)));
    show('#c-incident-row', $('#c-emergency').checked);
    const at = form().querySelector('input[name="publishMode"]:checked')?.value === 'at';
    $('#c-publish-at').disabled = !at;
    if (at && !$('#c-publish-at').value) $('#c-publish-at').value = chinaLocalNow();
  }

  function reset(clearResult = true) {
    form().reset();
    $('#c-body-editor').innerHTML = '';
    $('#c-body').value = '';
    $('#c-id').value = newId();
    local.attachments = [];
    local.last = null;
    renderAttachments();
    renderColumns();
    form().querySelectorAll('input[name="channels"]').forEach((c) => { c.checked = c.value === 'website'; });
    toggleOptions();
    showProblems({});
    if (clearResult) show('#c-result', false);
    PREVIEWED().forEach((c) => { document.querySelector(`[data-channel-preview="${c}"]`).hidden = true; });
    show('#preview-empty', true);
    $('#c-submit').disabled = true;
    $('#c-state').textContent = '填写后自动预览';
  }

  // The channels this form can compose for (each has a preview renderer), in the registered order once GET /api/channels has answered.
  const PREVIEWED = () => {
    const known = Object.keys(RENDER);
    return [...CHANNELS.filter((c) => known.includes(c)), ...known.filter((c) => !CHANNELS.includes(c))];
  };

  // Channel choices with the registered labels; rebuilt (keeping what is ticked) when the labels arrive.
  function renderChannelChoices() {
    const ticked = new Set([...form().querySelectorAll('input[name="channels"]:checked')].map((c) => c.value));
    const first = !form().querySelector('input[name="channels"]');
    $('#c-channels').innerHTML = PREVIEWED().map((c) => `<label><input type="checkbox" name="channels" value="${c}"${
      (first ? c === 'website' : ticked.has(c)) ? ' checked' : ''}> ${esc(CHANNEL_LABELS[c] || c)}</label>`).join('');
  }

  function build() {
    renderChannelChoices();
    document.addEventListener('channels-loaded', () => { renderChannelChoices(); toggleOptions(); });
    const editor = $('#c-body-editor');
    editor.addEventListener('paste', onPaste);
    editor.addEventListener('input', syncBodyFromEditor);
    editor.addEventListener('focus', () => document.execCommand('defaultParagraphSeparator', false, 'p'));
    $('#c-body').addEventListener('input', syncEditorFromBody);
    $('#c-columns-filter').addEventListener('input', filterColumns);
    $('#c-columns-filter').addEventListener('keydown', (e) => { if (e.key === 'Enter') e.preventDefault(); });
    form().addEventListener('input', (e) => {
      if (e.target.id === 'c-columns-filter' || e.target.id === 'c-body' || e.target.type === 'file') return;
      if (e.target.name === 'columns') renderChosen();
      toggleOptions();
      schedule();
    });
    form().addEventListener('change', (e) => {
      if (e.target.type === 'file') { upload([...e.target.files]); return; }
      if (e.target.type === 'checkbox' || e.target.type === 'radio' || e.target.tagName === 'SELECT') {
        if (e.target.name === 'columns') renderChosen();
        toggleOptions();
        schedule();
      }
    });
    form().addEventListener('submit', (e) => { e.preventDefault(); submit(); });
    $('#c-attach-list').addEventListener('click', (e) => {
      const b = e.target.closest('button.remove-attachment');
      if (!b) return;
      local.attachments.splice(Number(b.dataset.index), 1);
      renderAttachments();
      $('#c-attach-status').textContent = '已移除附件';
      schedule();
    });
    $('#compose-new').addEventListener('click', () => reset());
  }

  build();
  D.register({
    enter() {
      const on = D.canPublish();
      show('#compose-section', on);
      if (!on) return;
      if (!value('id')) reset();
      loadChoices();
    },
    leave() {
      show('#compose-section', false);
      reset();
    },
  });

  // For tests and scripts: the clean-up the editor applies to pasted HTML.
  window.ChannelsCompose = Object.freeze({ cleanHtml });
})();
