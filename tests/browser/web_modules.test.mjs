// The search page's modules that need no browser: URL state, the latest-answer-wins fetcher and
// the citation text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ApiError, LatestOnly } from '../../query/web/api.js';
import { citationText } from '../../query/web/render.js';
import { searchQuery, stateFromUrl, urlFromState } from '../../query/web/state.js';

const taxonomy = {
  facets: [
    { name: 'audience', values: [{ value: 'children' }, { value: 'parents-educators' }] },
    { name: 'risk', values: [{ value: 'grooming' }, { value: 'sexting' }] },
  ],
};

describe('page state', () => {
  it('survives a round trip through the page URL', () => {
    const state = stateFromUrl('?q=he%27ll+post+my+pics&risk=grooming,sexting&role=children&doc=a.fr', taxonomy);
    assert.deepEqual(state, {
      q: "he'll post my pics", filters: { audience: [], risk: ['grooming', 'sexting'] }, role: 'children', doc: 'a.fr',
    });
    assert.deepEqual(stateFromUrl(urlFromState(state).slice(1), taxonomy), state);
  });

  it('drops facets, values and roles the taxonomy does not know, and repeats', () => {
    const state = stateFromUrl('?risk=grooming,nope,grooming&colour=red&role=admin', taxonomy);
    assert.deepEqual(state.filters, { audience: [], risk: ['grooming'] });
    assert.equal(state.role, '');
  });

  it('asks the API with prefix=true and the role as prefer_audience, never as a filter', () => {
    const state = stateFromUrl('?q=groom&role=parents-educators&risk=grooming', taxonomy);
    const params = new URL(searchQuery(state, { offset: 10 }), 'http://x').searchParams;
    assert.equal(params.get('prefix'), 'true');
    assert.equal(params.get('prefer_audience'), 'parents-educators');
    assert.equal(params.get('audience'), null);
    assert.equal(params.get('risk'), 'grooming');
    assert.equal(params.get('offset'), '10');
  });
});

// A fetch whose answers arrive when the test says, and which ignores aborts, like a response
// already on its way.
function scriptedFetch() {
  const pending = new Map();
  globalThis.fetch = (path) => new Promise((resolve) => pending.set(path, resolve));
  const answer = (path, body, status = 200) =>
    pending.get(path)({ ok: status < 400, status, json: async () => body });
  return answer;
}

describe('LatestOnly', () => {
  it('drops an older answer that arrives after a newer request started', async () => {
    const answer = scriptedFetch();
    const latest = new LatestOnly();
    const older = latest.run('/search?q=bully');
    const newer = latest.run('/search?q=bully+at+school');
    answer('/search?q=bully+at+school', { total: 2 });
    answer('/search?q=bully', { total: 9 });
    assert.deepEqual(await newer, { value: { total: 2 } });
    assert.equal(await older, null);
  });

  it('reports an API error of the latest request with its status and code', async () => {
    const answer = scriptedFetch();
    const pending = new LatestOnly().run('/search?q=%22');
    answer('/search?q=%22', { error: { code: 'query_syntax', message: 'unclosed quote at character 1' } }, 400);
    await assert.rejects(pending, (e) => e instanceof ApiError && e.status === 400 && e.code === 'query_syntax');
  });

  it('gives up on a service that does not answer', async () => {
    globalThis.fetch = (path, { signal }) => new Promise((_, reject) =>
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const pending = new LatestOnly({ timeoutMs: 50 }).run('/search?q=x');
    await assert.rejects(pending, (e) => e instanceof ApiError && e.code === 'timeout');
  });
});

describe('citationText', () => {
  const doc = { id: 'teen-sextortion', title: 'Someone is threatening you', source: 'Guidelines for children (2020)' };

  it('names the document, its source and the index date', () => {
    assert.equal(citationText(doc, '2026-12-01T06:47:18Z', 'http://h/?doc=teen-sextortion'),
      'Someone is threatening you. copsearch document teen-sextortion. Source: Guidelines for children (2020). '
      + 'Index of 2026-12-01. http://h/?doc=teen-sextortion');
  });

  it('leaves the source out for a document that names none', () => {
    const text = citationText({ ...doc, source: undefined }, '', 'http://h/');
    assert.equal(text, 'Someone is threatening you. copsearch document teen-sextortion. Index of unknown date. http://h/');
  });
});
