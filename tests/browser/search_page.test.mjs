// The search page, end to end: the real copsearchd over the real corpus, driven in headless
// Chromium. Every test compares what the page shows with what the JSON API answers for the same
// request, and saves a screenshot under COPSEARCH_ARTIFACTS.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { artifactPath, clearArtifacts, launchBrowser, loadPlaywright, startDaemon } from './harness.mjs';

let daemon;
let browser;

before(async () => {
  clearArtifacts();
  const playwright = await loadPlaywright();
  daemon = await startDaemon();
  browser = await launchBrowser(playwright.chromium);
});

after(async () => {
  await browser?.close();
  await daemon?.stop();
});

// ---- helpers ---------------------------------------------------------------------------------

async function api(path) {
  const response = await fetch(daemon.url + path);
  assert.equal(response.status, 200, `GET ${path}`);
  return response.json();
}

// What the page asks for: prefix=true, 10 hits, the caller role as prefer_audience.
function searchApi(params) {
  const query = new URLSearchParams({ ...params, prefix: 'true', limit: '10' });
  return api(`/search?${query}`);
}

// One browser context per test; page errors fail the test unless `allow` matches them.
function pageTest(name, fn, { viewport = { width: 1280, height: 900 }, allow = [], permissions = [] } = {}) {
  it(name, async () => {
    const context = await browser.newContext({ viewport });
    if (permissions.length) await context.grantPermissions(permissions, { origin: daemon.url });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    try {
      await fn(page);
    } finally {
      await page.screenshot({ path: artifactPath(name), fullPage: true }).catch(() => {});
      await context.close();
    }
    assert.deepEqual(problems.filter((p) => !allow.some((re) => re.test(p))), [], 'the page reported errors');
  });
}

function shown(page) {
  return page.evaluate(() => ({
    ids: [...document.querySelectorAll('#hits a.hit-link')].map((a) => a.dataset.doc),
    status: document.getElementById('status').textContent,
    facets: Object.fromEntries([...document.querySelectorAll('#facets fieldset')].map((set) => [set.dataset.facet,
      Object.fromEntries([...set.querySelectorAll('input')].map((i) => [i.value, Number(i.closest('li').querySelector('.count').textContent)]))])),
  }));
}

// Waits until the results list shows exactly these ids, then returns what the page shows.
async function waitForHits(page, ids) {
  try {
    await page.waitForFunction((want) => {
      const got = [...document.querySelectorAll('#hits a.hit-link')].map((a) => a.dataset.doc);
      return !document.getElementById('results').hidden && JSON.stringify(got) === JSON.stringify(want);
    }, ids, { timeout: 10000 });
  } catch (e) {
    const now = await shown(page);
    assert.fail(`the page shows ${JSON.stringify(now.ids)}; the API answered ${JSON.stringify(ids)}`);
  }
  return shown(page);
}

// Loads a page URL and waits until the page's handlers are in place.
async function open(page, path) {
  await page.goto(daemon.url + path);
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
}

const ids = (hits) => hits.map((h) => h.id);
const pageParams = (page) => new URL(page.url()).searchParams;
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

// ---- tests -----------------------------------------------------------------------------------

