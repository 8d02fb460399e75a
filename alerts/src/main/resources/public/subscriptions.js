// Subscriptions with the API key: list, create, edit (a merge patch naming only what changed, so channels left alone
// stay as they are), preview before saving (POST /subscriptions/preview; Save stays off until the form as it stands
// was previewed), delete, the Atom feed link (issued and rotated here) and the live alerts of one subscription.
// A refusal is shown next to the field it names.
'use strict';

(function () {
  const NM = window.NM;
  const state = { key: null, editing: null, original: null, previewed: null, source: null, watching: null };
  // the channel fields: form input id and API field
  const CHANNELS = [['sub-webhook', 'webhookUrl'], ['sub-email', 'email'], ['sub-ntfy', 'ntfy'], ['sub-slack', 'slack']];

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

  function telegramOf(token, chat) {
    return token || chat ? { botToken: token, chatId: chat } : null;
  }

  /** The channels and delivery as the form has them, each null when blank. */
  function channelsOfForm() {
    const c = {};
    for (const [id, field] of CHANNELS) c[field] = $(id).value.trim() || null;
    c.telegram = telegramOf($('sub-telegram-token').value.trim(), $('sub-telegram-chat').value.trim());
    c.mode = $('sub-mode').value;
    c.includeSurges = $('sub-surges').checked;
    return c;
  }

  /** The same of a stored subscription, to tell what an edit changed. */
  function channelsOf(s) {
    const c = {};
    for (const [, field] of CHANNELS) c[field] = typeof s[field] === 'string' && s[field] ? s[field] : null;
    c.telegram = s.telegram ? telegramOf(String(s.telegram.botToken || ''), String(s.telegram.chatId || '')) : null;
    c.mode = typeof s.mode === 'string' ? s.mode : 'IMMEDIATE';
    c.includeSurges = s.includeSurges === true;
    return c;
  }

  /**
   * The form as the body of a create (edit: a merge patch, where a blank name or query is removed, and a channel is
   * named only when the form changed it: a blank one is then removed, null in the patch).
   */
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
    const channels = channelsOfForm();
    const before = forPatch && state.original ? channelsOf(state.original) : null;
    for (const [field, value] of Object.entries(channels)) {
      const changed = !before || JSON.stringify(before[field]) !== JSON.stringify(value);
      if (forPatch ? changed : value !== null && value !== false && !(field === 'mode' && value === 'IMMEDIATE')) {
        body[field] = value;
      }
    }
    return body;
  }

  function formChanged() {
    $('sub-save').disabled = state.previewed !== JSON.stringify(formBody(false));
  }

  function resetForm() {
    state.editing = null;
    state.original = null;
    state.previewed = null;
    $('sub-form').reset();
    NM.clearFieldErrors($('sub-form'));
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
    const channels = [];
    if (s.webhookUrl) channels.push('webhook ' + s.webhookUrl);
    if (s.email) channels.push('e-mail ' + s.email);
    if (s.ntfy) channels.push('ntfy ' + s.ntfy);
    if (s.slack) channels.push('Slack ' + s.slack);
    if (s.telegram) channels.push('Telegram ' + s.telegram.chatId);
    if (channels.length) parts.push('to: ' + channels.join(', '));
    if (s.mode === 'HOURLY_DIGEST') parts.push('hourly digest');
    if (s.mode === 'DAILY_DIGEST') parts.push('daily digest');
    if (s.includeSurges === true) parts.push('surges too');
    return parts.join(' · ');
  }

  /**
   * Issues a new feed token (the previous one, if any, stops working at once) and shows the feed's address, which
   * carries it: the API keeps only its hash, so the address is shown now or never.
   */
  async function rotateFeed(s, li, button) {
    const r = await NM.api('POST', '/subscriptions/' + encodeURIComponent(String(s.id)) + '/feed-token',
      { key: state.key });
    if (!r.ok || !r.body || typeof r.body.feedUrl !== 'string') {
      setStatus('error', NM.refusal(r));
      return;
    }
    s.feedTokenHash = 'issued';
    let box = li.querySelector('.feed');
    if (!box) {
      box = NM.el('div', 'feed');
      li.appendChild(box);
    }
    NM.clear(box);
    box.appendChild(NM.el('span', 'hint', 'Atom feed (for any feed reader; the link opens it without the API key, '
      + 'so keep it private; a new link stops this one): '));
    const url = NM.el('input', 'feed-url');
    url.type = 'text';
    url.readOnly = true;
    url.setAttribute('aria-label', 'Atom feed address of ' + (s.name || s.id));
    url.value = new URL(r.body.feedUrl, window.location.href).href;
    box.appendChild(url);
    button.dataset.confirm = 'false';
    button.textContent = 'New feed link';
    setStatus('done', 'A new feed link of ' + (s.name || s.id) + ' is shown; any earlier one no longer opens.');
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
    const feed = NM.el('button', 'feed-link', s.feedTokenHash ? 'New feed link' : 'Feed link');
    feed.type = 'button';
    feed.addEventListener('click', () => {
      // a link already issued stops working: a second click confirms
      if (s.feedTokenHash && feed.dataset.confirm !== 'true') {
        feed.dataset.confirm = 'true';
        feed.textContent = 'New feed link: the current one stops working; click again';
        return;
      }
      rotateFeed(s, li, feed);
    });
    actions.append(edit, watch, feed, remove);
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
    const channels = channelsOf(s);
    for (const [id, field] of CHANNELS) $(id).value = channels[field] || '';
    $('sub-telegram-token').value = channels.telegram ? channels.telegram.botToken : '';
    $('sub-telegram-chat').value = channels.telegram ? channels.telegram.chatId : '';
    $('sub-mode').value = channels.mode;
    $('sub-surges').checked = channels.includeSurges;
    state.original = s;
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
      refused(r);
      return;
    }
    NM.clearFieldErrors($('sub-form'));
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
      refused(r);
      return;
    }
    const saved = r.body;
    const created = !state.editing;
    resetForm();
    await load();
    setStatus('done', 'Saved ' + (saved.name || saved.id) + '.');
    if (created && typeof saved.webhookSecret === 'string') showSecret(saved);
    watchAlerts(saved);
  }

  /** A refusal of the form: each reason next to the field it names, the rest in the status line. */
  function refused(r) {
    const unshown = NM.showFieldErrors($('sub-form'), r);
    setStatus('error', unshown.length ? unshown.join('; ')
      : 'Not saved: the reasons are shown next to the fields.');
  }

  function showSecret(saved) {
    $('sub-secret-name').textContent = saved.name || saved.id;
    $('sub-secret-value').value = saved.webhookSecret;
    $('sub-secret').hidden = false;
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
    $('sub-secret-close').addEventListener('click', () => {
      $('sub-secret').hidden = true;
      $('sub-secret-value').value = '';
    });
  }

  NM.subscriptions = { start: start };
})();
