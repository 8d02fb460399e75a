// What every part of the dashboard shares: building DOM from hostile text, highlights, links, times and the API.
// Feed text is hostile by assumption: every string reaches the page through textContent or an attribute that
// cannot run code, and links are kept only for http(s) URLs. Nothing here ever parses data as HTML.
'use strict';

(function () {
  const NM = window.NM = {};

  // dates carry the year, times the zone they are shown in
  const DATE_TIME = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
    timeZoneName: 'short' };

  /** The catalog's theme titles by id, filled at start; ids stand in for missing titles. */
  NM.themes = {};

  NM.themeTitle = function (id) {
    return Object.prototype.hasOwnProperty.call(NM.themes, id) ? NM.themes[id] : id;
  };

  NM.el = function (tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  };

  NM.clear = function (node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  };

  /** Only absolute http(s) URLs become links; everything else (javascript:, data:, relative) is refused. */
  NM.safeUrl = function (raw) {
    if (typeof raw !== 'string') return null;
    try {
      const url = new URL(raw);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) {
      return null;
    }
  };

  /**
   * Ranges [start, end) of the matched terms of one field, at the offsets the matcher gave (prefix terms such as
   * gazprom* cover the word they matched; "Russia" is never found inside "Russian"). Offsets that do not fit the
   * text are left out: nothing is searched for by substring.
   */
  NM.ranges = function (text, terms, field) {
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
  };

  /** Appends text to parent with the matched terms wrapped in mark elements, all as text nodes. */
  NM.highlighted = function (parent, text, terms, field) {
    let pos = 0;
    for (const [start, end] of NM.ranges(text, terms, field)) {
      if (start > pos) parent.appendChild(document.createTextNode(text.slice(pos, start)));
      parent.appendChild(NM.el('mark', null, text.slice(start, end)));
      pos = end;
    }
    if (pos < text.length) parent.appendChild(document.createTextNode(text.slice(pos)));
    return parent;
  };

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
  NM.appendMarked = function (parent, html) {
    let inMark = false;
    for (const part of String(html || '').split(/(<mark>|<\/mark>)/)) {
      if (part === '<mark>') {
        inMark = true;
      } else if (part === '</mark>') {
        inMark = false;
      } else if (part) {
        const text = decodeEntities(part);
        parent.appendChild(inMark ? NM.el('mark', null, text) : document.createTextNode(text));
      }
    }
    return parent;
  };

  /** A title element: a link only for http(s) URLs, opened without opener, referrer or endorsement. */
  NM.titleNode = function (url) {
    const href = NM.safeUrl(url);
    const title = href ? NM.el('a', 'title') : NM.el('span', 'title');
    if (href) {
      title.href = href;
      title.target = '_blank';
      title.rel = 'noopener noreferrer nofollow';
    }
    return title;
  };

  NM.formatTime = function (instant) {
    return instant ? new Date(instant).toLocaleString(undefined, DATE_TIME) : '';
  };

  /** The source (and language, when given) and the publication time, the date with its year and the time its zone. */
  NM.metaNode = function (source, publishedAt, language) {
    const meta = NM.el('div', 'meta');
    meta.appendChild(NM.el('span', 'source', source));
    if (language) {
      meta.appendChild(document.createTextNode(' · '));
      meta.appendChild(NM.el('span', 'language', language));
    }
    meta.appendChild(document.createTextNode(' · '));
    const time = NM.el('time', null, NM.formatTime(publishedAt));
    if (publishedAt) time.setAttribute('datetime', String(publishedAt));
    meta.appendChild(time);
    return meta;
  };

  /**
   * The sub-topics of a match, each its id and what it covers: "sub-topic: pipeline-gas — Gas through the
   * pipelines". described: a list of {id, description}, or, for search hits, such lists by theme id; ids: the plain
   * ids to fall back on. Null when there are none.
   */
  NM.subTopicsNode = function (described, ids) {
    let list = [];
    if (Array.isArray(described)) {
      list = described;
    } else if (described && typeof described === 'object') {
      for (const key of Object.keys(described).sort()) {
        if (Array.isArray(described[key])) list = list.concat(described[key]);
      }
    }
    if (!list.length && Array.isArray(ids)) list = ids.map((id) => ({ id: id, description: '' }));
    list = list.filter((t) => t && typeof t.id === 'string' && t.id);
    if (!list.length) return null;
    const node = NM.el('span', 'subtopics', 'sub-topic: ');
    list.forEach((t, i) => {
      if (i > 0) node.appendChild(document.createTextNode('; '));
      const one = NM.el('span', 'subtopic');
      one.dataset.subTopic = t.id;
      one.appendChild(NM.el('span', 'subtopic-id', t.id));
      if (typeof t.description === 'string' && t.description) {
        one.appendChild(document.createTextNode(' — '));
        one.appendChild(NM.el('span', 'subtopic-description', t.description));
      }
      node.appendChild(one);
    });
    return node;
  };

  /** A small button that opens the story of an article: its copies and why it matched. */
  NM.storyButton = function (storyId, articleId, query) {
    const button = NM.el('button', 'open-story', 'Why it matched · copies');
    button.type = 'button';
    button.addEventListener('click', () => NM.story.open(String(storyId), articleId ? String(articleId) : null,
      query || null));
    return button;
  };

  /** One alert: theme, title with the matched terms marked, source and time, snippet, and its story. */
  NM.renderAlert = function (a) {
    const li = NM.el('li', 'alert');
    li.dataset.alertId = String(a.alertId || '');
    li.appendChild(NM.el('span', 'theme', a.themeTitle || a.themeId));
    const title = NM.titleNode(a.url);
    NM.highlighted(title, String(a.title || '(untitled)'), a.terms, 'title');
    li.appendChild(title);
    li.appendChild(NM.metaNode(a.source || (a.kind === 'SURGE' ? 'surge' : ''), a.publishedAt));
    if (a.snippet) li.appendChild(NM.highlighted(NM.el('p', 'snippet'), String(a.snippet), a.snippetTerms, 'snippet'));
    if (a.kind !== 'SURGE' && a.storyId) li.appendChild(NM.storyButton(a.storyId, a.articleId, null));
    return li;
  };

  /**
   * Calls the API: {ok, status, body}, body the parsed JSON (null when none). A refusal's message is the API's own
   * {"error"} text, or says the status.
   */
  NM.api = async function (method, path, options) {
    const o = options || {};
    const headers = { Accept: 'application/json' };
    if (o.key) headers.Authorization = 'Bearer ' + o.key;
    if (o.body !== undefined) headers['Content-Type'] = o.contentType || 'application/json';
    const response = await fetch(path, { method: method, headers: headers,
      body: o.body === undefined ? undefined : JSON.stringify(o.body) });
    const body = response.status === 204 ? null : await response.json().catch(() => null);
    return { ok: response.ok, status: response.status, body: body };
  };

  NM.refusal = function (result) {
    if (result.body && typeof result.body.error === 'string') return result.body.error;
    // the web server itself refuses a request line or headers too long to read, before the API sees them
    return result.status === 414 || result.status === 431
      ? 'the request is too long for the service to read (HTTP ' + result.status + '); shorten the query'
      : 'the service answered ' + result.status;
  };

  /** Empties every field error note under root and marks its fields valid again. */
  NM.clearFieldErrors = function (root) {
    for (const note of root.querySelectorAll('[data-error-for]')) note.textContent = '';
    for (const field of root.querySelectorAll('[data-field][aria-invalid]')) field.removeAttribute('aria-invalid');
  };

  /**
   * Shows an API refusal ({"error", "field", "errors": [{"field", "message"}]}) next to the fields it names: each
   * message goes, as text, into the note under root whose data-error-for lists its field, and that field is marked
   * invalid. Returns the messages no note of root shows, each with its field, for the caller to show elsewhere.
   */
  NM.showFieldErrors = function (root, result) {
    NM.clearFieldErrors(root);
    const body = result && result.body ? result.body : {};
    const errors = Array.isArray(body.errors) && body.errors.length ? body.errors
      : [{ field: body.field, message: body.error }];
    const unshown = [];
    for (const e of errors) {
      const field = typeof e.field === 'string' ? e.field : '';
      const message = typeof e.message === 'string' ? e.message : NM.refusal(result);
      const note = field ? root.querySelector('[data-error-for~="' + CSS.escape(field) + '"]') : null;
      if (!note) {
        unshown.push(field ? field + ': ' + message : message);
        continue;
      }
      note.textContent = note.textContent ? note.textContent + '; ' + message : message;
      const input = root.querySelector('[data-field="' + CSS.escape(field) + '"]');
      if (input) input.setAttribute('aria-invalid', 'true');
    }
    return unshown;
  };

  NM.getJson = async function (path) {
    const r = await NM.api('GET', path);
    if (!r.ok || !r.body) throw new Error(path + ' answered ' + r.status);
    return r.body;
  };

  /** A value of a date input (YYYY-MM-DD, UTC) from an instant, or '' for none. */
  NM.dayOf = function (instant) {
    return instant ? new Date(instant).toISOString().slice(0, 10) : '';
  };
})();