describe('search page', () => {
  pageTest('typing a caller\'s words shows ranked results, facet counts and what was added', async (page) => {
    const q = "someone wants money or he'll post her pics";
    const expected = await searchApi({ q });
    assert.ok(expected.total > 0 && expected.expanded.length > 0);
    await open(page, '/');
    await page.locator('#q').pressSequentially(q, { delay: 15 });
    const now = await waitForHits(page, ids(expected.hits));
    assert.equal(now.status, `${expected.total} results`);
    assert.deepEqual(now.facets, expected.facets);
    const notice = await page.locator('#notices .expanded').textContent();
    for (const e of expected.expanded) assert.ok(notice.includes(e.from), `"${notice}" names "${e.from}"`);
    assert.equal(pageParams(page).get('q'), q, 'the query is in the URL');
  });

  pageTest('words typed while the page is still starting are kept and searched', async (page) => {
    await page.route('**/taxonomy', async (route) => { await sleep(800); await route.continue(); });
    await page.goto(`${daemon.url}/`, { waitUntil: 'domcontentloaded' });
    await page.locator('#q').pressSequentially('bullying', { delay: 10 });
    await waitForHits(page, ids((await searchApi({ q: 'bullying' })).hits));
    assert.equal(await page.locator('#q').inputValue(), 'bullying');
  });

  pageTest('a typo offers "did you mean" and following it searches the correction', async (page) => {
    const typo = await searchApi({ q: 'cyber bulying' });
    assert.equal(typo.suggestion, 'cyber bullying');
    await open(page, '/');
    await page.locator('#q').pressSequentially('cyber bulying', { delay: 15 });
    await waitForHits(page, ids(typo.hits));
    await page.getByRole('button', { name: 'cyber bullying' }).click();
    const corrected = await searchApi({ q: 'cyber bullying' });
    await waitForHits(page, ids(corrected.hits));
    assert.equal(await page.locator('#q').inputValue(), 'cyber bullying');
  });

  pageTest('checking a facet value narrows the results, and the counts stay disjunctive like the API', async (page) => {
    const all = await searchApi({ q: 'grooming' });
    const narrowed = await searchApi({ q: 'grooming', audience: 'parents-educators' });
    assert.ok(narrowed.total < all.total);
    await open(page, `/?q=grooming`);
    await waitForHits(page, ids(all.hits));
    await page.locator('#f-audience-parents-educators').check();
    const now = await waitForHits(page, ids(narrowed.hits));
    assert.equal(now.status, `${narrowed.total} results`);
    assert.deepEqual(now.facets, narrowed.facets);
    // The audience counts ignore the audience selection, so other audiences still show what they would add.
    assert.deepEqual(now.facets.audience, all.facets.audience);
    assert.equal(pageParams(page).get('audience'), 'parents-educators');
    await page.locator('#f-audience-parents-educators').uncheck();
    await waitForHits(page, ids(all.hits));
    assert.equal(pageParams(page).get('audience'), null);
  });

  pageTest('the caller role ranks that audience\'s guidance first and hides nothing', async (page) => {
    const q = 'someone is bullying me online';
    const anyone = await searchApi({ q });
    const child = await searchApi({ q, prefer_audience: 'children' });
    assert.notDeepEqual(ids(child.hits), ids(anyone.hits), 'the preference changes this ranking');
    await open(page, `/?q=${encodeURIComponent(q)}`);
    await waitForHits(page, ids(anyone.hits));
    await page.getByRole('radio', { name: 'Children and young people' }).check();
    const now = await waitForHits(page, ids(child.hits));
    assert.equal(now.status, `${anyone.total} results`, 'nothing is hidden');
    assert.ok(child.hits[0].audience.includes('children'));
    assert.equal(pageParams(page).get('role'), 'children');
  });

  pageTest('keys: / focuses the box, arrows move through hits, Enter opens, Escape returns to the same hit', async (page) => {
    const expected = await searchApi({ q: 'grooming' });
    await open(page, `/?role=`);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
    await page.keyboard.type('grooming');
    await waitForHits(page, ids(expected.hits));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = expected.hits[1];
    assert.equal(await page.evaluate(() => document.activeElement.dataset.doc), second.id);

    await page.keyboard.press('Enter');
    await page.waitForFunction((title) => document.getElementById('doc-title')?.textContent === title, second.title);
    assert.equal(pageParams(page).get('doc'), second.id);
    assert.ok(await page.locator('#doc .doc-body p').count() > 0, 'the body is rendered from Markdown');
    assert.equal(await page.locator('#results').isHidden(), true);
    const similar = await api(`/documents/${second.id}/similar?limit=5`);
    await page.waitForFunction((want) => JSON.stringify([...document.querySelectorAll('#similar a')].map((a) => a.dataset.doc)) === JSON.stringify(want),
      ids(similar.hits));

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.getElementById('results').hidden);
    await page.waitForFunction((id) => document.activeElement?.dataset?.doc === id, second.id);
    assert.equal(pageParams(page).get('doc'), null);
    assert.equal(pageParams(page).get('q'), 'grooming');
  });

  pageTest('a translation link opens the same guidance in that language, and Escape goes back to the first document', async (page) => {
    const english = await api('/documents/teen-sexting-pressure-to-send-nudes');
    const french = await api(`/documents/${english.translations.fr}`);
    const arabic = await api(`/documents/${english.translations.ar}`);
    await open(page, `/?doc=${english.id}`);
    await page.waitForFunction((t) => document.getElementById('doc-title')?.textContent === t, english.title);
    await page.locator('#doc a.translation[hreflang=fr]').click();
    await page.waitForFunction((t) => document.getElementById('doc-title')?.textContent === t, french.title);
    assert.equal(await page.locator('#doc-title').getAttribute('lang'), 'fr');
    assert.equal(pageParams(page).get('doc'), french.id);
    await page.locator('#doc a.translation[hreflang=ar]').click();
    await page.waitForFunction((t) => document.getElementById('doc-title')?.textContent === t, arabic.title);
    assert.equal(await page.locator('#doc .doc-body').getAttribute('dir'), 'rtl');
    // Esc goes back past the documents followed, to where the shared link started.
    await page.keyboard.press('Escape');
    await page.waitForFunction((t) => document.getElementById('doc-title')?.textContent === t, english.title);
    assert.equal(pageParams(page).get('doc'), english.id);
  });

  pageTest('an urgent query shows the urgent block above the results, linking the escalation guidance', async (page) => {
    const q = 'I want to kill myself';
    const expected = await searchApi({ q });
    assert.ok(expected.urgent, 'the API flags this query as urgent');
    await open(page, '/');
    await page.locator('#q').pressSequentially(q, { delay: 15 });
    await waitForHits(page, ids(expected.hits));
    const urgent = page.locator('#urgent');
    assert.equal(await urgent.isVisible(), true);
    assert.match(await urgent.locator('h2').textContent(), /emergency/);
    assert.deepEqual(await urgent.locator('a').evaluateAll((as) => as.map((a) => a.dataset.doc)), ids(expected.urgent.documents));
    const [block, results] = [await urgent.boundingBox(), await page.locator('#results').boundingBox()];
    assert.ok(block.y + block.height <= results.y, 'the urgent block sits above the hits');
    // Not urgent: no block.
    await page.locator('#q').fill('screen time rules');
    await waitForHits(page, ids((await searchApi({ q: 'screen time rules' })).hits));
    assert.equal(await urgent.isHidden(), true);
  });

  pageTest('a shared URL restores the query, filters and caller role', async (page) => {
    const params = { q: 'bullying', risk: 'cyberbullying', age: '13-18' };
    const expected = await searchApi({ ...params, prefer_audience: 'parents-educators' });
    await open(page, `/?${new URLSearchParams({ ...params, role: 'parents-educators' })}`);
    const now = await waitForHits(page, ids(expected.hits));
    assert.deepEqual(now.facets, expected.facets);
    assert.equal(await page.locator('#q').inputValue(), 'bullying');
    assert.equal(await page.locator('#f-risk-cyberbullying').isChecked(), true);
    assert.equal(await page.locator('#f-age-13-18').isChecked(), true);
    assert.equal(await page.locator('#f-age-9-12').isChecked(), false);
    assert.equal(await page.locator('#role-parents-educators').isChecked(), true);
  });

  pageTest('no results under a filter says so and offers to remove the filter', async (page) => {
    const params = { q: 'loot boxes', lang: 'ru' };
    assert.equal((await searchApi(params)).total, 0, 'precondition: nothing matches');
    const unfiltered = await searchApi({ q: params.q });
    assert.ok(unfiltered.total > 0);
    await open(page, `/?${new URLSearchParams(params)}`);
    const message = page.locator('#message');
    await message.getByText('No guidance found').waitFor();
    assert.equal(await page.locator('#results').isHidden(), true);
    await message.getByRole('button', { name: /Remove filter Language/ }).click();
    await waitForHits(page, ids(unfiltered.hits));
    assert.equal(pageParams(page).get('lang'), null);
  });

  pageTest('the newest answer stays on screen even when an older request answers last', async (page) => {
    // Hold back the answer to the first query so that it arrives after the second one's.
    await page.route('**/search?*', async (route) => {
      if (new URL(route.request().url()).searchParams.get('q') === 'bully') await sleep(1500);
      await route.continue().catch(() => {}); // the page may have cancelled it meanwhile
    });
    await open(page, '/');
    const held = page.waitForRequest((r) => new URL(r.url()).searchParams.get('q') === 'bully');
    await page.locator('#q').pressSequentially('bully', { delay: 10 });
    await held; // the request for "bully" is in flight, and will answer late
    await page.locator('#q').pressSequentially(' at school', { delay: 10 });
    const latest = await searchApi({ q: 'bully at school' });
    assert.notDeepEqual(ids(latest.hits), ids((await searchApi({ q: 'bully' })).hits));
    await waitForHits(page, ids(latest.hits));
    await sleep(1800); // past the held-back answer
    assert.deepEqual((await shown(page)).ids, ids(latest.hits));
  }, { allow: [/net::ERR_FAILED/] });

  pageTest('copy citation puts the title, id, source and index date on the clipboard', async (page) => {
    const doc = await api('/documents/teen-sexting-pressure-to-send-nudes');
    const health = await api('/health');
    await open(page, `/?doc=${doc.id}`);
    await page.getByRole('button', { name: 'Copy citation' }).click();
    await page.locator('#copy-status').getByText('Citation copied.').waitFor();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    for (const part of [doc.title, doc.id, doc.source, health.built_at.slice(0, 10)]) assert.ok(text.includes(part), `citation has "${part}"`);
  }, { permissions: ['clipboard-read', 'clipboard-write'] });

  pageTest('on a narrow screen nothing scrolls sideways and the filters fold away', async (page) => {
    const expected = await searchApi({ q: 'bullying' });
    await open(page, `/?q=bullying`);
    await waitForHits(page, ids(expected.hits));
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
    assert.equal(await page.locator('#filters').getAttribute('open'), null);
    await page.locator('#filters summary').click();
    assert.equal(await page.locator('#f-risk-cyberbullying').isVisible(), true);
  }, { viewport: { width: 360, height: 740 } });

  pageTest('when the service does not answer the page says what to do, and Try again recovers', async (page) => {
    await page.route('**/search?*', (route) => route.abort());
    await open(page, `/?q=bullying`);
    await page.locator('#message').getByText('The search service is not answering').waitFor();
    await page.unroute('**/search?*');
    await page.getByRole('button', { name: 'Try again' }).click();
    await waitForHits(page, ids((await searchApi({ q: 'bullying' })).hits));
  }, { allow: [/net::ERR_FAILED/] });

  pageTest('landmarks, labels and a visible focus ring are there for keyboard and screen-reader users', async (page) => {
    await open(page, `/?q=sexting`);
    await page.locator('#hits a.hit-link').first().waitFor();
    for (const role of ['banner', 'search', 'main', 'complementary', 'contentinfo']) {
      assert.equal(await page.getByRole(role).count(), 1, `one ${role} landmark`);
    }
    const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input')].filter((i) => i.labels.length === 0).map((i) => i.id));
    assert.deepEqual(unlabelled, []);
    assert.equal(await page.evaluate(() => document.querySelector('a[href], button, input').className), 'skip-link',
      'the skip link comes first in tab order');
    await page.locator('#q').focus();
    await page.keyboard.press('Shift+Tab'); // the home link
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
    assert.ok((await page.locator('.skip-link').boundingBox()).x >= 0, 'the skip link shows when focused');
    await page.keyboard.press('/');
    await page.keyboard.press('ArrowDown');
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement);
      return `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
    });
    assert.equal(ring, 'solid 3px rgb(194, 94, 0)', 'the focused hit has the page\'s own focus ring');
  });

  pageTest('typing while a document is open goes back to the results for the new words, and Esc keeps them', async (page) => {
    const expected = await searchApi({ q: 'sextortion' });
    await open(page, '/?q=grooming&doc=teen-sexting-pressure-to-send-nudes');
    await page.locator('#doc-title').waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type('sextortion');
    await waitForHits(page, ids(expected.hits));
    assert.equal(pageParams(page).get('doc'), null);
    assert.equal(await page.locator('#doc').isHidden(), true);
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#q').inputValue(), 'sextortion', 'Esc does not clear the search box');
    assert.equal(pageParams(page).get('q'), 'sextortion');
  });

  pageTest('"Back to results" returns to the results even after following "More like this"', async (page) => {
    const results = await searchApi({ q: 'grooming' });
    await open(page, '/?q=grooming');
    await waitForHits(page, ids(results.hits));
    await page.locator('#hits a.hit-link').first().click();
    await page.locator('#similar a').first().waitFor();
    const next = await page.locator('#similar a').first().getAttribute('data-doc');
    await page.locator('#similar a').first().click();
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('doc') === id, next);
    await page.getByRole('link', { name: '← Back to results' }).click();
    await waitForHits(page, ids(results.hits));
    assert.equal(pageParams(page).get('doc'), null);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.doc), results.hits[0].id, 'focus returns to the hit opened');
  });

  pageTest('an unfinished quote while typing keeps the last results and says what to finish', async (page) => {
    const expected = await searchApi({ q: 'he said' });
    await open(page, '/');
    await page.locator('#q').pressSequentially('he said', { delay: 10 });
    await waitForHits(page, ids(expected.hits));
    await page.locator('#q').pressSequentially(' "send', { delay: 10 });
    await page.locator('#status').getByText(/Finish the quote or bracket/).waitFor();
    assert.deepEqual((await shown(page)).ids, ids(expected.hits));
    await page.locator('#q').pressSequentially(' nudes"', { delay: 10 });
    await waitForHits(page, ids((await searchApi({ q: 'he said "send nudes"' })).hits));
  }, { allow: [/status of 400/] });

  pageTest('a link with filter values the taxonomy does not know drops them', async (page) => {
    const expected = await searchApi({ q: 'bullying', risk: 'cyberbullying' });
    await open(page, '/?q=bullying&risk=cyberbullying,no-such-risk&role=nobody&colour=red');
    await waitForHits(page, ids(expected.hits));
    assert.equal(pageParams(page).get('risk'), 'cyberbullying');
    assert.equal(pageParams(page).get('role'), null);
    assert.equal(await page.locator('#role-any').isChecked(), true);
  });

  it('the daemon logged the page\'s requests without any query text', async () => {
    const log = daemon.log();
    assert.match(log, /GET \/search 200/);
    assert.match(log, /GET \/ 200/);
    for (const secret of ['bully', 'grooming', 'kill myself', 'money', 'loot']) assert.ok(!log.includes(secret), `log has no "${secret}"`);
  });
});
