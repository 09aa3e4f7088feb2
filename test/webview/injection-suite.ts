// The injection suite, run once with the page's real CSP and once without any CSP, so the app's own handling is
// tested, not only the policy. No card content runs script in the preview, and no link carries a dangerous URL.
// Each payload sits where card content reaches the page (text, Markdown links, image URLs, ids, titles, facts,
// inputs, template data, response cards, the URLs of links and actions) and would set window.__pwned if it ran.
// Every button and link of the rendered card is clicked. Two groups of payloads (markup, links), each in two files
// (injection-*csp.test.ts), so the runs go side by side and each file stays well inside the per-file time limit.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium, PreviewPage } from './preview-page';

type Json = Record<string, unknown>;

interface Payload {
  readonly name: string;
  readonly card: Json;
  /** A data file for the card as a template. */
  readonly data?: Json;
  /** A response file applied after the render. */
  readonly response?: Json;
  /** Text typed into every text input before the buttons are clicked. */
  readonly typed?: string;
}

const RUN = (id: string) => `window.__pwned='${id}'`;
const card = (body: unknown[], extra: Json = {}): Json => ({ type: 'AdaptiveCard', version: '1.0', body, ...extra });
const text = (value: string): Json => ({ type: 'TextBlock', text: value, wrap: true });
const openUrl = (url: string): Json => ({ type: 'Action.OpenUrl', title: 'Open', url });

/** A link target that runs script or shows a document of its own, in each form a browser still reads as such. */
const DANGEROUS_URLS: readonly string[] = [
  `javascript:${RUN('js')}`, ` JaVaScRiPt:${RUN('js-case')}`, `java\tscript:${RUN('js-tab')}`, `java\nscript:${RUN('js-newline')}`,
  `\u0001javascript:${RUN('js-control')}`, `\u0000 javascript:${RUN('js-nul')}`, `&#106;avascript:${RUN('js-entity')}`,
  `&#x6A;avascript&colon;${RUN('js-hex-entity')}`, 'vbscript:msgbox(1)', ' VbScRiPt:msgbox(1)', 'vb\tscript:msgbox(1)',
  `data:text/html,<script>opener.${RUN('data')}</script>`, ' DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'da\rta:text/html,x', 'data:image/svg+xml,<svg/>',
];
const selectOpenUrl = (url: string): Json => ({ selectAction: openUrl(url) });

const MARKUP_PAYLOADS: readonly Payload[] = [
  { name: 'img onerror in text', card: card([text(`<img src=x onerror="${RUN('text-img')}">`)]) },
  { name: 'script in text', card: card([text(`<script>${RUN('text-script')}</script>`)]) },
  { name: 'closing script in text', card: card([text(`</script><script>${RUN('close-script')}</script>`)]) },
  { name: 'iframe srcdoc in text', card: card([text(`<iframe srcdoc="<script>parent.${RUN('iframe')}</script>"></iframe>`)]) },
  { name: 'svg onload in text', card: card([text(`<svg onload="${RUN('svg-text')}"></svg>`)]) },
  { name: 'style and expression in text', card: card([text(`<style>body{background:url("javascript:${RUN('style')}")}</style><div style="width:expression(${RUN('expr')})">x</div>`)]) },
  { name: 'Markdown autolink and image', card: card([text(`<javascript:${RUN('autolink')}> ![x](javascript:${RUN('md-img')})`)]) },
  { name: 'javascript: image URL', card: card([{ type: 'Image', url: `javascript:${RUN('img-js')}` }]) },
  { name: 'data:text/html image URL', card: card([{ type: 'Image', url: `data:text/html,<script>${RUN('img-data')}</script>` }]) },
  { name: 'svg image with onload', card: card([{ type: 'Image', url: `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="${RUN('svg-img')}"/>` }]) },
  { name: 'image URL breaking out of the attribute', card: card([{ type: 'Image', url: `x" onerror="${RUN('img-attr')}` }, { type: 'Image', url: `https://cdn.contoso.example/a.png" onerror="${RUN('img-attr-https')}` }]) },
  { name: 'javascript: background image', card: card([{ type: 'Container', backgroundImage: `javascript:${RUN('bg')}`, items: [text('bg')] }], { backgroundImage: { url: `javascript:${RUN('bg-card')}` } }) },
  { name: 'markup in ids', card: card([{ type: 'Input.Text', id: `x"><img src=x onerror=${RUN('id')}>` }, text('ids')], { actions: [{ type: 'Action.ToggleVisibility', title: 'Toggle', targetElements: [`x"><img src=x onerror=${RUN('id')}>`] }] }) },
  { name: 'markup in action titles', card: card([text('titles')], { actions: [{ type: 'Action.ShowCard', title: `<img src=x onerror=${RUN('title')}>`, card: card([text(`<b onmouseover=${RUN('showcard')}>b</b>`)]) }, { ...openUrl('https://a.example/'), title: `<script>${RUN('title-script')}</script>` }] }) },
  { name: 'markup in facts', card: card([{ type: 'FactSet', facts: [{ title: `<svg onload=${RUN('fact-title')}>`, value: `[v](javascript:${RUN('fact-link')}) <img src=x onerror=${RUN('fact-value')}>` }] }]) },
  { name: 'markup in input placeholders, values and choices', card: card([
    { type: 'Input.Text', id: 'a', placeholder: `"><script>${RUN('placeholder')}</script>`, value: `</textarea><script>${RUN('value')}</script>`, isMultiline: true },
    { type: 'Input.ChoiceSet', id: 'b', style: 'expanded', choices: [{ title: `<img src=x onerror=${RUN('choice')}>`, value: '"><script>1</script>' }] },
    { type: 'Input.Toggle', id: 'c', title: `<img src=x onerror=${RUN('toggle')}>` },
  ]) },
  {
    name: '{{ tricks in Action.Http with typed markup',
    card: card([{ type: 'Input.Text', id: 'q' }], { actions: [{ type: 'Action.Http', title: 'Send', method: 'POST', url: 'https://a.example/?q={{q.value}}', body: '{"q": "{{q.value}}", "raw": "{{q.value}}}}}"}' }] }),
    typed: `</pre><img src=x onerror=${RUN('typed')}>{{q.value}}`,
  },
  {
    name: '${ expressions and markup in template data',
    card: card([text('${name}'), text('${html}'), { type: 'Image', url: '${image}' }], { actions: [openUrl('${link}')] }),
    data: { name: `\${string(${RUN('template')})}`, html: `<img src=x onerror=${RUN('data-html')}>`, image: `javascript:${RUN('data-img')}`, link: `javascript:${RUN('data-link')}` },
  },
  {
    name: 'markup in a response card',
    card: card([text('before the response')]),
    response: card([text(`<img src=x onerror=${RUN('response')}> [r](javascript:${RUN('response-link')})`)], { actions: [openUrl(`javascript:${RUN('response-open')}`)] }),
  },
];

