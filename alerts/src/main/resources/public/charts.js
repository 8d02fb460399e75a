// Matches per theme and the cooperation-vs-friction balance over time, drawn with uPlot (served from the application
// as a WebJar). The time range defaults to the data the monitor holds (GET /stats says the span of the windows held):
// every day held, or the hours of the last 7 days of data held; a range of days can be chosen instead. Labels, the legend and the
// tooltip are text: uPlot sets its legend with textContent and the tooltip here is built the same way.
'use strict';

(function () {
  const NM = window.NM;
  const PALETTE = ['#1f5fa8', '#b3261e', '#2e7d4f', '#8e44ad', '#d35400', '#16a085', '#7f8c8d', '#c0392b',
    '#2c3e50', '#27ae60', '#e67e22', '#6c5ce7', '#00838f', '#ad1457'];
  const STEP = { hour: 3600, day: 86400 };
  const DEFAULT_HOURS = 7 * 24;
  const MAX_WINDOWS = 500;
  const MAX_FILLED_SLOTS = 5000;
  const state = { granularity: 'hour', range: null, colors: {}, plots: [], refreshTimer: null, generation: 0,
    last: null };

  function $(id) {
    return document.getElementById(id);
  }

  function colorOf(themeId) {
    if (!state.colors[themeId]) {
      state.colors[themeId] = PALETTE[Object.keys(state.colors).length % PALETTE.length];
    }
    return state.colors[themeId];
  }

  function seconds(instant) {
    return Math.floor(new Date(instant).getTime() / 1000);
  }

  function dayStart(value) {
    return Date.parse(value + 'T00:00:00Z') / 1000;
  }

  /** The x range [from, to) in seconds: the one chosen, else the data held, else the last 7 days. */
  function rangeOf(series) {
    const step = STEP[state.granularity];
    if (state.range) return { from: dayStart(state.range.from), to: dayStart(state.range.to) + 86400 };
    if (!series.heldTo) {
      const now = Math.floor(Date.now() / 1000 / step) * step + step;
      return { from: now - DEFAULT_HOURS * 3600, to: now };
    }
    const to = seconds(series.heldTo);
    let from = seconds(series.heldFrom);
    const buckets = Array.isArray(series.buckets) ? series.buckets : [];
    if (buckets.length >= MAX_WINDOWS) from = Math.max(from, seconds(buckets[0].start));
    if (state.granularity === 'hour') from = Math.max(from, to - DEFAULT_HOURS * 3600);
    return { from: from, to: to };
  }

  /** Slot start times over the range (zero where nothing was counted), or the buckets' own when too many. */
  function slots(range, buckets) {
    const step = STEP[state.granularity];
    const first = Math.floor(range.from / step) * step;
    if ((range.to - first) / step > MAX_FILLED_SLOTS) return buckets.map((b) => seconds(b.start));
    const xs = [];
    for (let x = first; x < range.to; x += step) xs.push(x);
    return xs;
  }

  function clearPlots() {
    for (const p of state.plots) p.destroy();
    state.plots = [];
  }

  function width(node) {
    return Math.max(320, node.clientWidth || 720);
  }

  function timeLabel(x) {
    const d = new Date(x * 1000);
    return state.granularity === 'day'
      ? d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }) + ' UTC'
      : NM.formatTime(d);
  }

  /** A tooltip of the hovered window, built with textContent: its time, the non-zero values and any surge there. */
  function tooltipPlugin(surgesAt) {
    let tip;
    return {
      hooks: {
        init: (u) => {
          tip = NM.el('div', 'chart-tip');
          tip.hidden = true;
          u.over.appendChild(tip);
        },
        setCursor: (u) => {
          const i = u.cursor.idx;
          if (i === null || i === undefined || u.cursor.left < 0) {
            tip.hidden = true;
            return;
          }
          NM.clear(tip);
          const x = u.data[0][i];
          tip.appendChild(NM.el('div', 'tip-time', timeLabel(x)));
          for (let s = 1; s < u.series.length; s++) {
            const v = u.data[s][i];
            if (v) tip.appendChild(NM.el('div', null, u.series[s].label + ': ' + Math.abs(v)));
          }
          for (const surge of surgesAt(x)) tip.appendChild(NM.el('div', 'tip-surge', surgeText(surge)));
          tip.hidden = tip.children.length <= 1;
          tip.style.left = Math.min(u.cursor.left + 12, u.over.clientWidth - 180) + 'px';
          tip.style.top = Math.max(0, u.cursor.top - 10) + 'px';
        },
      },
    };
  }

  function surgeText(s) {
    const baseline = Number(s.baseline) || 0;
    const usual = baseline > 0
      ? (Number(s.count) / baseline).toFixed(1) + 'x the usual ' + baseline.toFixed(2) + ' an hour'
      : 'none in the hours before';
    const title = s.themeTitle && s.themeTitle !== s.themeId ? s.themeTitle : NM.themeTitle(s.themeId);
    return 'Surge: ' + title + ' (' + Number(s.count) + ' matches, ' + usual + ')';
  }

  /** Triangles at the top of the plot where surges began, drawn on the canvas. */
  function surgeMarks(surges) {
    return (u) => {
      const ctx = u.ctx;
      ctx.save();
      ctx.fillStyle = '#e0a100';
      for (const s of surges) {
        const x = u.valToPos(seconds(s.windowStart), 'x', true);
        if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
        const top = u.bbox.top;
        const size = 6 * (window.devicePixelRatio || 1);
        ctx.beginPath();
        ctx.moveTo(x - size, top);
        ctx.lineTo(x + size, top);
        ctx.lineTo(x, top + 1.5 * size);
        ctx.closePath();
        ctx.fill();
      }
      ctx.restore();
    };
  }

  function xScale(range) {
    return { time: true, auto: false, range: () => [range.from, range.to] };
  }

  function drawThemes(series, range, xs, byStart, surges, surgesAt) {
    const node = $('theme-chart');
    // only the themes counted in the range: a legend of every theme ever counted would drown the ones shown
    const themes = (Array.isArray(series.themes) ? series.themes : []).filter((theme) =>
      Array.from(byStart.values()).some((b) => Number((b.counts || {})[theme]) > 0));
    const data = [xs];
    const uSeries = [{ label: 'Time', value: (u, v) => (v === null || v === undefined ? '--' : timeLabel(v)) }];
    let total = 0;
    for (const theme of themes) {
      data.push(xs.map((x) => {
        const b = byStart.get(x);
        const n = b ? Number((b.counts || {})[theme]) || 0 : 0;
        total += n;
        return n;
      }));
      uSeries.push({ label: NM.themeTitle(theme), stroke: colorOf(theme), width: 2, points: { size: 5 } });
    }
    node.dataset.total = String(total);
    const plot = new uPlot({ width: width(node), height: 260, series: uSeries, scales: { x: xScale(range) },
      axes: [{}, { label: 'matches' }], plugins: [tooltipPlugin(surgesAt)], hooks: { draw: [surgeMarks(surges)] } },
    data, node);
    state.plots.push(plot);
  }

  function drawBalance(range, xs, byStart, surges, surgesAt) {
    const node = $('balance-chart');
    const coop = [];
    const fric = [];
    const net = [];
    let max = 1;
    for (const x of xs) {
      const b = byStart.get(x);
      const c = b ? Number(b.cooperation) || 0 : 0;
      const f = b ? Number(b.friction) || 0 : 0;
      coop.push(c);
      fric.push(-f);
      net.push(c - f);
      max = Math.max(max, c, f);
    }
    const bars = uPlot.paths.bars({ size: [0.7, 24] });
    const plot = new uPlot({
      width: width(node), height: 200,
      series: [{ label: 'Time', value: (u, v) => (v === null || v === undefined ? '--' : timeLabel(v)) },
        { label: 'Cooperation', fill: 'rgba(46,125,79,.75)', stroke: '#2e7d4f', paths: bars, points: { show: false } },
        { label: 'Friction', fill: 'rgba(179,38,30,.75)', stroke: '#b3261e', paths: bars, points: { show: false },
          value: (u, v) => (v === null || v === undefined ? '--' : String(Math.abs(v))) },
        { label: 'Balance', stroke: '#1d2430', width: 2 }],
      scales: { x: xScale(range), y: { auto: false, range: () => [-max, max] } },
      axes: [{}, { label: 'friction ↓ · cooperation ↑' }],
      plugins: [tooltipPlugin(surgesAt)], hooks: { draw: [surgeMarks(surges)] },
    }, [xs, coop, fric, net], node);
    state.plots.push(plot);
  }

  function listSurges(surges) {
    const list = $('surges');
    NM.clear(list);
    for (const s of surges) {
      const li = NM.el('li', 'surge', surgeText(s) + ', ' + timeLabel(seconds(s.windowStart)));
      li.dataset.theme = String(s.themeId || '');
      list.appendChild(li);
    }
  }

  function draw(series) {
    clearPlots();
    const range = rangeOf(series);
    const buckets = (Array.isArray(series.buckets) ? series.buckets : [])
      .filter((b) => seconds(b.start) >= range.from && seconds(b.start) < range.to);
    const byStart = new Map(buckets.map((b) => [seconds(b.start), b]));
    const xs = slots(range, buckets);
    const surges = (Array.isArray(series.surges) ? series.surges : [])
      .filter((s) => seconds(s.windowStart) >= range.from && seconds(s.windowStart) < range.to);
    const step = STEP[state.granularity];
    const surgesAt = (x) => surges.filter((s) => {
      const start = seconds(s.windowStart);
      return start >= x && start < x + step;
    });
    for (const node of [$('theme-chart'), $('balance-chart')]) {
      node.dataset.from = new Date(range.from * 1000).toISOString();
      node.dataset.to = new Date(range.to * 1000).toISOString();
      node.dataset.buckets = String(buckets.length);
    }
    if (!state.range) {
      $('chart-from').value = NM.dayOf(range.from * 1000);
      $('chart-to').value = NM.dayOf(range.to * 1000 - 1000);
    }
    $('chart-note').textContent = !series.heldTo ? 'No matches counted yet.'
      : (state.range ? 'Chosen range.' : 'The data held: ' + timeLabel(range.from) + ' to ' + timeLabel(range.to)
        + '.') + (buckets.length ? '' : ' Nothing was counted in this range.');
    drawThemes(series, range, xs, byStart, surges, surgesAt);
    drawBalance(range, xs, byStart, surges, surgesAt);
    listSurges(surges);
  }

  async function refresh() {
    const generation = ++state.generation;
    const p = new URLSearchParams();
    p.set('granularity', state.granularity);
    p.set('limit', String(MAX_WINDOWS));
    if (state.range) {
      p.set('from', state.range.from);
      p.set('to', state.range.to);
    }
    const r = await NM.api('GET', '/stats?' + p.toString()).catch(() => null);
    if (generation !== state.generation) return;
    if (!r || !r.ok || !r.body) {
      // the charts keep their last picture until the next refresh
      $('chart-note').textContent = r ? NM.refusal(r) : 'statistics are unavailable';
      return;
    }
    state.last = r.body;
    draw(r.body);
  }

  function scheduleRefresh(delay) {
    if (state.refreshTimer) return;
    state.refreshTimer = setTimeout(() => { state.refreshTimer = null; refresh(); }, delay);
  }

  function setGranularity(g) {
    state.granularity = g;
    $('by-hour').setAttribute('aria-pressed', String(g === 'hour'));
    $('by-day').setAttribute('aria-pressed', String(g === 'day'));
    refresh();
  }

  function start() {
    $('by-hour').addEventListener('click', () => setGranularity('hour'));
    $('by-day').addEventListener('click', () => setGranularity('day'));
    $('chart-range').addEventListener('submit', (event) => {
      event.preventDefault();
      const from = $('chart-from').value;
      const to = $('chart-to').value;
      if (!from || !to || from > to) {
        $('chart-note').textContent = 'Choose a first day no later than the last day.';
        return;
      }
      state.range = { from: from, to: to };
      refresh();
    });
    $('chart-held').addEventListener('click', () => {
      state.range = null;
      refresh();
    });
    let resizeTimer = null;
    window.addEventListener('resize', () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => { if (state.last) draw(state.last); }, 200);
    });
    refresh();
    setInterval(refresh, 60000);
  }

  NM.charts = { start: start, scheduleRefresh: scheduleRefresh };
})();
