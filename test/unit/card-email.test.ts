// The email HTML read back with parse5, a spec-conformant HTML parser: the card JSON and the JWS must come back exactly.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { CompactSign, generateKeyPair } from 'jose';
import { parse } from 'parse5';
import { cardEmailHtml, CardEmailError } from '../../server/src/email/card-email';
import { attr, elements, only, parsed, scriptCard, textOf } from './mail-parsing';

const ORIGINATOR = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';

function card(body: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'AdaptiveCard', version: '1.0', originator: ORIGINATOR, ...extra, body };
}

async function signedToken(claims: Record<string, unknown>): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  const payload = { sender: 'noreply@contoso.example', originator: ORIGINATOR, recipientsSerialized: '["ana@contoso.example"]', iat: 1717430400, ...claims };
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
}

const HOSTILE_STRINGS = [
  '</script><script>alert(1)</script>',
  '<!-- <script> -->',
  '<!--<script>',
  '</SCRIPT >',
  'line\u2028separator\u2029paragraph',
  '&amp; &lt; & ]]> <![CDATA[',
  '\\u003c stays a backslash sequence',
];

describe('cardEmailHtml, unsigned', () => {
  it('writes a complete document with the Adaptive Card in a head script that parses back to the same card', () => {
    const value = card([{ type: 'TextBlock', text: 'Hi' }]);
    const { html, warnings } = cardEmailHtml({ cardText: JSON.stringify(value, null, 2) });
    assert.deepEqual(warnings, []);
    assert.match(html, /^<!DOCTYPE html>\n/);
    const { document, head } = parsed(html);
    assert.equal(document.mode, 'no-quirks');
    assert.equal(attr(only(head, 'meta'), 'charset'), 'utf-8');
    assert.deepEqual(scriptCard(html), { type: 'application/adaptivecard+json', value });
  });

  it('yields exactly the card back when its strings contain </script>, <!--, <script>, U+2028 and U+2029', () => {
    const value = card(HOSTILE_STRINGS.map((text) => ({ type: 'TextBlock', text })), { correlationId: '</script>' });
    const { html } = cardEmailHtml({ cardText: JSON.stringify(value) });
    assert.deepEqual(scriptCard(html).value, value);
    assert.equal(html.split('</script>').length, 2, 'only the closing tag of the card script');
    assert.doesNotMatch(html.slice(html.indexOf('<script'), html.indexOf('</script>')), /[\u2028\u2029]/);
  });

  it('keeps the card as written (layout and key order), changing only the script-unsafe characters', () => {
    const cardText = '{\n  "version": "1.0",\n  "type": "AdaptiveCard",\n  "body": [{"type": "TextBlock", "text": "a < b"}]\n}';
    const { html } = cardEmailHtml({ cardText });
    const script = only(parse(html), 'script');
    assert.equal(textOf(script), cardText.replace('<', '\\u003c'));
  });

  it('uses application/ld+json for a MessageCard', () => {
    const value = { '@type': 'MessageCard', '@context': 'http://schema.org/extensions', summary: 'S', text: 'Hello </script>' };
    const { html, warnings } = cardEmailHtml({ cardText: JSON.stringify(value) });
    assert.deepEqual(warnings, []);
    assert.deepEqual(scriptCard(html), { type: 'application/ld+json', value });
  });

  it('puts an escaped subject into <title>', () => {
    const { html } = cardEmailHtml({ cardText: JSON.stringify(card([{ type: 'TextBlock', text: 'Hi' }])), subject: 'Q3 <budget> & "plan"' });
    assert.equal(textOf(only(parsed(html).head, 'title')), 'Q3 <budget> & "plan"');
  });

  it('drops a byte order mark before the card', () => {
    const value = card([{ type: 'TextBlock', text: 'Hi' }]);
    const { html, warnings } = cardEmailHtml({ cardText: `\uFEFF${JSON.stringify(value)}` });
    assert.deepEqual(warnings, []);
    assert.deepEqual(scriptCard(html).value, value);
  });
});