/** Every dangerous URL wherever a card can make a link or a clickable element, down to what renders only when opened. */
const LINK_PAYLOADS: readonly Payload[] = [
  { name: 'javascript: Markdown link', card: card([text(`[click me](javascript:${RUN('md-js')})`)]) },
  { name: 'entity-encoded javascript: Markdown link', card: card([text(`[click me](&#106;avascript:${RUN('md-entity')})`)]) },
  { name: 'data:text/html Markdown link', card: card([text(`[click me](data:text/html,<script>opener.${RUN('md-data')}</script>)`)]) },
  { name: 'attribute break-out in a Markdown link', card: card([text(`[click me](https://a.example/"onmouseover="${RUN('md-attr')}")`)]) },
  { name: 'javascript: and data: OpenUrl actions', card: card([{ type: 'Container', items: [text('select me')], selectAction: openUrl(`javascript:${RUN('select')}`) }], { actions: [openUrl(`javascript:${RUN('openurl')}`), { ...openUrl(`data:text/html,<script>${RUN('openurl-data')}</script>`), title: 'Data' }] }) },
  {
    name: 'dangerous URLs on RichTextBlock TextRun selectActions',
    card: card([{ type: 'RichTextBlock', inlines: DANGEROUS_URLS.map((url, index) => ({ type: 'TextRun', text: `run ${index} `, ...selectOpenUrl(url) })) }], { version: '1.2' }),
  },
  {
    name: 'dangerous URLs in Markdown links',
    card: card(DANGEROUS_URLS.flatMap((url) => [text(`[plain](${url})`), text(`[angle](<${url}>)`), text(`[ref][r]\n\n[r]: <${url}>`)])),
  },
  {
    name: 'dangerous URLs on the selectActions of elements, images and columns, on actions, in a ShowCard and in resources',
    card: card([
      ...DANGEROUS_URLS.map((url) => ({ type: 'Container', items: [text('container')], ...selectOpenUrl(url) })),
      ...DANGEROUS_URLS.map((url) => ({ type: 'Image', url: 'https://cdn.contoso.example/a.png', ...selectOpenUrl(url) })),
      { type: 'ColumnSet', ...selectOpenUrl(DANGEROUS_URLS[0]!), columns: DANGEROUS_URLS.map((url) => ({ type: 'Column', items: [text('column')], ...selectOpenUrl(url) })) },
      { type: 'ImageSet', images: DANGEROUS_URLS.map((url) => ({ type: 'Image', url: 'https://cdn.contoso.example/b.png', ...selectOpenUrl(url) })) },
      text('[resource](action:r0) [resource](action:r1)'),
    ], {
      // Five actions, which Outlook's host config shows; the ShowCard last, as its card renders when it opens and
      // closes when another action of the set runs.
      actions: [
        ...DANGEROUS_URLS.slice(0, 4).map((url, index) => ({ ...openUrl(url), title: `open ${index}` })),
        { type: 'Action.ShowCard', title: 'Show', card: card([{ type: 'RichTextBlock', inlines: DANGEROUS_URLS.map((url) => ({ type: 'TextRun', text: 'inner ', ...selectOpenUrl(url) })) }, text(`[inner](${DANGEROUS_URLS[1]!})`)], { version: '1.2' }) },
      ],
      resources: { actions: DANGEROUS_URLS.slice(0, 2).map((url, index) => ({ ...openUrl(url), id: `r${index}` })) },
    }),
  },
];

