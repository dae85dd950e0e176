// The page state and its two spellings: the page's own URL (shareable) and the API's parameters.

// state: { q, filters: {facet: [values]}, role: audience value or '', doc: id or '' }
export function emptyState(facetNames) {
  return { q: '', filters: Object.fromEntries(facetNames.map((f) => [f, []])), role: '', doc: '' };
}

export function hasFilters(state) {
  return Object.values(state.filters).some((values) => values.length > 0);
}

// Reads "?q=...&risk=a,b&role=children&doc=id" against the taxonomy (from /taxonomy): facets
// and values it does not know, from an old or mistyped link, are dropped.
export function stateFromUrl(search, taxonomy) {
  const params = new URLSearchParams(search);
  const state = emptyState(taxonomy.facets.map((f) => f.name));
  const known = (facet) => new Set(facet?.values.map((v) => v.value) ?? []);
  state.q = params.get('q') ?? '';
  state.doc = params.get('doc') ?? '';
  const role = params.get('role') ?? '';
  state.role = known(taxonomy.facets.find((f) => f.name === 'audience')).has(role) ? role : '';
  for (const facet of taxonomy.facets) {
    const values = known(facet);
    const wanted = params.getAll(facet.name).flatMap((v) => v.split(',')).filter((v) => values.has(v));
    state.filters[facet.name] = [...new Set(wanted)];
  }
  return state;
}

export function urlFromState(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const [facet, values] of Object.entries(state.filters)) {
    if (values.length) params.set(facet, values.join(','));
  }
  if (state.role) params.set('role', state.role);
  if (state.doc) params.set('doc', state.doc);
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

// The /search parameters for this state. Always prefix=true: the page searches as the user types,
// so the last word may be unfinished.
export function searchQuery(state, { offset = 0, limit = 10 } = {}) {
  const params = new URLSearchParams();
  params.set('q', state.q);
  for (const [facet, values] of Object.entries(state.filters)) {
    if (values.length) params.set(facet, values.join(','));
  }
  if (state.role) params.set('prefer_audience', state.role);
  params.set('prefix', 'true');
  params.set('limit', String(limit));
  if (offset) params.set('offset', String(offset));
  return `/search?${params}`;
}