describe('cardEmailHtml, signed', () => {
  it('writes the SignedAdaptiveCard section that yields the JWS back, and no script', async () => {
    const value = card([{ type: 'TextBlock', text: 'Hi' }]);
    const token = await signedToken({ adaptiveCardSerialized: JSON.stringify(value) });
    const { html, warnings } = cardEmailHtml({ cardText: JSON.stringify(value), signedJws: token });
    assert.deepEqual(warnings, []);
    const { document, body } = parsed(html);
    assert.equal(elements(document, 'script').length, 0);
    const section = only(body, 'section');
    assert.equal(attr(section, 'itemscope'), '');
    assert.equal(attr(section, 'itemtype'), 'http://schema.org/SignedAdaptiveCard');
    const metas = Object.fromEntries(elements(section, 'meta').map((meta) => [attr(meta, 'itemprop'), attr(meta, 'content')]));
    assert.deepEqual(metas, { '@context': 'http://schema.org/extensions', '@type': 'SignedAdaptiveCard' });
    const div = only(section, 'div');
    assert.equal(attr(div, 'itemprop'), 'signedAdaptiveCard');
    assert.equal(textOf(div), token);
    const style = attr(div, 'style')!;
    for (const declaration of ['display:none', 'max-height:0', 'overflow:hidden', 'mso-hide:all']) assert.ok(style.replace(/\s/g, '').includes(declaration), style);
    assert.match(textOf(body), /Hi/);
  });

  it('writes SignedMessageCard / signedMessageCard for a payload with messageCardSerialized', async () => {
    const value = { '@type': 'MessageCard', '@context': 'http://schema.org/extensions', summary: 'S', text: 'Hello' };
    const token = await signedToken({ messageCardSerialized: JSON.stringify(value) });
    const { html } = cardEmailHtml({ cardText: JSON.stringify(value), signedJws: token });
    const section = only(parsed(html).body, 'section');
    assert.equal(attr(section, 'itemtype'), 'http://schema.org/SignedMessageCard');
    assert.ok(elements(section, 'meta').some((meta) => attr(meta, 'content') === 'SignedMessageCard'));
    assert.equal(attr(only(section, 'div'), 'itemprop'), 'signedMessageCard');
    assert.equal(textOf(only(section, 'div')), token);
  });

  it('warns when the JWS carries a different card than the one given', async () => {
    const token = await signedToken({ adaptiveCardSerialized: JSON.stringify(card([{ type: 'TextBlock', text: 'Old' }])) });
    const { warnings } = cardEmailHtml({ cardText: JSON.stringify(card([{ type: 'TextBlock', text: 'New' }])), signedJws: token });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /different card.*adaptiveCardSerialized/);
  });

  it('refuses a token that is not a compact JWS, and a payload without exactly one card claim', async () => {
    const cardText = JSON.stringify(card([{ type: 'TextBlock', text: 'Hi' }]));
    assert.throws(() => cardEmailHtml({ cardText, signedJws: 'abc.def' }), (error: unknown) =>
      error instanceof CardEmailError && /not a compact JWS: .*three base64url segments/.test(error.message));
    assert.throws(() => cardEmailHtml({ cardText, signedJws: 'a+b.c.d' }), /not a compact JWS: '\+'/);
    const noClaim = await signedToken({});
    assert.throws(() => cardEmailHtml({ cardText, signedJws: noClaim }), /neither of "adaptiveCardSerialized" and "messageCardSerialized"/);
    const both = await signedToken({ adaptiveCardSerialized: cardText, messageCardSerialized: cardText });
    assert.throws(() => cardEmailHtml({ cardText, signedJws: both }), /both of/);
  });
});

