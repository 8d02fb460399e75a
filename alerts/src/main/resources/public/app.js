// The monitor's dashboard: live alerts over Server-Sent Events, charts drawn as SVG and a search of the archive.
// Feed text is hostile by assumption: every string reaches the page through textContent or an attribute that
// cannot run code, and links are kept only for http(s) URLs.
'use strict';

(function () {
  const SVG = 'http://www.w3.org/2000/svg';
  const MAX_ALERTS = 200;
  const PALETTE = ['#1f5fa8', '#b3261e', '#2e7d4f', '#8e44ad', '#d35400', '#16a085', '#7f8c8d', '#c0392b',
    '#2c3e50', '#27ae60', '#e67e22', '#6c5ce7', '#00838f', '#ad1457'];

  // dates carry the year, times the zone they are shown in
  const DATE_TIME = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
    timeZoneName: 'short' };

  const state = { granularity: 'hour', themes: {}, colors: {}, refreshTimer: null };

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  }

  /** Only absolute http(s) URLs become links; everything else (javascript:, data:, relative) is refused. */
  function safeUrl(raw) {
    if (typeof raw !== 'string') return null;
    try {
      const url = new URL(raw);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  /**
   * Ranges [start, end) of the matched terms of one field, at the offsets the matcher gave (prefix terms such as
   * gazprom* cover the word they matched; "Russia" is never found inside "Russian"). Offsets that do not fit the
   * text are left out: nothing is searched for by substring.
   */
  function ranges(text, terms, field) {
    const found = [];
    for (const t of terms || []) {
      if (t && t.field === field && Number.isInteger(t.start) && Number.isInteger(t.end) && t.start >= 0 &&
          t.start < t.end && t.end <= text.length) {
        found.push([t.start, t.end]);
      }
    }
    found.sort((a, b) => a[0] - b[0]);
    const merged = [];
    for (const r of found) {
      if (merged.length && r[0] <= merged[merged.length - 1][1]) {
        merged[merged.length - 1][1] = Math.max(merged[merged.length - 1][1], r[1]);
      } else {
        merged.push(r.slice());
      }
    }
    return merged;
  }

  /** Appends text to parent with the matched terms wrapped in mark elements, all as text nodes. */
  function highlighted(parent, text, terms, field) {
    let pos = 0;
    for (const [start, end] of ranges(text, terms, field)) {
      if (start > pos) parent.appendChild(document.createTextNode(text.slice(pos, start)));
      parent.appendChild(el('mark', null, text.slice(start, end)));
      pos = end;
    }
    if (pos < text.length) parent.appendChild(document.createTextNode(text.slice(pos)));
    return parent;
  }

  /** A title element: a link only for http(s) URLs, opened without opener, referrer or endorsement. */
  function titleNode(url) {
    const href = safeUrl(url);
    const title = href ? el('a', 'title') : el('span', 'title');
    if (href) {
      title.href = href;
      title.target = '_blank';
      title.rel = 'noopener noreferrer nofollow';
    }
    return title;
  }

  /** The source and the publication time, the date with its year and the time with its zone. */
  function metaNode(source, publishedAt) {
    const meta = el('div', 'meta');
    meta.appendChild(el('span', 'source', source));
    meta.appendChild(document.createTextNode(' · '));
    const time = el('time', null, publishedAt ? new Date(publishedAt).toLocaleString(undefined, DATE_TIME) : '');
    if (publishedAt) time.setAttribute('datetime', String(publishedAt));
    meta.appendChild(time);
    return meta;
  }

  function renderAlert(a) {
    const li = el('li', 'alert');
    li.dataset.alertId = String(a.alertId || '');
    li.appendChild(el('span', 'theme', a.themeTitle || a.themeId));
    const title = titleNode(a.url);
    highlighted(title, String(a.title || '(untitled)'), a.terms, 'title');
    li.appendChild(title);
    li.appendChild(metaNode(a.source || (a.kind === 'SURGE' ? 'surge' : ''), a.publishedAt));
    if (a.snippet) li.appendChild(highlighted(el('p', 'snippet'), String(a.snippet), a.snippetTerms, 'snippet'));
    return li;
  }

  const NAMED_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

  /** Decodes the character references the search highlighter writes when it escapes text: named and numeric. */
  function decodeEntities(text) {
    return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, ref) => {
      if (ref[0] === '#') {
        const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
      }
      return Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, ref) ? NAMED_ENTITIES[ref] : whole;
    });
  }

  /**
   * Appends the search API's escaped HTML to parent without parsing it as HTML: the exact <mark> and </mark> tags
   * become mark elements, everything else is decoded and inserted as text nodes.
   */
  function appendMarked(parent, html) {
    let inMark = false;
    for (const part of String(html || '').split(/(<mark>|<\/mark>)/)) {
      if (part === '<mark>') {
        inMark = true;
      } else if (part === '</mark>') {
        inMark = false;
      } else if (part) {
        const text = decodeEntities(part);
        parent.appendChild(inMark ? el('mark', null, text) : document.createTextNode(text));
      }
    }
    return parent;
  }

  function renderResult(hit) {
    const li = el('li', 'alert result');
    li.dataset.articleId = String(hit.articleId || '');
    const themes = Array.isArray(hit.themes) ? hit.themes : [];
    li.appendChild(el('span', 'theme', themes.map((t) => state.themes[t] || t).join(', ')));
    const title = titleNode(hit.url);
    if (typeof hit.titleHtml === 'string') appendMarked(title, hit.titleHtml);
    else title.textContent = String(hit.title || '(untitled)');
    li.appendChild(title);
    li.appendChild(metaNode(hit.source, hit.publishedAt));
    if (hit.snippetHtml) li.appendChild(appendMarked(el('p', 'snippet'), hit.snippetHtml));
    return li;
  }

  const search = { params: null, cursor: null, generation: 0 };

  function setSearchStatus(s, text) {
    const status = document.getElementById('search-status');
    status.dataset.state = s;
    status.textContent = text;
  }

  /** Runs the form's search (more: the next page of the last one) and shows the results or the API's refusal. */
  async function runSearch(more) {
    const list = document.getElementById('results');
    const moreButton = document.getElementById('search-more');
    if (!more) {
      const p = new URLSearchParams();
      p.set('q', document.getElementById('search-q').value);
      for (const [name, id] of [['theme', 'search-theme'], ['lang', 'search-lang'], ['sort', 'search-sort']]) {
        const value = document.getElementById(id).value;
        if (value) p.set(name, value);
      }
      p.set('limit', '20');
      search.params = p;
      search.cursor = null;
      clear(list);
    }
    const generation = ++search.generation;
    const p = new URLSearchParams(search.params);
    if (more && search.cursor) p.set('cursor', search.cursor);
    moreButton.hidden = true;
    setSearchStatus('loading', 'searching…');
    let response, body;
    try {
      response = await fetch('/search?' + p.toString(), { headers: { Accept: 'application/json' } });
      body = await response.json().catch(() => null);
    } catch (e) {
      if (generation === search.generation) setSearchStatus('error', 'search is unavailable');
      return;
    }
    if (generation !== search.generation) return;
    if (!response.ok || !body) {
      setSearchStatus('error', body && typeof body.error === 'string' ? body.error
        : 'search answered ' + response.status);
      return;
    }
    const results = Array.isArray(body.results) ? body.results : [];
    for (const hit of results) list.appendChild(renderResult(hit));
    const total = Number(body.total) || 0;
    setSearchStatus('done', total === 0 ? 'Nothing found.'
      : 'Showing ' + list.children.length + ' of ' + total + (body.complete === false
        ? ' (the index is still being rebuilt)' : ''));
    search.cursor = typeof body.nextCursor === 'string' ? body.nextCursor : null;
    moreButton.hidden = !search.cursor;
  }

  function fillThemeSelect() {
    const select = document.getElementById('search-theme');
    for (const [id, title] of Object.entries(state.themes)) {
      const option = el('option', null, title || id);
      option.value = id;
      select.appendChild(option);
    }
  }

  function startSearch() {
    document.getElementById('search-form').addEventListener('submit', (event) => {
      event.preventDefault();
      runSearch(false);
    });
    document.getElementById('search-more').addEventListener('click', () => runSearch(true));
  }

  function showAlert(a, isNew) {
    const list = document.getElementById('alerts');
    if (list.querySelector('[data-alert-id="' + CSS.escape(String(a.alertId)) + '"]')) return;
    const li = renderAlert(a);
    if (isNew) li.classList.add('new');
    list.insertBefore(li, list.firstChild);
    while (list.children.length > MAX_ALERTS) list.removeChild(list.lastChild);
    document.getElementById('empty').hidden = true;
  }

  function setConnection(s, text) {
    const badge = document.getElementById('connection');
    badge.dataset.state = s;
    badge.textContent = text;
  }

  async function getJson(path) {
    const r = await fetch(path, { headers: { Accept: 'application/json' } });
    if (!r.ok) throw new Error(path + ' answered ' + r.status);
    return r.json();
  }

  async function startAlerts() {
    let lastId = null;
    try {
      const recent = await getJson('/alerts?limit=50');
      const alerts = Array.isArray(recent.alerts) ? recent.alerts : [];
      for (let i = alerts.length - 1; i >= 0; i--) showAlert(alerts[i], false);
      if (alerts.length) lastId = alerts[0].alertId;
    } catch (e) {
      setConnection('reconnecting', 'alerts unavailable');
    }
    const source = new EventSource('/alerts/events' + (lastId ? '?lastEventId=' + encodeURIComponent(lastId) : ''));
    source.onopen = () => setConnection('live', 'live');
    source.onerror = () => setConnection('reconnecting', 'reconnecting…');
    source.addEventListener('alert', (event) => {
      try {
        showAlert(JSON.parse(event.data), true);
        scheduleStatsRefresh(2000);
      } catch (e) {
        // an unreadable event is skipped
      }
    });
    source.addEventListener('reset', () => {
      const list = document.getElementById('alerts');
      while (list.firstChild) list.removeChild(list.firstChild);
    });
  }

  function colorOf(themeId) {
    if (!state.colors[themeId]) {
      state.colors[themeId] = PALETTE[Object.keys(state.colors).length % PALETTE.length];
    }
    return state.colors[themeId];
  }

  function label(date) {
    const d = new Date(date);
    return state.granularity === 'day'
      ? d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
      : d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function frame(chart, width, height, pad, buckets, maxY, minY) {
    chart.appendChild(svg('line', { class: 'axis', x1: pad.l, y1: height - pad.b, x2: width - pad.r, y2: height - pad.b }));
    chart.appendChild(svg('line', { class: 'axis', x1: pad.l, y1: pad.t, x2: pad.l, y2: height - pad.b }));
    const top = svg('text', { class: 'label', x: 4, y: pad.t + 10 });
    top.textContent = String(maxY);
    chart.appendChild(top);
    const bottom = svg('text', { class: 'label', x: 4, y: height - pad.b });
    bottom.textContent = String(minY);
    chart.appendChild(bottom);
    const step = Math.max(1, Math.ceil(buckets.length / 6));
    buckets.forEach((b, i) => {
      if (i % step !== 0) return;
      const t = svg('text', { class: 'label', x: xOf(i, buckets.length, width, pad), y: height - 6, 'text-anchor': 'middle' });
      t.textContent = label(b.start);
      chart.appendChild(t);
    });
  }

  function xOf(i, n, width, pad) {
    const inner = width - pad.l - pad.r;
    return pad.l + (n <= 1 ? inner / 2 : (i * inner) / (n - 1));
  }

  function surgeMarks(chart, series, width, height, pad) {
    const buckets = series.buckets;
    for (const s of series.surges || []) {
      const start = new Date(s.windowStart).getTime();
      let index = -1;
      buckets.forEach((b, i) => { if (new Date(b.start).getTime() <= start) index = i; });
      if (index < 0) continue;
      const x = xOf(index, buckets.length, width, pad);
      chart.appendChild(svg('line', { class: 'surge-line', x1: x, y1: pad.t, x2: x, y2: height - pad.b }));
      const mark = svg('path', { class: 'surge', d: `M${x - 6},${pad.t} L${x + 6},${pad.t} L${x},${pad.t + 9} Z` });
      const tip = svg('title');
      const baseline = Number(s.baseline) || 0;
      const usual = baseline > 0
        ? (s.count / baseline).toFixed(1) + 'x the usual ' + baseline.toFixed(2) + ' an hour'
        : 'none in the hours before';
      tip.textContent = 'Surge: ' + (s.themeTitle || s.themeId) + ' (' + s.count + ' matches, ' + usual + ')';
      mark.appendChild(tip);
      chart.appendChild(mark);
    }
  }

  function drawThemeChart(series) {
    const chart = document.getElementById('theme-chart');
    const legend = document.getElementById('legend');
    clear(chart);
    clear(legend);
    const width = 720, height = 240, pad = { l: 48, r: 36, t: 14, b: 26 };
    const buckets = series.buckets || [];
    if (!buckets.length) {
      const t = svg('text', { class: 'label', x: width / 2 - 60, y: height / 2 });
      t.textContent = 'No matches counted yet';
      chart.appendChild(t);
      return;
    }
    let maxY = 1;
    for (const b of buckets) for (const c of Object.values(b.counts || {})) maxY = Math.max(maxY, Number(c) || 0);
    frame(chart, width, height, pad, buckets, maxY, 0);
    const yOf = (v) => height - pad.b - ((height - pad.t - pad.b) * v) / maxY;
    for (const theme of series.themes || []) {
      const points = buckets.map((b, i) => xOf(i, buckets.length, width, pad).toFixed(1) + ',' +
        yOf(Number((b.counts || {})[theme]) || 0).toFixed(1));
      const line = svg('polyline', { class: 'series', points: points.join(' '), stroke: colorOf(theme) });
      line.dataset.theme = String(theme);
      const tip = svg('title');
      tip.textContent = (state.themes[theme] || theme);
      line.appendChild(tip);
      chart.appendChild(line);
      const item = el('li');
      const swatch = el('span', 'swatch');
      swatch.style.background = colorOf(theme);
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(state.themes[theme] || theme));
      legend.appendChild(item);
    }
    surgeMarks(chart, series, width, height, pad);
  }

  function drawBalanceChart(series) {
    const chart = document.getElementById('balance-chart');
    clear(chart);
    const width = 720, height = 200, pad = { l: 48, r: 36, t: 14, b: 26 };
    const buckets = series.buckets || [];
    if (!buckets.length) return;
    let maxY = 1;
    for (const b of buckets) maxY = Math.max(maxY, Number(b.cooperation) || 0, Number(b.friction) || 0);
    frame(chart, width, height, pad, buckets, maxY, -maxY);
    const mid = pad.t + (height - pad.t - pad.b) / 2;
    const scale = (height - pad.t - pad.b) / 2 / maxY;
    chart.appendChild(svg('line', { class: 'axis', x1: pad.l, y1: mid, x2: width - pad.r, y2: mid }));
    const barWidth = Math.max(2, Math.min(24, (width - pad.l - pad.r) / Math.max(1, buckets.length) - 4));
    const net = [];
    buckets.forEach((b, i) => {
      const x = xOf(i, buckets.length, width, pad);
      const coop = Number(b.cooperation) || 0;
      const fric = Number(b.friction) || 0;
      chart.appendChild(svg('rect', { class: 'coop', x: x - barWidth / 2, y: mid - coop * scale, width: barWidth, height: coop * scale }));
      chart.appendChild(svg('rect', { class: 'fric', x: x - barWidth / 2, y: mid, width: barWidth, height: fric * scale }));
      net.push(x.toFixed(1) + ',' + (mid - (coop - fric) * scale).toFixed(1));
    });
    chart.appendChild(svg('polyline', { class: 'net', points: net.join(' ') }));
    surgeMarks(chart, series, width, height, pad);
  }

  async function refreshStats() {
    try {
      const series = await getJson('/stats?granularity=' + state.granularity);
      drawThemeChart(series);
      drawBalanceChart(series);
    } catch (e) {
      // charts keep their last picture until the next refresh
    }
  }

  function scheduleStatsRefresh(delay) {
    if (state.refreshTimer) return;
    state.refreshTimer = setTimeout(() => { state.refreshTimer = null; refreshStats(); }, delay);
  }

  function setGranularity(g) {
    state.granularity = g;
    document.getElementById('by-hour').setAttribute('aria-pressed', String(g === 'hour'));
    document.getElementById('by-day').setAttribute('aria-pressed', String(g === 'day'));
    refreshStats();
  }

  async function start() {
    document.getElementById('by-hour').addEventListener('click', () => setGranularity('hour'));
    document.getElementById('by-day').addEventListener('click', () => setGranularity('day'));
    startSearch();
    try {
      const catalog = await getJson('/themes');
      for (const t of catalog.themes || []) state.themes[t.id] = t.title;
    } catch (e) {
      // titles fall back to ids
    }
    fillThemeSelect();
    refreshStats();
    setInterval(refreshStats, 60000);
    startAlerts();
  }

  document.addEventListener('DOMContentLoaded', start);
})();
