/**
 * The report's script, inlined in the page. It reads the findings from the embedded JSON and
 * renders only the rows in view (a fixed row height and a spacer keep the scrollbar honest), so
 * 50,000 findings stay responsive. Every value goes into the DOM through textContent: resource
 * names and tags are hostile input.
 */
export const CLIENT_SCRIPT = String.raw`
(function () {
  'use strict';
  var t0 = performance.now();
  var rows = JSON.parse(document.getElementById('dutyscan-findings').textContent);
  var meta = JSON.parse(document.getElementById('dutyscan-meta').textContent);
  var STATUS = meta.statuses;
  var SEVERITY = ['critical', 'high', 'medium', 'low', 'info'];
  var ROW_H = 30;
  var C = { check: 0, status: 1, severity: 2, muted: 3, account: 4, region: 5, type: 6, id: 7, name: 8, message: 9, tags: 10, evidence: 11, mute: 12, error: 13, firstSeen: 14, lastSeen: 15, notAssessed: 16 };
  var STATUS_ORDER = meta.statusRank; // by status index: FAIL, ERROR, NOT_ASSESSED, PASS, N/A first to last
  var order = rows.map(function (_r, i) { return i; });
  order.sort(function (a, b) {
    var ra = rows[a], rb = rows[b];
    return (STATUS_ORDER[ra[C.status]] - STATUS_ORDER[rb[C.status]]) || (ra[C.severity] - rb[C.severity]) || (ra[C.check] - rb[C.check]);
  });
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function account(r) { return meta.accounts[r[C.account]]; }
  function check(r) { return meta.checks[r[C.check]]; }

  function fillSelect(id, values, label) {
    var s = $(id);
    values.forEach(function (v) {
      var o = document.createElement('option');
      o.value = String(v[0]);
      o.textContent = v[1];
      s.appendChild(o);
    });
    s.setAttribute('aria-label', label);
  }
  function distinct(fn) {
    var seen = new Map();
    rows.forEach(function (r) { var k = fn(r); if (!seen.has(k[0])) seen.set(k[0], k[1]); });
    return Array.from(seen.entries()).sort(function (a, b) { return String(a[1]).localeCompare(String(b[1])); });
  }
  fillSelect('f-status', STATUS.map(function (s, i) { return [i, s]; }), 'status');
  fillSelect('f-severity', SEVERITY.map(function (s, i) { return [i, s]; }), 'severity');
  fillSelect('f-provider', distinct(function (r) { var a = account(r); return [a[0], a[0]]; }), 'provider');
  fillSelect('f-account', distinct(function (r) { var a = account(r); return [r[C.account], a[0] + ' ' + a[1] + (a[2] ? ' (' + a[2] + ')' : '')]; }), 'account');
  fillSelect('f-region', distinct(function (r) { return [r[C.region], r[C.region]]; }), 'region');
  fillSelect('f-duty', distinct(function (r) { var c = check(r); return [c.duty, c.duty]; }), 'duty');

  var view = order;
  function applyFilters() {
    var st = $('f-status').value, sv = $('f-severity').value, pr = $('f-provider').value, ac = $('f-account').value,
      rg = $('f-region').value, du = $('f-duty').value, muted = $('f-muted').checked,
      q = $('f-search').value.trim().toLowerCase();
    view = order.filter(function (i) {
      var r = rows[i];
      if (st !== '' && r[C.status] !== +st) return false;
      if (sv !== '' && r[C.severity] !== +sv) return false;
      if (pr !== '' && account(r)[0] !== pr) return false;
      if (ac !== '' && r[C.account] !== +ac) return false;
      if (rg !== '' && r[C.region] !== rg) return false;
      if (du !== '' && check(r).duty !== du) return false;
      if (!muted && r[C.muted]) return false;
      if (q && String(r[C.id]).toLowerCase().indexOf(q) < 0 && String(r[C.name]).toLowerCase().indexOf(q) < 0) return false;
      return true;
    });
    $('shown-count').textContent = view.length + ' of ' + rows.length + ' findings';
    $('spacer').style.height = (view.length * ROW_H) + 'px';
    $('viewport').scrollTop = 0;
    render();
  }

  var pending = false;
  function render() {
    pending = false;
    var vp = $('viewport'), layer = $('rows');
    var first = Math.max(0, Math.floor(vp.scrollTop / ROW_H) - 10);
    var last = Math.min(view.length, first + Math.ceil(vp.clientHeight / ROW_H) + 20);
    var frag = document.createDocumentFragment();
    for (var n = first; n < last; n++) {
      var i = view[n], r = rows[i], c = check(r), a = account(r);
      var row = el('div', 'row' + (r[C.muted] ? ' muted' : ''));
      row.setAttribute('role', 'row');
      row.tabIndex = 0;
      row.style.top = (n * ROW_H) + 'px';
      row.dataset.index = String(i);
      row.appendChild(el('span', 'cell status s-' + STATUS[r[C.status]], STATUS[r[C.status]].replace('_', ' ') + (r[C.muted] ? ' (muted)' : '')));
      row.appendChild(el('span', 'cell sev v-' + SEVERITY[r[C.severity]], SEVERITY[r[C.severity]]));
      row.appendChild(el('span', 'cell check', c.title));
      row.appendChild(el('span', 'cell resource', r[C.name] || r[C.id]));
      row.appendChild(el('span', 'cell account', a[0] + ' ' + (a[2] || a[1])));
      row.appendChild(el('span', 'cell region', r[C.region]));
      frag.appendChild(row);
    }
    layer.replaceChildren(frag);
  }
  function schedule() { if (!pending) { pending = true; requestAnimationFrame(render); } }

  function kv(dl, k, v) {
    if (v === undefined || v === null || v === '') return;
    dl.appendChild(el('dt', null, k));
    dl.appendChild(el('dd', null, v));
  }
  function showDetail(i) {
    var r = rows[i], c = check(r), a = account(r), d = $('detail');
    d.replaceChildren();
    d.appendChild(el('h3', null, c.title));
    var dl = el('dl');
    kv(dl, 'Status', STATUS[r[C.status]] + (r[C.muted] ? ' (muted)' : ''));
    kv(dl, 'Severity', SEVERITY[r[C.severity]]);
    kv(dl, 'Check', c.id);
    kv(dl, 'Duty', c.duty);
    kv(dl, 'Resource', r[C.id]);
    kv(dl, 'Name', r[C.name]);
    kv(dl, 'Type', r[C.type]);
    kv(dl, 'Account', a[0] + ' ' + a[1] + (a[2] ? ' (' + a[2] + ')' : ''));
    kv(dl, 'Region', r[C.region]);
    kv(dl, 'Message', r[C.message]);
    var tags = Object.keys(r[C.tags] || {}).map(function (k) { return k + '=' + r[C.tags][k]; }).join(', ');
    kv(dl, 'Tags', tags);
    if (r[C.error]) kv(dl, 'Error', r[C.error].code + ' ' + r[C.error].operation + ': ' + r[C.error].message + ' (' + r[C.error].origin + ')');
    if (r[C.notAssessed]) kv(dl, 'Not assessed', 'set ' + r[C.notAssessed].setting + ' and scan again');
    if (r[C.mute]) kv(dl, 'Muted', r[C.mute].reason + (r[C.mute].owner ? ' by ' + r[C.mute].owner : '') + (r[C.mute].expires ? ' until ' + r[C.mute].expires : ''));
    kv(dl, 'Obligations', c.obligations.map(function (o) { return o.id + (o.clauses.length ? ' (clauses ' + o.clauses.join(', ') + ')' : ''); }).join('; '));
    kv(dl, 'Frameworks', Object.keys(c.frameworks).map(function (k) { return k + ' ' + c.frameworks[k].join(', '); }).join('; '));
    kv(dl, 'First seen', r[C.firstSeen]);
    kv(dl, 'Last seen', r[C.lastSeen]);
    d.appendChild(dl);
    d.appendChild(el('h4', null, 'Evidence'));
    d.appendChild(el('pre', 'evidence', JSON.stringify(r[C.evidence], null, 2)));
    d.appendChild(el('h4', null, 'Remediation'));
    d.appendChild(el('p', null, c.remediation.text));
    if (c.remediation.cli) d.appendChild(el('pre', 'cli', c.remediation.cli));
    if (c.remediation.url && /^https?:\/\//.test(c.remediation.url)) {
      var link = el('a', null, c.remediation.url);
      link.href = c.remediation.url;
      link.rel = 'noopener noreferrer';
      link.target = '_blank';
      d.appendChild(link);
    }
    d.hidden = false;
  }
  $('rows').addEventListener('click', function (e) {
    var row = e.target.closest('.row');
    if (row) showDetail(+row.dataset.index);
  });
  $('rows').addEventListener('keydown', function (e) {
    var row = e.target.closest('.row');
    if (row && e.key === 'Enter') showDetail(+row.dataset.index);
  });
  $('viewport').addEventListener('scroll', schedule);
  window.addEventListener('resize', schedule);
  ['f-status', 'f-severity', 'f-provider', 'f-account', 'f-region', 'f-duty', 'f-muted'].forEach(function (id) {
    $(id).addEventListener('change', applyFilters);
  });
  var debounce;
  $('f-search').addEventListener('input', function () { clearTimeout(debounce); debounce = setTimeout(applyFilters, 120); });
  applyFilters();
  // Timing for the benchmark test: when the first rows were on screen, and the script's own share.
  document.documentElement.dataset.reportTiming = JSON.stringify({ renderedAt: performance.now(), scriptMs: performance.now() - t0, rows: rows.length });
  document.documentElement.dataset.ready = 'true';
})();
`;
