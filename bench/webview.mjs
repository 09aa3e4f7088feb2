// Edit-to-rendered in the preview webview: in headless Chromium, the real page (previewHtml with dist/webview.js, as
// the Chromium tests serve it) gets a `render` message and answers `rendered`; the time between the two is what a
// user waits after the host sends an edit. The floor is a bare adaptivecards parse + render of the same card with
// the same host config (Outlook desktop) into the same page, from adaptivecards' own UMD build. Both run in one page,
// interleaved with alternating order, so page state, JIT and GC pressure hit each alike.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { generateCard } from './generate-cards.mjs';
import { median } from './stats.mjs';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const PREVIEW_PAGE = path.join(root, 'out/test/webview/preview-page.js');
const ADAPTIVECARDS_UMD = path.join(root, 'node_modules/adaptivecards/dist/adaptivecards.min.js');
const OUTLOOK_HOST_CONFIG = path.join(root, 'node_modules/adaptivecards-designer/lib/hostConfigs/outlook-desktop.json');

const SIZES = [{ label: '10 KB', bytes: 10_000 }, { label: '100 KB', bytes: 100_000 }];
const WARMUP = 5;
const ROUNDS = 30;

/** In the page: both measurements, each from its start to the card in the DOM. */
const PAGE_SETUP = `(hostConfig) => {
  const posted = window.__posted;
  const push = posted.push.bind(posted);
  let waiting;
  posted.push = (message) => {
    const length = push(message);
    if (waiting && message.type === 'rendered' && message.sequence === waiting.sequence) waiting.resolve(performance.now());
    return length;
  };
  window.__timeOurs = (text, sequence) => new Promise((resolve) => {
    const started = performance.now();
    waiting = { sequence, resolve: (done) => resolve({ ms: done - started, outcome: posted.at(-1).outcome }) };
    window.postMessage({
      type: 'render', sequence, documentUri: 'file:///bench/card.json', fileName: 'card.json', text,
      diagnostics: { errors: 0, warnings: 0, infos: 0 },
    }, '*');
  });
  const floorHost = document.createElement('div');
  document.body.append(floorHost);
  window.__timeFloor = (text) => {
    const started = performance.now();
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
    card.parse(JSON.parse(text));
    floorHost.replaceChildren(card.render());
    return performance.now() - started;
  };
}`;

/** A different text per edit, as typing gives: the section titles carry the edit number. */
const edited = (text, edit) => text.replace('"Pending approvals"', `"Pending approvals (edit ${edit})"`);

export async function benchWebview() {
  for (const file of [PREVIEW_PAGE, path.join(root, 'dist/webview.js')]) {
    if (!existsSync(file)) throw new Error(`${path.relative(root, file)} is missing: run "npm run build" first.`);
  }
  const { launchChromium, PreviewPage } = require(PREVIEW_PAGE);
  const browser = await launchChromium();
  try {
    // No CSP on this page: the floor's adaptivecards build is added as a script the page's policy would refuse.
    const preview = await PreviewPage.open(browser, { csp: 'none', viewport: { width: 1000, height: 800 } });
    await preview.page.addScriptTag({ path: ADAPTIVECARDS_UMD });
    await preview.page.evaluate(`(${PAGE_SETUP})(${readFileSync(OUTLOOK_HOST_CONFIG, 'utf8')})`);
    let sequence = 0;
    const results = [];
    for (const { label, bytes: targetBytes } of SIZES) {
      const text = generateCard(targetBytes);
      const ours = [];
      const floor = [];
      for (let round = 0; round < WARMUP + ROUNDS; round++) {
        const edit = edited(text, round);
        const measureOurs = async () => {
          const { ms, outcome } = await preview.page.evaluate(([card, next]) => window.__timeOurs(card, next), [edit, ++sequence]);
          if (outcome !== 'card') throw new Error(`the preview answered ${outcome} for the ${label} card`);
          return ms;
        };
        const measureFloor = () => preview.page.evaluate((card) => window.__timeFloor(card), edit);
        const [first, second] = round % 2 === 0 ? [measureOurs, measureFloor] : [measureFloor, measureOurs];
        const a = await first();
        const b = await second();
        if (round < WARMUP) continue;
        ours.push(round % 2 === 0 ? a : b);
        floor.push(round % 2 === 0 ? b : a);
      }
      results.push({ label, bytes: Buffer.byteLength(text), medians: { ours: median(ours), floor: median(floor) }, rounds: ROUNDS });
    }
    if (preview.pageErrors.length > 0) throw new Error(`page errors during the bench: ${preview.pageErrors.join('; ')}`);
    return results;
  } finally {
    await browser.close();
  }
}
