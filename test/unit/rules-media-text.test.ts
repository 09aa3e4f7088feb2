import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findHtmlTag, findMarkdownImage } from '../../server/src/rules/adaptive/text-markup';
import { card, ruleIds } from './helpers';
import { messages, reportedRanges } from './rule-assertions';

const image = (extra: Record<string, unknown>) => card('1.0', [{ type: 'Image', url: 'https://cdn.contoso.example/a.png', ...extra }]);
const text = (value: unknown) => card('1.0', [{ type: 'TextBlock', text: value }]);

/** Every string of up to `length` characters of the alphabet. */
function allStrings(alphabet: readonly string[], length: number): string[] {
  const strings = [''];
  for (const prefix of strings) if (prefix.length < length) strings.push(...alphabet.map((character) => prefix + character));
  return strings;
}

/** The first match of `pattern` as findHtmlTag and findMarkdownImage report it. */
function firstMatch(pattern: RegExp, value: string): { index: number; text: string } | undefined {
  const match = pattern.exec(value);
  return match ? { index: match.index, text: match[0] } : undefined;
}

describe('AM070 image URLs', () => {
  it('reports relative, empty, non-string, host-less and non-image URLs on the value', () => {
    assert.deepEqual(reportedRanges(image({ url: 'logo.png' }), 'AM070'), ['"logo.png"']);
    assert.match(messages(image({ url: 'logo.png' }), 'AM070')[0]!, /relative.*https:\/\//);
    for (const url of ['', '/img/logo.png', 7, 'https://', 'ftp://cdn.contoso.example/a.png', 'javascript:alert(1)']) {
      assert.deepEqual(ruleIds(image({ url })), ['AM070'], String(url));
    }
    assert.deepEqual(ruleIds(card('1.4', [{ type: 'Image', url: 'data:text/plain;base64,SGk=' }])), ['AM070']);
  });
  it('reports an http(s) URL that the URL parser rejects, e.g. a storage-account placeholder left in the host', () => {
    const placeholder = 'https://<some-storage-account>.blob.core.windows.net/photos/ana.png';
    assert.deepEqual(reportedRanges(image({ url: placeholder }), 'AM070'), [JSON.stringify(placeholder)]);
    assert.match(messages(image({ url: placeholder }), 'AM070')[0]!, /URL parser.*host/);
    const background = { type: 'Container', backgroundImage: { url: 'https://cdn contoso.example/bg.png' }, items: [] };
    assert.deepEqual(ruleIds(card('1.0', [background])), ['AM070']);
    // Corrected: the storage account's real name; surrounding whitespace is trimmed by the parser.
    assert.deepEqual(ruleIds(image({ url: 'https://contosophotos.blob.core.windows.net/photos/ana.png' })), []);
    assert.deepEqual(ruleIds(image({ url: ' https://cdn.contoso.example/a.png\n' })), []);
  });
  it('accepts https, http (Microsoft\'s own example) and data:image URIs', () => {
    assert.deepEqual(ruleIds(image({ url: 'http://cdn.contoso.example/a.png' })), []);
    assert.deepEqual(ruleIds(image({ url: 'HTTPS://cdn.contoso.example/a.png' })), []);
    assert.deepEqual(ruleIds(card('1.4', [{ type: 'Image', url: 'data:image/png;base64,iVBORw0KGgo=' }])), []);
  });
  it('checks ImageSet images, action iconUrl and every backgroundImage form', () => {
    const imageSet = { type: 'ImageSet', images: [{ url: 'a.png' }] };
    const container = { type: 'Container', backgroundImage: 'bg.png', items: [] };
    const columns = { type: 'ColumnSet', columns: [{ type: 'Column', backgroundImage: 'https://a.example/c.png', items: [] }] };
    const showCard = { type: 'Action.ShowCard', title: 'More', iconUrl: 'icon.png', card: { type: 'AdaptiveCard', backgroundImage: 'inner.png', body: [] } };
    const t = card('1.0', [imageSet, container, columns], { actions: [showCard] });
    assert.deepEqual(reportedRanges(t, 'AM070').sort(), ['"a.png"', '"bg.png"', '"icon.png"', '"inner.png"']);
  });
  it('checks the url of an object backgroundImage', () => {
    const background = (value: unknown) => card('1.4', [{ type: 'TextBlock', text: 'Hi' }], { backgroundImage: value });
    assert.deepEqual(reportedRanges(background({ url: 'bg.png', fillMode: 'repeat' }), 'AM070'), ['"bg.png"']);
    assert.deepEqual(reportedRanges(background({ fillMode: 'repeat' }), 'AM070'), ['{"fillMode":"repeat"}']);
    assert.deepEqual(ruleIds(background({ url: 'https://a.example/bg.png' })), []);
  });
});

describe('AM071/AM072 Image size and colour', () => {
  it('AM071: width and height must be <integer>px; height may be auto/stretch', () => {
    assert.deepEqual(reportedRanges(image({ width: '40' }), 'AM071'), ['"40"']);
    assert.deepEqual(reportedRanges(image({ width: 40, height: '1.5px' }), 'AM071'), ['40', '"1.5px"']);
    assert.deepEqual(ruleIds(image({ width: 'auto' })), ['AM071']);
    assert.match(messages(image({ width: '40' }), 'AM071')[0]!, /"40px"/);
  });
  it('AM071: accepts px sizes and auto/stretch heights', () => {
    assert.deepEqual(ruleIds(image({ width: '40px', height: '20px' })), []);
    assert.deepEqual(ruleIds(image({ height: 'Auto' })), []);
    assert.deepEqual(ruleIds(image({ height: 'stretch' })), []);
  });
  it('AM072: backgroundColor must be #RRGGBB or #AARRGGBB', () => {
    assert.deepEqual(reportedRanges(image({ backgroundColor: 'blue' }), 'AM072'), ['"blue"']);
    for (const color of ['#FFF', '#GGGGGG', 'DDDDDD', 3]) assert.deepEqual(ruleIds(image({ backgroundColor: color })), ['AM072'], String(color));
    assert.deepEqual(ruleIds(image({ backgroundColor: '#dddddd' })), []);
    assert.deepEqual(ruleIds(image({ backgroundColor: '#80DDDDDD' })), []);
  });
});

describe('AM073 Column width', () => {
  const column = (width: unknown) => card('1.0', [{ type: 'ColumnSet', columns: [{ type: 'Column', width, items: [{ type: 'TextBlock', text: 'A' }] }] }]);
  it('reports invalid widths on the value', () => {
    assert.deepEqual(reportedRanges(column('wide'), 'AM073'), ['"wide"']);
    for (const width of ['30%', '1.5*', '-1', -1, '50 px', true]) assert.deepEqual(ruleIds(column(width)), ['AM073'], String(width));
  });
  it('accepts numbers, auto, stretch, weights and pixels; a Column without type counts', () => {
    for (const width of [1, 0, 2.5, 'auto', 'Stretch', '2', '2*', '50px']) assert.deepEqual(ruleIds(column(width)), [], String(width));
    assert.deepEqual(ruleIds(card('1.0', [{ type: 'ColumnSet', columns: [{ width: '30%', items: [] }] }])), ['AM073']);
  });
});

describe('AM074 HTML in TextBlock', () => {
  it('reports the first tag', () => {
    assert.deepEqual(reportedRanges(text('<b>Approved</b>'), 'AM074'), ['<b>']);
    assert.deepEqual(reportedRanges(text('Line<br/>next'), 'AM074'), ['<br/>']);
    assert.deepEqual(reportedRanges(text('See <a href="https://a.example">this</a>'), 'AM074'), ['<a href=\\"https://a.example\\">']);
    assert.match(messages(text('<b>Approved</b>'), 'AM074')[0]!, /Markdown/);
  });
  it('accepts entities, a lone less-than sign and Markdown', () => {
    for (const value of ['Fish&nbsp;&amp;&nbsp;chips', '**bold** *it* ~~x~~ [link](https://a.example)', '1 <2']) {
      assert.deepEqual(ruleIds(text(value)), [], value);
    }
  });
});

describe('AM074 and AM075 scan for markup as the patterns they replace matched, without backtracking', () => {
  it('finds the HTML tag that the pattern it replaces finds first, in every string of up to 6 of <, >, /, space, a, 1 and LF', () => {
    const htmlTag = /<\s*\/?\s*[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?\/?\s*>/;
    const unusual = ['<b\u00a0>', '<b\u2028x>', '< / b >', '<b/ >', '<b / >', '<1>', '<b1 x="<">', 'x<<b>>', '<b\n/>', '<B>', '<ä>'];
    for (const value of [...allStrings(['<', '>', '/', ' ', 'a', '1', '\n'], 6), ...unusual]) {
      assert.deepEqual(findHtmlTag(value), firstMatch(htmlTag, value), JSON.stringify(value));
    }
  });
  it('finds the Markdown image that the pattern it replaces finds first, in every string of up to 7 of ![]()a', () => {
    const markdownImage = /!\[[^\]]*\]\([^)]*\)/;
    for (const value of allStrings(['!', '[', ']', '(', ')', 'a'], 7)) {
      assert.deepEqual(findMarkdownImage(value), firstMatch(markdownImage, value), JSON.stringify(value));
    }
  });
});

describe('AM075 Markdown image in TextBlock', () => {
  it('reports the image syntax', () => {
    assert.deepEqual(reportedRanges(text('Logo: ![logo](https://cdn.contoso.example/logo.png)'), 'AM075'), ['![logo](https://cdn.contoso.example/logo.png)']);
  });
  it('accepts links and other Markdown', () => {
    assert.deepEqual(ruleIds(text('[logo](https://cdn.contoso.example/logo.png) and !important')), []);
  });
});
