// The story view: one article in full with why it matched (themes, sub-topics, matched terms highlighted, score)
// and the other copies of the same story across sources and languages, from GET /stories/{id}.
'use strict';

(function () {
  const NM = window.NM;
  const view = { story: null, query: null, generation: 0 };

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
      const subTopics = Array.isArray(m.subTopics) ? m.subTopics : [];
      if (subTopics.length) li.appendChild(NM.el('span', 'subtopics', 'sub-topic: ' + subTopics.join(', ')));
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
      ? 'Other copies of this story (' + (total - 1) + ')' : 'No other copy of this story is held';
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
    renderArticle(focus);
    renderCopies(story, focus.articleId);
  }

  /** Opens the story, showing articleId (or its first copy) in full; query: the search whose terms to mark. */
  async function open(storyId, articleId, query) {
    const section = document.getElementById('story');
    section.hidden = false;
    section.dataset.storyId = storyId;
    const generation = ++view.generation;
    status('loading', 'loading the story…');
    const p = new URLSearchParams();
    p.set('limit', '100');
    if (query) p.set('q', query);
    let r;
    try {
      r = await NM.api('GET', '/stories/' + encodeURIComponent(storyId) + '?' + p.toString());
    } catch (e) {
      if (generation === view.generation) status('error', 'stories are unavailable');
      return;
    }
    if (generation !== view.generation) return;
    if (!r.ok || !r.body || !Array.isArray(r.body.articles) || !r.body.articles.length) {
      NM.clear(document.getElementById('story-article'));
      NM.clear(document.getElementById('story-copies'));
      document.getElementById('story-copies-title').textContent = '';
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
    document.getElementById('story-close').addEventListener('click', () => {
      document.getElementById('story').hidden = true;
      view.generation++;
    });
  }

  NM.story = { open: open, start: start };
})();
