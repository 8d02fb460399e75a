// Subscriptions with the API key: list, create, edit (a merge patch, so channels set elsewhere are kept), preview
// before saving (POST /subscriptions/preview; Save stays off until the form as it stands was previewed), delete,
// and the live alerts of one subscription.
'use strict';

(function () {
  const NM = window.NM;
  const state = { key: null, editing: null, previewed: null, source: null, watching: null };

  function $(id) {
    return document.getElementById(id);
  }

  function setStatus(s, text) {
    $('sub-status').dataset.state = s;
    $('sub-status').textContent = text;
  }

  function words(value) {
    return value.split(',').map((v) => v.trim()).filter((v) => v);
  }

  /** The form as the body of a create (edit: a merge patch, where a blank name or query is removed). */
  function formBody(forPatch) {
    const body = {};
    const name = $('sub-name').value.trim();
    if (name || forPatch) body.name = name || null;
    body.themes = Array.from(document.querySelectorAll('#sub-themes input:checked')).map((i) => i.value);
    const query = $('sub-query').value.trim();
    if (query || forPatch) body.query = query || null;
    body.languages = words($('sub-languages').value);
    body.sources = words($('sub-sources').value);
    const minScore = $('sub-min-score').value.trim();
    body.minScore = minScore === '' ? 0 : Number(minScore);
    return body;
  }

  function formChanged() {
    $('sub-save').disabled = state.previewed !== JSON.stringify(formBody(false));
  }

  function resetForm() {
    state.editing = null;
    state.previewed = null;
    $('sub-form').reset();
    $('sub-form-title').textContent = 'New subscription';
    $('sub-cancel').hidden = true;
    $('sub-save').disabled = true;
    NM.clear($('sub-preview'));
  }

  function fillThemes() {
    const box = $('sub-themes');
    for (const [id, title] of Object.entries(NM.themes)) {
      const label = NM.el('label', 'check');
      const input = NM.el('input');
      input.type = 'checkbox';
      input.value = id;
      label.appendChild(input);
      label.appendChild(document.createTextNode(' ' + (title || id)));
      box.appendChild(label);
    }
  }

  function describe(s) {
    const parts = [];
    const themes = Array.isArray(s.themes) ? s.themes : [];
    parts.push(themes.length && !themes.includes('*') ? 'themes: ' + themes.map(NM.themeTitle).join(', ')
      : (s.query ? 'no theme' : 'every theme'));
    if (s.query) parts.push('query: ' + s.query);
    if (Array.isArray(s.languages) && s.languages.length) parts.push('languages: ' + s.languages.join(', '));
    if (Array.isArray(s.sources) && s.sources.length) parts.push('sources: ' + s.sources.join(', '));
    if (Number(s.minScore) > 0) parts.push('score ≥ ' + s.minScore);
    return parts.join(' · ');
  }

  function renderSubscription(s) {
    const li = NM.el('li', 'subscription');
    li.dataset.subscriptionId = String(s.id || '');
    li.appendChild(NM.el('span', 'name', s.name || s.id));
    li.appendChild(NM.el('div', 'meta', describe(s)));
    const actions = NM.el('div', 'actions');
    const edit = NM.el('button', 'edit', 'Edit');
    edit.type = 'button';
    edit.addEventListener('click', () => startEdit(s));
    const watch = NM.el('button', 'watch', 'Live alerts');
    watch.type = 'button';
    watch.addEventListener('click', () => watchAlerts(s));
    const remove = NM.el('button', 'delete', 'Delete');
    remove.type = 'button';
    remove.addEventListener('click', () => {
      // a second click confirms: no dialog box
      if (remove.dataset.confirm !== 'true') {
        remove.dataset.confirm = 'true';
        remove.textContent = 'Delete: click again to confirm';
        return;
      }
      removeSubscription(s);
    });
    actions.append(edit, watch, remove);
    li.appendChild(actions);
    return li;
  }

  async function load() {
    const r = await NM.api('GET', '/subscriptions?limit=500', { key: state.key });
    if (!r.ok || !r.body) {
      setStatus('error', NM.refusal(r));
      return false;
    }
    const list = $('sub-list');
    NM.clear(list);
    const subs = Array.isArray(r.body.subscriptions) ? r.body.subscriptions : [];
    for (const s of subs) list.appendChild(renderSubscription(s));
    setStatus('done', subs.length ? subs.length + ' subscription' + (subs.length === 1 ? '' : 's')
      : 'No subscription yet for this key.');
    return true;
  }

  function startEdit(s) {
    resetForm();
    state.editing = String(s.id);
    $('sub-form-title').textContent = 'Edit ' + (s.name || s.id);
    $('sub-cancel').hidden = false;
    $('sub-name').value = s.name || '';
    $('sub-query').value = s.query || '';
    $('sub-languages').value = (s.languages || []).join(', ');
    $('sub-sources').value = (s.sources || []).join(', ');
    $('sub-min-score').value = Number(s.minScore) > 0 ? String(s.minScore) : '';
    const themes = Array.isArray(s.themes) ? s.themes : [];
    for (const input of document.querySelectorAll('#sub-themes input')) input.checked = themes.includes(input.value);
    $('sub-form').scrollIntoView({ block: 'start' });
  }

  function renderPreview(result) {
    const box = $('sub-preview');
    NM.clear(box);
    const alerts = Number(result.alerts) || 0;
    box.appendChild(NM.el('p', 'summary', (alerts === 0 ? 'No alert' : alerts + ' alert' + (alerts === 1 ? '' : 's'))
      + ' from ' + NM.formatTime(result.from) + ' to ' + NM.formatTime(result.to) + ': '
      + (Number(result.articlesScanned) || 0) + ' of ' + (Number(result.articlesHeld) || 0)
      + ' articles held were decided on' + (result.complete === false ? ' (the index is still being rebuilt)' : '')
      + '.'));
    const perDay = result.perDay && typeof result.perDay === 'object' ? Object.entries(result.perDay) : [];
    if (perDay.length) {
      const days = NM.el('ul', 'per-day');
      for (const [day, n] of perDay) days.appendChild(NM.el('li', null, day + ': ' + n));
      box.appendChild(days);
    }
    const list = NM.el('ol', 'alerts preview-alerts');
    for (const a of Array.isArray(result.first) ? result.first : []) list.appendChild(NM.renderAlert(a));
    box.appendChild(list);
    box.appendChild(NM.el('p', 'hint', alerts ? 'Save to be alerted on such articles from now on.'
      : 'Nothing held would have alerted; you may still save it.'));
  }

  async function preview() {
    const body = formBody(false);
    setStatus('loading', 'previewing…');
    const r = await NM.api('POST', '/subscriptions/preview', { key: state.key, body: body });
    if (!r.ok || !r.body) {
      state.previewed = null;
      formChanged();
      setStatus('error', NM.refusal(r));
      return;
    }
    renderPreview(r.body);
    state.previewed = JSON.stringify(body);
    formChanged();
    setStatus('done', 'Preview shown; the subscription is not saved yet.');
  }

  async function save() {
    if (state.previewed !== JSON.stringify(formBody(false))) return;
    const r = state.editing
      ? await NM.api('PATCH', '/subscriptions/' + encodeURIComponent(state.editing),
        { key: state.key, body: formBody(true), contentType: 'application/merge-patch+json' })
      : await NM.api('POST', '/subscriptions', { key: state.key, body: formBody(false) });
    if (!r.ok || !r.body) {
      setStatus('error', NM.refusal(r));
      return;
    }
    const saved = r.body;
    resetForm();
    await load();
    setStatus('done', 'Saved ' + (saved.name || saved.id) + '.');
    watchAlerts(saved);
  }

  async function removeSubscription(s) {
    const r = await NM.api('DELETE', '/subscriptions/' + encodeURIComponent(String(s.id)), { key: state.key });
    if (!r.ok) {
      setStatus('error', NM.refusal(r));
      return;
    }
    if (state.editing === String(s.id)) resetForm();
    if (state.watching === String(s.id)) stopWatching();
    await load();
    setStatus('done', 'Deleted ' + (s.name || s.id) + '.');
  }

  function stopWatching() {
    if (state.source) state.source.close();
    state.source = null;
    state.watching = null;
    $('sub-watch').hidden = true;
  }

  /** Shows the live alerts of one subscription (its own authenticated stream). */
  function watchAlerts(s) {
    stopWatching();
    state.watching = String(s.id);
    const panel = $('sub-watch');
    panel.hidden = false;
    panel.dataset.subscriptionId = state.watching;
    panel.dataset.state = 'connecting';
    $('sub-watch-title').textContent = 'Live alerts of ' + (s.name || s.id);
    NM.clear($('sub-alerts'));
    const source = new EventSource('/subscriptions/' + encodeURIComponent(state.watching) + '/events?apiKey='
      + encodeURIComponent(state.key));
    state.source = source;
    source.onopen = () => { panel.dataset.state = 'live'; };
    source.onerror = () => { panel.dataset.state = 'reconnecting'; };
    source.addEventListener('alert', (event) => {
      try {
        const a = JSON.parse(event.data);
        const list = $('sub-alerts');
        if (list.querySelector('[data-alert-id="' + CSS.escape(String(a.alertId)) + '"]')) return;
        list.insertBefore(NM.renderAlert(a), list.firstChild);
      } catch (e) {
        // an unreadable event is skipped
      }
    });
  }

  function start() {
    fillThemes();
    resetForm();
    $('sub-key-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const key = $('api-key').value.trim();
      if (!key) {
        setStatus('error', 'an API key is required: ./monitor prints it at start and keeps it in data/api-key');
        return;
      }
      state.key = key;
      stopWatching();
      if (await load()) $('sub-editor').hidden = false;
    });
    $('sub-form').addEventListener('input', formChanged);
    $('sub-form').addEventListener('change', formChanged);
    $('sub-form').addEventListener('submit', (event) => {
      event.preventDefault();
      save();
    });
    $('sub-preview-button').addEventListener('click', preview);
    $('sub-cancel').addEventListener('click', resetForm);
    $('sub-watch-close').addEventListener('click', stopWatching);
  }

  NM.subscriptions = { start: start };
})();