describe('cardEmailHtml, readable body', () => {
  it('is made from the card text, escaped: texts, facts, links for http(s) OpenUrl actions, ShowCard content, no fallback', () => {
    const value = card([
      { type: 'TextBlock', text: '<b>Expense</b> & <script>alert(1)</script>\nsecond line' },
      { type: 'Container', items: [{ type: 'FactSet', facts: [{ title: 'Amount', value: '<i>$12</i>' }] }] },
      { type: 'RichTextBlock', inlines: ['Plain ', { type: 'TextRun', text: 'run <u>' }] },
      { type: 'Media', fallback: { type: 'TextBlock', text: 'FALLBACK' } },
      { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'Open <report>', url: 'https://contoso.example/r?a=1&b=2' }] },
    ], {
      actions: [
        { type: 'Action.OpenUrl', title: 'Evil', url: 'javascript:alert(1)' },
        { type: 'Action.ShowCard', title: 'Comment', card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Inside show card' }] } },
        { type: 'Action.Http', title: 'Approve', method: 'POST', url: 'https://api.contoso.example/approve', body: '' },
      ],
    });
    const { html, warnings } = cardEmailHtml({ cardText: JSON.stringify(value) });
    assert.deepEqual(warnings, []);
    const { body } = parsed(html);
    for (const tag of ['b', 'i', 'u', 'script', 'report']) assert.equal(elements(body, tag).length, 0, `no <${tag}> from card text`);
    const text = textOf(body);
    for (const expected of ['<b>Expense</b> & <script>alert(1)</script>', 'second line', 'Amount', '<i>$12</i>', 'Plain run <u>', 'Open <report>', 'Evil', 'Comment', 'Inside show card', 'Approve']) {
      assert.ok(text.includes(expected), `body text has ${JSON.stringify(expected)}:\n${text}`);
    }
    assert.ok(!text.includes('FALLBACK'));
    assert.ok(!text.includes('api.contoso.example'), 'Action.Http URLs are not shown');
    const links = elements(body, 'a').map((a) => [attr(a, 'href'), textOf(a)]);
    assert.deepEqual(links, [['https://contoso.example/r?a=1&b=2', 'Open <report>']]);
    assert.ok(text.indexOf('Comment') < text.indexOf('Inside show card') && text.indexOf('Inside show card') < text.indexOf('Approve'), 'document order');
  });

  it('is made from a MessageCard: title, text, section texts and facts, OpenUri links', () => {
    const value = {
      '@type': 'MessageCard', '@context': 'http://schema.org/extensions', summary: 'S', title: 'Title <1>', text: 'Text',
      sections: [{ activityTitle: 'Activity', facts: [{ name: 'Due', value: 'Friday' }] }],
      potentialAction: [{ '@type': 'OpenUri', name: 'View', targets: [{ os: 'default', uri: 'https://contoso.example/v' }] }],
    };
    const { html } = cardEmailHtml({ cardText: JSON.stringify(value) });
    const { body } = parsed(html);
    assert.match(textOf(body), /Title <1>[\s\S]*Text[\s\S]*Activity[\s\S]*Due[\s\S]*Friday[\s\S]*View/);
    assert.deepEqual(elements(body, 'a').map((a) => attr(a, 'href')), ['https://contoso.example/v']);
  });

  it('is the given body HTML instead, with its head content kept and its charset declaration dropped', () => {
    const bodyHtml = '<html><head><meta charset="iso-8859-1"><style>p { color: red }</style></head><body><p>Custom &amp; mine</p></body></html>';
    const value = card([{ type: 'TextBlock', text: 'Card text' }]);
    const { html, warnings } = cardEmailHtml({ cardText: JSON.stringify(value), bodyHtml });
    assert.deepEqual(warnings, []);
    const { head, body } = parsed(html);
    assert.equal(textOf(body).trim(), 'Custom & mine');
    assert.equal(textOf(only(head, 'style')), 'p { color: red }');
    assert.deepEqual(elements(head, 'meta').map((meta) => attr(meta, 'charset')), ['utf-8']);
    assert.deepEqual(scriptCard(html).value, value);
  });

  it('takes a body fragment too', () => {
    const { html } = cardEmailHtml({ cardText: JSON.stringify(card([{ type: 'TextBlock', text: 'x' }])), bodyHtml: '<p>Fragment</p>' });
    assert.equal(textOf(only(parsed(html).body, 'p')), 'Fragment');
  });
});

