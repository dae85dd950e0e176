// The search page: state in the URL, search as you type, results, filters, document view, keys.

import { ApiError, LatestOnly, getJson } from './api.js';
import * as view from './render.js';
import { emptyState, hasFilters, searchQuery, stateFromUrl, urlFromState } from './state.js';

const $ = (id) => document.getElementById(id);
const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 120; // long enough to skip keystrokes in a burst, short enough to feel instant
const SLOW_MS = 300; // after this, say "Searching…" so a slow answer is not mistaken for the answer

let taxonomy;
let labels;
let builtAt = '';
let state;
let shown = { key: null, hits: [], total: 0 }; // the results on screen and the request they answer
let lastError = null;
let openedFrom = ''; // the hit a document was opened from, to return focus to it
let typingTimer = 0;
const searches = new LatestOnly();
const documents = new LatestOnly();
const similars = new LatestOnly();

const facetNames = () => taxonomy.facets.map((f) => f.name);
const browsing = () => state.q.trim() !== '' || hasFilters(state);

// ---- views ---------------------------------------------------------------------------------

function showView() {
  const inDocument = state.doc !== '';
  const failed = lastError !== null;
  const empty = !failed && shown.key !== null && shown.total === 0;
  $('doc').hidden = !inDocument;
  $('welcome').hidden = inDocument || browsing() || failed;
  $('message').hidden = inDocument || !(failed || (browsing() && empty));
  $('results').hidden = inDocument || failed || !browsing() || empty;
  $('notices').hidden = inDocument || failed || !browsing();
  $('urgent').hidden = inDocument || failed || !browsing() || !$('urgent').hasChildNodes();
  $('status').hidden = inDocument;
  if (failed) renderError(lastError);
  else if (browsing() && empty) renderNoResults();
}

function setStatus(text) {
  $('status').textContent = text;
}

function renderError(error) {
  const retry = view.el('button', { type: 'button', onClick: () => { $('q').focus(); runSearch(); } }, 'Try again');
  let title = 'Something went wrong';
  let advice = `The server said: ${error.message}`;
  if (error.status === 0) {
    title = 'The search service is not answering';
    advice = 'It may be restarting. Try again in a moment; if it keeps failing, check that copsearchd is running.';
  } else if (error.status === 503) {
    title = 'The index is not available right now';
    advice = 'It may be being rebuilt. Try again in a moment.';
  } else if (error.status === 400) {
    title = 'This search could not be read';
    advice = `${error.message}. Finish it, or remove the quote, bracket or operator (AND, OR, NOT).`;
  }
  // Trying a bad request again cannot help; the advice says what to change instead.
  $('message').replaceChildren(view.el('h2', {}, title), view.el('p', {}, advice), error.status === 400 ? null : retry);
  setStatus(title);
}

function renderNoResults() {
  const parts = [view.el('h2', {}, 'No guidance found')];
  const active = facetNames().flatMap((f) => state.filters[f].map((v) => [f, v]));
  if (active.length) {
    const name = (facet, value) => `${labels[facet].label}: ${labels[facet].values[value] ?? value}`;
    parts.push(view.el('p', {}, 'Your filters may be too narrow. Remove one:'),
      view.el('ul', { className: 'chips' }, active.map(([facet, value]) => view.el('li', {},
        view.el('button', {
          type: 'button', className: 'chip', 'aria-label': `Remove filter ${name(facet, value)}`,
          onClick: () => { $('q').focus(); setFilter(facet, value, false); },
        }, `${name(facet, value)} ✕`)))),
      view.el('button', { type: 'button', className: 'link-button', onClick: () => { $('q').focus(); clearFilters(); } },
        'Clear all filters'));
  } else {
    parts.push(view.el('p', {},
      'Try fewer or different words, check the spelling, or describe what happened, for example “asked for photos”.'));
  }
  $('message').replaceChildren(...parts);
}

// ---- searching -----------------------------------------------------------------------------

// The hit that has keyboard focus, so a new answer can give it back.
function focusedHit() {
  const links = hitLinks();
  const at = links.indexOf(document.activeElement);
  return at < 0 ? null : { id: links[at].dataset.doc, at };
}

function restoreFocus(was) {
  if (!was) return;
  const links = hitLinks();
  const same = links.find((a) => a.dataset.doc === was.id);
  (same ?? links[Math.min(was.at, links.length - 1)] ?? $('q')).focus();
}

