// The archive search: a query in the theme rule language with filters (theme, language, source, time), results with
// highlights, paging, and the story of each result.
'use strict';

(function () {
  const NM = window.NM;
  const search = { params: null, query: null, cursor: null, generation: 0 };
  const FILTERS = [['theme', 'search-theme'], ['lang', 'search-lang'], ['source', 'search-source'],
    ['from', 'search-from'], ['to', 'search-to'], ['sort', 'search-sort']];

  function setStatus(s, text) {
    const status = document.getElementById('search-status');
    status.dataset.state = s;
    status.textContent = text;
  }

  function renderResult(hit) {
    const li = NM.el('li', 'alert result');
    li.dataset.articleId = String(hit.articleId || '');
    const themes = Array.isArray(hit.themes) ? hit.themes : [];
    li.appendChild(NM.el('span', 'theme', themes.map(NM.themeTitle).join(', ')));
    const title = NM.titleNode(hit.url);
    if (typeof hit.titleHtml === 'string') NM.appendMarked(title, hit.titleHtml);
    else title.textContent = String(hit.title || '(untitled)');
    li.appendChild(title);
    const described = NM.subTopicsNode(hit.subTopics);
    if (described) li.appendChild(described);
    li.appendChild(NM.metaNode(hit.source, hit.publishedAt, hit.language));
    if (hit.snippetHtml) li.appendChild(NM.appendMarked(NM.el('p', 'snippet'), hit.snippetHtml));
    if (hit.storyId) li.appendChild(NM.storyButton(hit.storyId, hit.articleId, search.query));
    return li;
  }

  /** Runs the form's search (more: the next page of the last one) and shows the results or the API's refusal. */
  async function run(more) {
    const list = document.getElementById('results');
    const moreButton = document.getElementById('search-more');
    if (!more) {
      const p = new URLSearchParams();
      search.query = document.getElementById('search-q').value;
      p.set('q', search.query);
      for (const [name, id] of FILTERS) {
        const value = document.getElementById(id).value.trim();
        if (value) p.set(name, value);
      }
      p.set('limit', '20');
      search.params = p;
      search.cursor = null;
      NM.clear(list);
    }
    const generation = ++search.generation;
    const p = new URLSearchParams(search.params);
    if (more && search.cursor) p.set('cursor', search.cursor);
    moreButton.hidden = true;
    setStatus('loading', 'searching…');
    let r;
    try {
      r = await NM.api('GET', '/search?' + p.toString());
    } catch (e) {
      if (generation === search.generation) setStatus('error', 'search is unavailable');
      return;
    }
    if (generation !== search.generation) return;
    if (!r.ok || !r.body) {
      // the reason goes next to the search box when it is about the query (empty, too long, too broad, too
      // expensive, or not the rule language); anything else under the form
      const unshown = NM.showFieldErrors(document.getElementById('search'), r);
      setStatus('error', unshown.length ? unshown.join('; ') : 'The search was refused: see the query.');
      return;
    }
    NM.clearFieldErrors(document.getElementById('search'));
    const results = Array.isArray(r.body.results) ? r.body.results : [];
    for (const hit of results) list.appendChild(renderResult(hit));
    const total = Number(r.body.total) || 0;
    setStatus('done', total === 0 ? 'Nothing found.'
      : 'Showing ' + list.children.length + ' of ' + total + (r.body.complete === false
        ? ' (the index is still being rebuilt)' : ''));
    search.cursor = typeof r.body.nextCursor === 'string' ? r.body.nextCursor : null;
    moreButton.hidden = !search.cursor;
  }

  function fillThemes() {
    const select = document.getElementById('search-theme');
    for (const [id, title] of Object.entries(NM.themes)) {
      const option = NM.el('option', null, title || id);
      option.value = id;
      select.appendChild(option);
    }
  }

  function start() {
    document.getElementById('search-form').addEventListener('submit', (event) => {
      event.preventDefault();
      run(false);
    });
    document.getElementById('search-more').addEventListener('click', () => run(true));
  }

  NM.search = { start: start, fillThemes: fillThemes };
})();
