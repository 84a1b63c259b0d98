// Drives the page of `evgraph render --format html` in headless Chromium:
// no network, no console errors, markers for every fact, details on hover,
// click and keyboard, actor and action filters, hostile text shown as text.
//
//   node tests/browser/timeline_page.test.mjs EVGRAPH_BINARY REPO_DIR OUT_DIR
//
// Exit 0 when every check passes, 1 on a failed check, 77 when Chromium
// cannot be launched (the caller reports a skip).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [binary, repo, outDir] = process.argv.slice(2);
if (!binary || !repo || !outDir) {
  console.error('usage: timeline_page.test.mjs EVGRAPH_BINARY REPO_DIR OUT_DIR');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures += 1;
}

function render(store, name) {
  const out = path.join(outDir, name);
  execFileSync(binary, ['render', path.join(repo, store), '--format', 'html', '-o', out], { stdio: 'inherit' });
  return pathToFileURL(out).href;
}

let browser;
try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : [],
  });
} catch (error) {
  console.error(`SKIP: cannot launch Chromium: ${error.message.split('\n')[0]}`);
  process.exit(77);
}

// A fresh page that records network requests beyond file://, console errors and dialogs.
async function open(url) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const log = { requests: [], errors: [], dialogs: [] };
  await page.route('**/*', (route) => {
    const target = route.request().url();
    if (target.startsWith('file:') || target.startsWith('data:')) return route.continue();
    log.requests.push(target);
    return route.abort();
  });
  page.on('console', (message) => { if (message.type() === 'error') log.errors.push(message.text()); });
  page.on('pageerror', (error) => log.errors.push(String(error)));
  page.on('dialog', async (dialog) => { log.dialogs.push(dialog.message()); await dialog.dismiss(); });
  await page.goto(url);
  return { page, log };
}

try {
  // --- the small fixture store ---
  const { page, log } = await open(render('tests/fixtures/small_store.yaml', 'small.html'));
  const data = await page.evaluate(() => JSON.parse(document.getElementById('timeline-data').textContent));
  const markers = page.locator('#timeline-scroll svg .item');
  const count = await markers.count();
  check(count > 0 && count === data.items.length, `a marker per fact (${count} markers, ${data.items.length} items)`);

  // Hover: the tooltip names the date and what happened.
  // Point at the marker shape: a span's bounding box can be mostly empty.
  const first = markers.first();
  await first.locator('.mk-shape').hover();
  const tooltip = page.locator('#tooltip');
  check(await tooltip.isVisible(), 'hovering a marker shows a tooltip');
  const item0 = data.items[Number(await first.getAttribute('data-item'))];
  check((await tooltip.textContent()).includes(item0.date_label || 'undated'), 'the tooltip gives the date');

  // Click a quote: the details show the full quote, date, precision and linked sources.
  const quoteIndex = data.items.findIndex((item) => item.quote);
  check(quoteIndex >= 0, 'the fixture has a statement');
  await page.locator(`#timeline-scroll svg .item[data-item="${quoteIndex}"] .mk-shape`).click();
  const details = page.locator('#details');
  check(await details.isVisible(), 'clicking a marker opens the details');
  const detailsText = await details.textContent();
  const quoted = data.items[quoteIndex];
  check(detailsText.includes(quoted.quote), 'the details show the full quote');
  check(detailsText.includes('precision:'), 'the details show the date precision');
  check(await details.locator('.sources a[href^="https://"]').count() > 0, 'the sources are links');
  await page.keyboard.press('Escape');
  check(!(await details.isVisible()), 'Escape closes the details');

  // Filters: one actor only, then everything again.
  await page.click('#show-none');
  const actorBoxes = page.locator('#actor-filter input[type=checkbox]');
  const actor = await actorBoxes.first().getAttribute('value');
  await actorBoxes.first().check();
  const visible = await page.locator('#timeline-scroll svg .item:not(.is-hidden)').count();
  const visibleActors = await page.$$eval('#timeline-scroll svg .item:not(.is-hidden)',
    (els) => [...new Set(els.map((e) => e.dataset.actor))]);
  check(visible > 0 && visible < count, `an actor filter hides the other facts (${visible} of ${count} shown)`);
  check(visibleActors.length === 1 && visibleActors[0] === actor, `only ${actor}'s facts stay visible`);
  await page.click('#show-all');
  check(await page.locator('#timeline-scroll svg .item:not(.is-hidden)').count() === count, '"Show all" undoes the filter');
  const actionBox = page.locator('#action-filter input[type=checkbox]').first();
  const action = await actionBox.getAttribute('value');
  await actionBox.uncheck();
  const withoutAction = await page.$$eval('#timeline-scroll svg .item:not(.is-hidden)', (els) => els.map((e) => e.dataset.action));
  check(!withoutAction.includes(action) && withoutAction.length < count, `an action filter hides every "${action}"`);
  await actionBox.check();

  // Keyboard: Tab reaches a marker, Enter opens it.
  let reached = false;
  for (let i = 0; i < 80 && !reached; ++i) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement && document.activeElement.classList.contains('item'));
  }
  check(reached, 'Tab reaches a marker');
  await page.keyboard.press('Enter');
  check(await details.isVisible(), 'Enter on a marker opens the details');

  await page.screenshot({ path: path.join(outDir, 'timeline.png'), fullPage: true });
  check(log.requests.length === 0, `no network requests (${log.requests.join(', ') || 'none'})`);
  check(log.errors.length === 0, `no console errors (${log.errors.join(' | ') || 'none'})`);
  await page.close();

  // --- hostile text ---
  const hostile = await open(render('tests/fixtures/hostile_store.yaml', 'hostile.html'));
  const hostileData = await hostile.page.evaluate(() => JSON.parse(document.getElementById('timeline-data').textContent));
  const statement = hostileData.items.findIndex((item) => item.quote);
  await hostile.page.locator(`#timeline-scroll svg .item[data-item="${statement}"] .mk-shape`).click();
  const shown = await hostile.page.locator('#details').textContent();
  check(shown.includes('</text><script>alert(1)</script>'), 'a quote with </script><script> is shown as text');
  check(await hostile.page.locator('script:not([type="application/json"])').count() === 1, 'the page has only its own script');
  check(hostile.log.dialogs.length === 0, 'no alert dialog fires');
  check(hostile.log.errors.length === 0, `no console errors on hostile text (${hostile.log.errors.join(' | ') || 'none'})`);
} finally {
  await browser.close();
}

console.log(failures ? `${failures} check(s) failed` : `all checks passed; screenshot: ${path.join(outDir, 'timeline.png')}`);
process.exit(failures ? 1 : 0);