const MINIMUM_PAYLOADS = { markup: 16, links: 8 } as const;
/** Each group runs in files of its own, so that every file stays well inside the per-file time limit. */
const PAYLOADS = { markup: MARKUP_PAYLOADS, links: LINK_PAYLOADS } as const;

/** Elements no card may create; returns a description of each found. */
const UNEXPECTED_ELEMENTS = `(() => {
  const found = [];
  const scripts = document.querySelectorAll('script');
  if (scripts.length !== 1 || !scripts[0].hasAttribute('nonce')) found.push(scripts.length + ' script elements');
  for (const element of document.querySelectorAll('iframe, frame, object, embed, style, link:not([rel=stylesheet]), meta:not([charset]):not([name=viewport]):not([http-equiv]), base, form, svg')) {
    found.push(element.outerHTML.slice(0, 120));
  }
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      if (attribute.name.startsWith('on')) found.push(element.tagName + ' ' + attribute.name);
    }
  }
  for (const image of document.querySelectorAll('img')) {
    if (!/^(https:|data:image\\/)/.test(image.getAttribute('src') || '')) found.push('img ' + image.getAttribute('src'));
  }
  // An empty href (adaptivecards gives a TextRun's anchor one when its action has no URL) points at the page itself.
  for (const anchor of document.querySelectorAll('a[href]:not([href=""])')) {
    if (!/^(https?:|mailto:|action:)/i.test(anchor.getAttribute('href'))) found.push('a ' + anchor.getAttribute('href'));
  }
  // Read each URL attribute as a browser's URL parser does: surrounding spaces and control characters dropped, tabs
  // and newlines removed anywhere, the scheme in any case.
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      if (!['href', 'xlink:href', 'src', 'action', 'formaction', 'poster', 'background', 'data'].includes(attribute.name)) continue;
      const url = attribute.value.replace(/^[\\u0000-\\u0020]+|[\\u0000-\\u0020]+$/g, '').replace(/[\\t\\n\\r]/g, '').toLowerCase();
      const imageData = element.tagName === 'IMG' && attribute.name === 'src' && url.startsWith('data:image/');
      if (/^(javascript|vbscript):/.test(url) || (url.startsWith('data:') && !imageData)) found.push(element.tagName + ' ' + attribute.name + '=' + attribute.value);
    }
  }
  return found;
})()`;


async function exercise(preview: PreviewPage, payload: Payload): Promise<void> {
  const rendered = await preview.render('payload.card.json', JSON.stringify(payload.card),
    payload.data ? { data: { fileName: 'payload.data.json', text: JSON.stringify(payload.data) } } : {});
  assert.equal(rendered.outcome, 'card', payload.name);
  if (payload.response) {
    await preview.send({ type: 'applyResponse', response: { fileName: 'payload.response.json', text: JSON.stringify(payload.response) } });
    await preview.page.locator('.response-banner').waitFor();
  }
  const frame = preview.page.locator('.card-frame');
  if (payload.typed !== undefined) {
    for (const input of await frame.locator('input.ac-textInput, textarea').all()) await input.fill(payload.typed);
  }
  for (const target of await frame.locator('.ac-pushButton, a, .ac-selectable').all()) {
    if (await target.isVisible()) await target.click({ timeout: 2000 });
  }
}

export function describeInjectionSuite(csp: 'real' | 'none', group: keyof typeof PAYLOADS): void {
  describe(`injection payloads, ${group} (${csp === 'real' ? "the page's CSP" : 'no CSP at all'})`, () => {
    let browser: Browser;
    before(async () => {
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
    });

    it(`has at least ${MINIMUM_PAYLOADS[group]} payloads (${PAYLOADS[group].length})`, () => {
      assert.ok(PAYLOADS[group].length >= MINIMUM_PAYLOADS[group]);
    });

    for (const payload of PAYLOADS[group]) {
      it(`runs nothing from ${payload.name}`, async () => {
        const preview = await PreviewPage.open(browser, { csp });
        await exercise(preview, payload);
        assert.equal(await preview.page.evaluate('window.__pwned'), undefined, 'a payload ran');
        assert.deepEqual(await preview.page.evaluate(UNEXPECTED_ELEMENTS), [], 'unexpected elements');
        assert.deepEqual(preview.dialogs, [], 'dialogs');
        assert.deepEqual(preview.navigations, [], 'navigations');
        assert.deepEqual(preview.popups, [], 'popups');
        assert.equal(preview.page.url(), 'https://webview.test/index.html');
        assert.deepEqual(preview.unexpectedRequests, [], 'requests');
        assert.deepEqual(await preview.violations(), [], 'CSP violations');
        const opened = (await preview.posted()).flatMap((message) => (message.type === 'openUrl' ? [message.url] : []));
        for (const url of opened) assert.match(url, /^(https?|mailto):/i, 'openUrl posted');
        await preview.close();
      });
    }
  });
}
