// The monitor's dashboard: starts the parts (search, story view, charts, subscriptions) and shows live alerts over
// Server-Sent Events. Shared helpers are in dom.js; every string from the feeds reaches the page as text.
'use strict';

(function () {
  const NM = window.NM;
  const MAX_ALERTS = 200;

  function showAlert(a, isNew) {
    const list = document.getElementById('alerts');
    if (list.querySelector('[data-alert-id="' + CSS.escape(String(a.alertId)) + '"]')) return;
    const li = NM.renderAlert(a);
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

  async function startAlerts() {
    let lastId = null;
    try {
      const recent = await NM.getJson('/alerts?limit=50');
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
        NM.charts.scheduleRefresh(2000);
      } catch (e) {
        // an unreadable event is skipped
      }
    });
    source.addEventListener('reset', () => NM.clear(document.getElementById('alerts')));
  }

  async function start() {
    NM.search.start();
    NM.story.start();
    try {
      const catalog = await NM.getJson('/themes');
      for (const t of catalog.themes || []) NM.themes[t.id] = t.title;
    } catch (e) {
      // titles fall back to ids
    }
    NM.search.fillThemes();
    NM.subscriptions.start();
    NM.charts.start();
    startAlerts();
  }

  document.addEventListener('DOMContentLoaded', start);
})();