describe('cardEmailHtml warnings', () => {
  it('warns about invalid card JSON with its line and column, and still keeps the script closed', () => {
    const { html, warnings } = cardEmailHtml({ cardText: '{\n  "type": "AdaptiveCard",\n  "x": "</script><p>injected</p>",\n}' });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /card JSON is invalid at line 4, column 1/);
    const { document, body } = parsed(html);
    assert.equal(elements(body, 'p').length, 0);
    assert.match(textOf(only(document, 'script')), /\\u003c\/script\\u003e/);
  });

  it('warns when the root is not a card', () => {
    const { warnings } = cardEmailHtml({ cardText: '{"type": "AdaptiveCards", "body": []}' });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /neither an Adaptive Card .* nor a MessageCard/);
  });

  it('warns when hideOriginalBody is true and the card has nothing to display, not when it has content', () => {
    const empty = cardEmailHtml({ cardText: JSON.stringify(card([], { hideOriginalBody: true })) });
    assert.ok(empty.warnings.some((warning) => /"hideOriginalBody" is true but the card has nothing to display/.test(warning)), empty.warnings.join('\n'));
    const emptyMessageCard = cardEmailHtml({ cardText: JSON.stringify({ '@type': 'MessageCard', summary: 'S', hideOriginalBody: true }) });
    assert.ok(emptyMessageCard.warnings.some((warning) => /hideOriginalBody.*no title, text, sections or potentialAction/.test(warning)));
    const full = cardEmailHtml({ cardText: JSON.stringify(card([{ type: 'TextBlock', text: 'Hi' }], { hideOriginalBody: true })) });
    assert.deepEqual(full.warnings, []);
    const hiddenByString = cardEmailHtml({ cardText: JSON.stringify(card([], { hideOriginalBody: 'true' })) });
    assert.ok(!hiddenByString.warnings.some((warning) => warning.includes('hideOriginalBody')), 'only the boolean true hides the body');
  });

  it('warns when the card gives no text for the readable body, unless a body is given', () => {
    const imageOnly = JSON.stringify(card([{ type: 'Image', url: 'https://contoso.example/a.png' }]));
    const { warnings } = cardEmailHtml({ cardText: imageOnly });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /no text for the readable body/);
    assert.deepEqual(cardEmailHtml({ cardText: imageOnly, bodyHtml: '<p>Hello</p>' }).warnings, []);
  });
});

describe('cardEmailHtml refuses key material', () => {
  // Real keys, in the three formats amcard and the extension read and write, made by node:crypto as a user's are.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateJwk = JSON.stringify(privateKey.export({ format: 'jwk' }), null, 2);
  const keys: readonly { what: string; text: string; named: RegExp }[] = [
    { what: 'a PKCS#8 PEM key', text: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, named: /a PEM private key/ },
    { what: 'a PKCS#1 PEM key', text: privateKey.export({ type: 'pkcs1', format: 'pem' }) as string, named: /a PEM private key/ },
    { what: 'a JWK', text: privateJwk, named: /a JWK private key \(with "d"\)/ },
    { what: 'a JWK Set, compact', text: JSON.stringify({ keys: [privateKey.export({ format: 'jwk' })] }), named: /a JWK private key/ },
    { what: 'a JWK written as a JSON string in a card', text: JSON.stringify(card([{ type: 'TextBlock', text: privateJwk }])), named: /a JWK private key/ },
    { what: 'an RSAKeyValue', text: '<RSAKeyValue><Modulus>AQAB</Modulus><Exponent>AQAB</Exponent><D>AQAB</D></RSAKeyValue>', named: /an RSAKeyValue private key/ },
  ];
  for (const { what, text, named } of keys) {
    it(`as the card or the body: ${what}`, () => {
      const cardText = JSON.stringify(card([{ type: 'TextBlock', text: 'Hi' }]));
      assert.throws(() => cardEmailHtml({ cardText: text }), (error: unknown) => error instanceof CardEmailError && /^The card holds /.test(error.message) && named.test(error.message));
      assert.throws(() => cardEmailHtml({ cardText, bodyHtml: `<p>${text}</p>` }), (error: unknown) => error instanceof CardEmailError && /^The body HTML holds /.test(error.message) && named.test(error.message));
    });
  }

  it('takes a public JWK, a card with a "d" property and one that mentions "kty"', () => {
    const publicJwk = JSON.stringify(publicKey.export({ format: 'jwk' }));
    const cardText = JSON.stringify(card([{ type: 'TextBlock', text: 'kty and "d": "x" are words here', d: 'value', id: 'kty' }]));
    assert.doesNotThrow(() => cardEmailHtml({ cardText, bodyHtml: `<pre>${publicJwk}</pre>` }));
  });
});