async function runSearch({ more = false } = {}) {
  clearTimeout(typingTimer);
  const baseKey = searchQuery(state);
  if (more && shown.key !== baseKey) more = false; // the results on screen are another query's
  const offset = more ? shown.hits.length : 0;
  $('main').setAttribute('aria-busy', 'true');
  $('more').disabled = true;
  const slow = setTimeout(() => setStatus('Searching…'), SLOW_MS);
  let answer;
  try {
    answer = await searches.run(searchQuery(state, { offset, limit: PAGE_SIZE }));
  } catch (error) {
    clearTimeout(slow);
    $('main').setAttribute('aria-busy', 'false');
    if (error.code === 'query_syntax' && shown.key !== null && !lastError) {
      // Mid-typing, an unfinished quote or bracket is normal: keep the last results.
      setStatus(`Finish the quote or bracket to search (${error.message}).`);
      return;
    }
    lastError = error instanceof ApiError ? error : new ApiError(0, 'unreachable', String(error));
    showView();
    return;
  }
  clearTimeout(slow);
  if (!answer) return; // a newer search has started; its answer will be shown instead
  $('main').setAttribute('aria-busy', 'false');
  lastError = null;
  const result = answer.value;
  const focus = focusedHit();
  shown = { key: baseKey, hits: more ? [...shown.hits, ...result.hits] : result.hits, total: result.total };
  view.renderHits($('hits'), result.hits, state, labels, { append: more, rankFrom: offset + 1 });
  view.updateFacets($('facets'), result.facets, state);
  view.renderUrgent($('urgent'), result.urgent, state, labels);
  view.renderNotices($('notices'), result, (suggestion) => { $('q').focus(); setQuery(suggestion); });
  $('more').hidden = shown.hits.length >= result.total;
  $('more').disabled = false;
  setStatus(browsing() ? `${result.total} ${result.total === 1 ? 'result' : 'results'}` : '');
  showView();
  if (more) hitLinks()[offset]?.focus();
  else restoreFocus(focus);
}

function searchSoon() {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(runSearch, TYPING_DELAY_MS);
}

// Typing and filter changes replace the history entry; opening a document adds one.
function saveState() {
  history.replaceState(history.state, '', urlFromState(state));
  document.title = state.q ? `${state.q} – copsearch` : 'copsearch: child online protection guidance';
}

// Changing the search while a document is open goes back to the results, in a new entry.
function leaveDocument() {
  if (!state.doc) return;
  state.doc = '';
  documents.cancel();
  history.pushState(null, '', urlFromState(state));
}

function searchChanged({ now }) {
  leaveDocument();
  saveState();
  if (now) runSearch();
  else searchSoon();
  showView();
}

function setQuery(q) {
  state.q = q;
  $('q').value = q;
  searchChanged({ now: true });
}

function setFilter(facet, value, on) {
  const values = state.filters[facet].filter((v) => v !== value);
  state.filters[facet] = on ? [...values, value] : values;
  searchChanged({ now: true });
}

function clearFilters() {
  for (const facet of facetNames()) state.filters[facet] = [];
  searchChanged({ now: true });
}

function setRole(role) {
  state.role = role;
  searchChanged({ now: true });
}

// ---- documents -----------------------------------------------------------------------------

// history.state.depth counts the documents opened since the results, so "back to results"
// skips the documents followed on the way (translations, more like this).
async function openDocument(id, { push }) {
  if (!state.doc) openedFrom = document.activeElement?.dataset?.doc ?? '';
  state.doc = id;
  if (push) history.pushState({ depth: (history.state?.depth ?? 0) + 1 }, '', urlFromState(state));
  $('doc').replaceChildren(view.el('p', { className: 'loading' }, 'Loading…'));
  showView();
  let answer;
  try {
    answer = await documents.run(`/documents/${encodeURIComponent(id)}`);
  } catch (error) {
    const text = error.status === 404 ? 'This document is not in the index.' : `The document could not be loaded: ${error.message}`;
    $('doc').replaceChildren(view.el('h2', { id: 'doc-title', tabindex: '-1' }, 'Document not found'), view.el('p', {}, text),
      view.el('a', { href: urlFromState({ ...state, doc: '' }), className: 'back', onClick: closeDocument }, '← Back to results'));
    $('doc-title').focus();
    return;
  }
  if (!answer) return;
  const doc = answer.value;
  view.renderDocument($('doc'), doc, state, labels, { onBack: closeDocument, onCopy: () => copyCitation(doc) });
  document.title = `${doc.title} – copsearch`;
  $('doc-title').focus();
  try {
    const similar = await similars.run(`/documents/${encodeURIComponent(id)}/similar?limit=5`);
    if (similar && state.doc === id) view.renderSimilar($('similar'), similar.value.hits, state);
  } catch {
    $('similar').replaceChildren(view.el('li', {}, 'Similar guidance could not be loaded.'));
  }
}

