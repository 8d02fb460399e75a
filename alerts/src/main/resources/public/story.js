// The story view: one article in full with why it matched (themes, sub-topics, matched terms highlighted, score)
// and the other copies of the same story across sources and languages, from GET /stories/{id}.
'use strict';

(function () {
  const NM = window.NM;
  const view = { story: null, query: null, focus: null, generation: 0 };
  const PAGE = 100;

  function status(state, text) {
    const s = document.getElementById('story-status');
    s.dataset.state = state;
    s.textContent = text;
  }

  // the theme terms and the search's terms, together: both are marked
  function allTerms(copy) {
    const terms = [];
    for (const m of Array.isArray(copy.matches) ? copy.matches : []) {
      for (const t of Array.isArray(m.terms) ? m.terms : []) terms.push(t);
    }
    for (const t of Array.isArray(copy.queryTerms) ? copy.queryTerms : []) terms.push(t);
    return terms;
  }

  function termList(terms, text) {
    const words = [];
    for (const t of terms) {
      const field = text[t.field];
      const found = typeof field === 'string' && Number.isInteger(t.start) && Number.isInteger(t.end) &&
        t.start >= 0 && t.end <= field.length ? field.slice(t.start, t.end) : t.term;
      if (found && !words.includes(found)) words.push(found);
    }
    return words;
  }

  function reasons(copy) {
    const list = NM.el('ul', 'reasons');
    const text = { title: String(copy.title || ''), summary: String(copy.summary || ''),
      content: String(copy.content || '') };
    for (const m of Array.isArray(copy.matches) ? copy.matches : []) {
      const li = NM.el('li', 'reason');
      li.dataset.theme = String(m.themeId || '');
      li.appendChild(NM.el('span', 'theme', m.themeTitle || NM.themeTitle(m.themeId)));
      li.appendChild(NM.el('span', 'score', 'score ' + (Number(m.score) || 0)));
      const subTopics = NM.subTopicsNode(m.subTopicDescriptions, m.subTopics);
      if (subTopics) li.appendChild(subTopics);
      const words = termList(Array.isArray(m.terms) ? m.terms : [], text);
      li.appendChild(NM.el('span', 'terms', words.length ? 'terms: ' + words.join(', ')
        : 'the themes in force no longer find its terms'));
      list.appendChild(li);
    }
    const queryTerms = Array.isArray(copy.queryTerms) ? copy.queryTerms : [];
    if (queryTerms.length) {
      const li = NM.el('li', 'reason query');
      li.appendChild(NM.el('span', 'theme', 'your search'));
      li.appendChild(NM.el('span', 'terms', 'terms: ' + termList(queryTerms, text).join(', ')));
      list.appendChild(li);
    }
    if (!list.children.length) list.appendChild(NM.el('li', 'hint', 'No theme matched this copy.'));
    return list;
  }

  function renderArticle(copy) {
    const article = document.getElementById('story-article');
    NM.clear(article);
    article.dataset.articleId = String(copy.articleId || '');
    const terms = allTerms(copy);
    const title = NM.titleNode(copy.url);
    NM.highlighted(title, String(copy.title || '(untitled)'), terms, 'title');
    article.appendChild(title);
    article.appendChild(NM.metaNode(copy.source, copy.publishedAt, copy.language));
    article.appendChild(NM.el('h3', null, 'Why it matched'));
    article.appendChild(reasons(copy));
    if (copy.summary) article.appendChild(NM.highlighted(NM.el('p', 'summary'), String(copy.summary), terms, 'summary'));
    if (copy.content) article.appendChild(NM.highlighted(NM.el('p', 'content'), String(copy.content), terms, 'content'));
  }

  function renderCopies(story, focusId) {
    const list = document.getElementById('story-copies');
    NM.clear(list);
    const others = story.articles.filter((c) => c.articleId !== focusId);
    const total = Number(story.total) || story.articles.length;
    document.getElementById('story-copies-title').textContent = others.length
      ? 'Other copies of this story (' + (total - 1) + (story.articles.length < total
        ? '; ' + others.length + ' shown' : '') + ')' : 'No other copy of this story is held';
    const more = document.getElementById('story-more');
    more.hidden = !Number.isInteger(story.nextOffset);
    more.disabled = false;
    const earlier = document.getElementById('story-earlier');
    earlier.hidden = !Number.isInteger(story.previousOffset);
    earlier.disabled = false;
    for (const copy of others) {
      const li = NM.el('li', 'copy');
      li.dataset.articleId = String(copy.articleId || '');
      const button = NM.el('button', 'copy-title', copy.title || '(untitled)');
      button.type = 'button';
      button.addEventListener('click', () => show(copy.articleId));
      li.appendChild(button);
      li.appendChild(NM.metaNode(copy.source, copy.publishedAt, copy.language));
      const themes = (Array.isArray(copy.matches) ? copy.matches : []).map((m) => m.themeTitle || m.themeId);
      if (themes.length) li.appendChild(NM.el('span', 'theme', themes.join(', ')));
      list.appendChild(li);
    }
  }

  function show(articleId) {
    const story = view.story;
    const focus = story.articles.find((c) => c.articleId === articleId) || story.articles[0];
    view.focus = focus.articleId;
    renderArticle(focus);
    renderCopies(story, focus.articleId);
  }

  // the page at offset, or (articleId given) the page that holds that copy
  function storyPath(storyId, offset, query, articleId) {
    const p = new URLSearchParams();
    p.set('limit', String(PAGE));
    if (articleId) p.set('article', String(articleId));
    else if (offset) p.set('offset', String(offset));
    if (query) p.set('q', query);
    return '/stories/' + encodeURIComponent(storyId) + '?' + p.toString();
  }

  /** Adds the next page of copies (the API pages a story by offset, a bounded depth at most). */
  function more() {
    return addPage('nextOffset', 'story-more', 'loading more copies…');
  }

  /** Adds the page of copies before the first one shown (when the story opened at a later copy). */
  function earlier() {
    return addPage('previousOffset', 'story-earlier', 'loading earlier copies…');
  }

  // side: 'nextOffset' appends the page after the last one shown, 'previousOffset' puts the one before first
  async function addPage(side, buttonId, loading) {
    const story = view.story;
    if (!story || !Number.isInteger(story[side])) return;
    const generation = view.generation;
    const button = document.getElementById(buttonId);
    button.disabled = true;
    status('loading', loading);
    let r;
    try {
      r = await NM.api('GET', storyPath(story.storyId, story[side], view.query));
    } catch (e) {
      r = null;
    }
    if (generation !== view.generation) return;
    if (!r || !r.ok || !r.body || !Array.isArray(r.body.articles)) {
      button.disabled = false;
      status('error', r ? NM.refusal(r) : 'stories are unavailable');
      return;
    }
    const seen = new Set(story.articles.map((c) => c.articleId));
    const added = r.body.articles.filter((c) => !seen.has(c.articleId));
    story.total = r.body.total;
    if (side === 'nextOffset') {
      story.articles.push(...added);
      story.nextOffset = Number.isInteger(r.body.nextOffset) ? r.body.nextOffset : null;
    } else {
      story.articles.unshift(...added);
      story.previousOffset = Number.isInteger(r.body.previousOffset) ? r.body.previousOffset : null;
    }
    status('done', '');
    renderCopies(story, view.focus);
  }

  /**
   * Opens the story on the page that holds articleId and shows that copy in full (no articleId: the first page and
   * its first copy); query: the search whose terms to mark.
   */
  async function open(storyId, articleId, query) {
    const section = document.getElementById('story');
    section.hidden = false;
    section.dataset.storyId = storyId;
    const generation = ++view.generation;
    status('loading', 'loading the story…');
    let r;
    try {
      r = await NM.api('GET', storyPath(storyId, 0, query, articleId));
    } catch (e) {
      if (generation === view.generation) status('error', 'stories are unavailable');
      return;
    }
    if (generation !== view.generation) return;
    if (!r.ok || !r.body || !Array.isArray(r.body.articles) || !r.body.articles.length) {
      NM.clear(document.getElementById('story-article'));
      NM.clear(document.getElementById('story-copies'));
      document.getElementById('story-copies-title').textContent = '';
      document.getElementById('story-more').hidden = true;
      document.getElementById('story-earlier').hidden = true;
      status('error', r.ok ? 'the story has no article' : NM.refusal(r));
      return;
    }
    view.story = r.body;
    view.query = query;
    status('done', '');
    show(articleId);
    section.scrollIntoView({ block: 'start' });
  }

  function start() {
    document.getElementById('story-more').addEventListener('click', more);
    document.getElementById('story-earlier').addEventListener('click', earlier);
    document.getElementById('story-close').addEventListener('click', () => {
      document.getElementById('story').hidden = true;
      view.generation++;
    });
  }

  NM.story = { open: open, start: start };
})();
