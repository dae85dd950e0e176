// Turning API answers into DOM. Text goes in as text; the only HTML taken from the server is the
// snippet (reduced to text and <mark>) and a document's body, which the server renders safely.

import { urlFromState } from './state.js';

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'className') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2).toLowerCase(), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  node.append(...children.flat().filter((c) => c !== null && c !== undefined));
  return node;
}

// Keeps only text and <mark> from a snippet, whatever the server sent.
export function snippetNodes(html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  const out = [];
  for (const node of template.content.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) out.push(document.createTextNode(node.textContent));
    else if (node.nodeName === 'MARK') out.push(el('mark', { text: node.textContent }));
    else out.push(document.createTextNode(node.textContent));
  }
  return out;
}

// labels: { facet: { label, values: { value: label } } }, built from /taxonomy.
export function labelsOf(taxonomy) {
  return Object.fromEntries(
    taxonomy.facets.map((f) => [f.name, { label: f.label, values: Object.fromEntries(f.values.map((v) => [v.value, v.label])) }]),
  );
}

const valueLabel = (labels, facet, value) => labels[facet]?.values[value] ?? value;
const dirOf = (lang) => (lang === 'ar' ? 'rtl' : 'auto');

function tags(doc, labels) {
  const items = [];
  for (const facet of ['audience', 'risk', 'age']) {
    for (const value of doc[facet] ?? []) {
      items.push(el('li', { className: `tag tag-${facet}`, title: labels[facet]?.label ?? facet }, valueLabel(labels, facet, value)));
    }
  }
  items.push(el('li', { className: 'tag tag-lang', title: 'Language' }, valueLabel(labels, 'lang', doc.lang)));
  return el('ul', { className: 'tags', 'aria-label': 'Tags' }, items);
}

function docLink(state, id, text, props = {}) {
  return el('a', { href: urlFromState({ ...state, doc: id }), 'data-doc': id, ...props }, text);
}

function translationLinks(state, translations, labels, lead) {
  const entries = Object.entries(translations ?? {});
  if (!entries.length) return null;
  const links = entries.map(([lang, id]) =>
    el('li', {}, docLink(state, id, valueLabel(labels, 'lang', lang), { lang, hreflang: lang, className: 'translation' })));
  return el('div', { className: 'translations' }, el('span', {}, lead), el('ul', {}, links));
}

export function renderHits(list, hits, state, labels, { append = false, rankFrom = 1 } = {}) {
  if (!append) list.replaceChildren();
  hits.forEach((hit, i) => {
    list.append(el('li', { className: 'hit', value: rankFrom + i },
      el('h2', { className: 'hit-title', lang: hit.lang, dir: dirOf(hit.lang) },
        docLink(state, hit.id, hit.title, { className: 'hit-link' })),
      el('p', { className: 'snippet', lang: hit.lang, dir: dirOf(hit.lang) }, snippetNodes(hit.snippet ?? '')),
      tags(hit, labels),
      translationLinks(state, hit.translations, labels, 'Also in: ')));
  });
}

// Built once; updateFacets then changes counts and checks in place, so keyboard focus survives.
export function renderFacets(container, taxonomy, onToggle) {
  container.replaceChildren();
  for (const facet of taxonomy.facets) {
    const items = facet.values.map((v) => {
      const id = `f-${facet.name}-${v.value}`;
      return el('li', { className: 'facet-value' },
        el('input', {
          type: 'checkbox', id, name: facet.name, value: v.value,
          onChange: (e) => onToggle(facet.name, v.value, e.target.checked),
        }),
        el('label', { for: id },
          el('span', { className: 'facet-label', lang: facet.name === 'lang' ? v.value : undefined }, v.label),
          el('span', { className: 'count' }, '')));
    });
    container.append(el('fieldset', { className: 'facet', 'data-facet': facet.name },
      el('legend', {}, facet.label), el('ul', {}, items)));
  }
}

// A value that would add nothing (count 0) is greyed out and cannot be checked, unless it already is.
export function updateFacets(container, counts, state) {
  for (const input of container.querySelectorAll('input[type=checkbox]')) {
    const count = counts?.[input.name]?.[input.value] ?? 0;
    input.checked = (state.filters[input.name] ?? []).includes(input.value);
    input.disabled = count === 0 && !input.checked;
    const item = input.closest('li');
    item.classList.toggle('empty', input.disabled);
    const badge = item.querySelector('.count');
    badge.textContent = String(count);
    badge.dataset.count = String(count);
  }
}