function closeDocument(event) {
  event?.preventDefault();
  const depth = history.state?.depth ?? 0;
  if (depth > 0) {
    history.go(-depth); // popstate shows the results
    return;
  }
  state.doc = '';
  history.pushState(null, '', urlFromState(state));
  showResultsAgain();
}

function showResultsAgain() {
  documents.cancel();
  showView();
  saveState();
  const hit = openedFrom && $('hits').querySelector(`a[data-doc="${CSS.escape(openedFrom)}"]`);
  (hit || $('q')).focus();
  if (shown.key !== searchQuery(state)) runSearch();
}

async function copyCitation(doc) {
  const link = location.origin + urlFromState({ ...emptyState(facetNames()), doc: doc.id });
  const text = view.citationText(doc, builtAt, link);
  let copied = false;
  try {
    await navigator.clipboard.writeText(text);
    copied = true;
  } catch {
    const area = view.el('textarea', { readonly: true, className: 'visually-hidden' });
    area.value = text;
    document.body.append(area);
    area.select();
    copied = document.execCommand('copy');
    area.remove();
  }
  $('copy-status').textContent = copied ? 'Citation copied.' : `Copy this citation: ${text}`;
}

// ---- keys ----------------------------------------------------------------------------------

function hitLinks() {
  return [...$('hits').querySelectorAll('a.hit-link')];
}

function onKey(event) {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
  const target = event.target;
  const typing = target.matches('input[type=search], input[type=text], textarea');
  if (event.key === '/' && !typing) {
    event.preventDefault();
    $('q').focus();
    $('q').select();
  } else if (event.key === 'Escape') {
    if (target === $('q')) event.preventDefault(); // the browser would clear the query
    if (state.doc) {
      event.preventDefault();
      closeDocument();
    } else if (target.classList.contains('hit-link')) {
      $('q').focus();
    }
  } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !state.doc) {
    const links = hitLinks();
    const at = links.indexOf(target);
    if (target === $('q')) {
      if (event.key === 'ArrowDown' && links.length) {
        event.preventDefault();
        links[0].focus();
      }
    } else if (at >= 0) {
      event.preventDefault();
      if (event.key === 'ArrowDown') links[Math.min(at + 1, links.length - 1)].focus();
      else (at === 0 ? $('q') : links[at - 1]).focus();
    }
  }
}

// Any link to a document opens it in place; with a modifier key the browser opens a new tab.
function onClick(event) {
  const link = event.target.closest('a[data-doc]');
  if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  openDocument(link.dataset.doc, { push: true });
}

function onHistory() {
  state = stateFromUrl(location.search, taxonomy);
  $('q').value = state.q;
  view.updateRoles($('role-options'), state.role);
  if (state.doc) openDocument(state.doc, { push: false });
  else showResultsAgain();
}

// ---- start ---------------------------------------------------------------------------------

async function start() {
  try {
    const [tax, health] = await Promise.all([getJson('/taxonomy'), getJson('/health').catch(() => null)]);
    taxonomy = tax;
    if (health) {
      builtAt = health.built_at ?? '';
      $('index-info').textContent = `${health.documents} guidance documents; index built ${builtAt.replace('T', ' ').replace('Z', ' UTC')}.`;
    }
  } catch (error) {
    $('message').replaceChildren(view.el('h2', {}, 'The search service is not answering'),
      view.el('p', {}, 'Reload the page in a moment; if it keeps failing, check that copsearchd is running.'));
    $('message').hidden = false;
    return;
  }
  labels = view.labelsOf(taxonomy);
  state = stateFromUrl(location.search, taxonomy);
  // Words typed while the page was starting win over the URL's.
  if ($('q').value) state.q = $('q').value;
  else $('q').value = state.q;
  view.renderFacets($('facets'), taxonomy, setFilter);
  const audience = taxonomy.facets.find((f) => f.name === 'audience');
  if (audience) view.renderRoles($('role-options'), audience, setRole);
  else $('role').hidden = true;
  view.updateRoles($('role-options'), state.role);
  if (matchMedia('(max-width: 50rem)').matches) $('filters').open = false;

  $('q').addEventListener('input', () => {
    state.q = $('q').value;
    searchChanged({ now: false });
  });
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    searchChanged({ now: true });
  });
  $('more').addEventListener('click', () => runSearch({ more: true }));
  for (const button of $('examples').querySelectorAll('button')) {
    button.addEventListener('click', () => { $('q').focus(); setQuery(button.textContent); });
  }
  document.addEventListener('keydown', onKey);
  document.addEventListener('click', onClick);
  window.addEventListener('popstate', onHistory);

  saveState();
  showView();
  const first = runSearch();
  if (state.doc) openDocument(state.doc, { push: false });
  else if (!state.q) $('q').focus();
  document.documentElement.dataset.ready = 'true'; // every handler is in place
  await first;
}

start();