export function renderRoles(container, audience, onChange) {
  const option = (value, label) => {
    const id = `role-${value || 'any'}`;
    return el('span', { className: 'role-option' },
      el('input', { type: 'radio', name: 'role', id, value, onChange: () => onChange(value) }),
      el('label', { for: id }, label));
  };
  container.replaceChildren(option('', 'Anyone'), ...audience.values.map((v) => option(v.value, v.label)));
}

export function updateRoles(container, role) {
  for (const input of container.querySelectorAll('input[type=radio]')) input.checked = input.value === role;
}

export function renderUrgent(section, urgent, state, labels) {
  if (!urgent) {
    section.hidden = true;
    section.replaceChildren();
    return;
  }
  const risks = urgent.risks.map((r) => valueLabel(labels, 'risk', r)).join(', ');
  section.replaceChildren(
    el('h2', { id: 'urgent-title' }, 'This may be an emergency'),
    el('p', {}, 'If a child may be in immediate danger, contact your local emergency services and follow your escalation procedure now. ',
      el('span', { className: 'urgent-risks' }, `Signalled: ${risks}.`)),
    el('p', {}, 'Escalation guidance:'),
    el('ul', {}, urgent.documents.map((d) => el('li', {}, docLink(state, d.id, d.title, { lang: d.lang })))));
  section.hidden = false;
}

export function renderNotices(container, result, onSuggestion) {
  container.replaceChildren();
  if (result.suggestion) {
    container.append(el('p', { className: 'suggestion' }, 'Did you mean ',
      el('button', { type: 'button', className: 'link-button', onClick: () => onSuggestion(result.suggestion) }, result.suggestion), '?'));
  }
  if (result.expanded?.length) {
    const parts = result.expanded.map((e) => `${e.to.join(', ')} (for “${e.from}”)`);
    container.append(el('p', { className: 'expanded' }, 'Also searching: ', parts.join('; ')));
  }
}

// The body's headings sit below the document title (h2): # becomes h3, ## h4, and so on.
function demoteHeadings(root) {
  for (const h of [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')]) {
    const level = Math.min(6, Number(h.tagName[1]) + 2);
    const replacement = document.createElement(`h${level}`);
    replacement.append(...h.childNodes);
    h.replaceWith(replacement);
  }
}

export function renderDocument(article, doc, state, labels, { onBack, onCopy }) {
  const body = el('div', { className: 'doc-body', lang: doc.lang, dir: dirOf(doc.lang) });
  body.innerHTML = doc.body_html; // rendered by the server with raw HTML removed; the CSP forbids inline script too
  demoteHeadings(body);
  article.replaceChildren(
    el('p', {}, el('a', { href: urlFromState({ ...state, doc: '' }), className: 'back', onClick: onBack }, '← Back to results')),
    el('h2', { id: 'doc-title', tabindex: '-1', lang: doc.lang, dir: dirOf(doc.lang) }, doc.title),
    tags(doc, labels),
    translationLinks(state, doc.translations, labels, 'Read in: '),
    body,
    ...(doc.source ? [el('p', { className: 'doc-source' }, `Source: ${doc.source}`)] : []),  // imported documents may cite none
    el('div', { className: 'doc-actions' },
      el('button', { type: 'button', id: 'copy-citation', onClick: onCopy }, 'Copy citation'),
      el('span', { id: 'copy-status', role: 'status' })),
    el('section', { className: 'similar', 'aria-labelledby': 'similar-title' },
      el('h3', { id: 'similar-title' }, 'More like this'),
      el('ul', { id: 'similar' }, el('li', { className: 'loading' }, 'Loading…'))));
}

export function renderSimilar(list, hits, state) {
  if (!hits.length) {
    list.replaceChildren(el('li', {}, 'No similar guidance found.'));
    return;
  }
  list.replaceChildren(...hits.map((h) => el('li', {}, docLink(state, h.id, h.title, { lang: h.lang }))));
}

export function citationText(doc, builtAt, pageUrl) {
  const date = builtAt ? builtAt.slice(0, 10) : 'unknown date';
  const source = doc.source ? ` Source: ${doc.source}.` : '';
  return `${doc.title}. copsearch document ${doc.id}.${source} Index of ${date}. ${pageUrl}`;
}
