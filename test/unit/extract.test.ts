import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cardEmailHtml } from '../../server/src/email/card-email';
import { emlMessage } from '../../server/src/email/eml';
import { extractCardsFromEmail } from '../../server/src/email/extract';
import { MimeMessageError, looksLikeMimeMessage } from '../../server/src/email/message';

const CARD = JSON.stringify({ type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Zoë says </script> <!-- \u2028 hi' }] });
/** For hand-written HTML: a raw </script> would end the script, which is why the project escapes it (tested below). */
const PLAIN_CARD = JSON.stringify({ type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Zoë says hi' }] });
const JWS = 'eyJhbGciOiJSUzI1NiJ9.eyJzZW5kZXIiOiJhQGIuZXhhbXBsZSJ9.c2lnbmF0dXJl';

/** HTML with an unsigned card script in the head and a signed-card section in the body. */
const HTML = `<!DOCTYPE html>
<html><head>
<script type="application/adaptivecard+json">
${PLAIN_CARD}
</script>
<script type="text/javascript">var notACard = 1;</script>
</head><body>
<p>Fallback</p>
<section itemscope itemtype="http://schema.org/SignedAdaptiveCard">
  <meta itemprop="@context" content="http://schema.org/extensions"/>
  <meta itemprop="@type" content="SignedAdaptiveCard"/>
  <div itemprop="signedAdaptiveCard" style="display: none; max-height: 0px; overflow: hidden;">
    ${JWS}
  </div>
</section>
</body></html>`;

/** Quoted-printable per RFC 2045 § 6.7: UTF-8 bytes as =XX, lines kept under 76 characters with soft breaks. */
function quotedPrintable(text: string): string {
  const encoded = [...Buffer.from(text, 'utf8')].map((byte) =>
    (byte >= 33 && byte <= 126 && byte !== 61) || byte === 32 ? String.fromCharCode(byte) : byte === 10 ? '\r\n' : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  return encoded.split('\r\n').map((line) => line.match(/.{1,70}(?:=[0-9A-F]{2})?/g)?.join('=\r\n') ?? '').join('\r\n');
}

/** A message whose HTML card sits `depth` multiparts deep. */
function nestedMessage(depth: number): string {
  let nested = 'Content-Type: text/html\r\n\r\n<script type="application/adaptivecard+json">{}</script>';
  for (let level = 0; level < depth; level++) nested = `Content-Type: multipart/mixed; boundary=b${level}\r\n\r\n--b${level}\r\n${nested}\r\n--b${level}--`;
  return `From: a@b.example\r\n${nested}`;
}

describe('extractCardsFromEmail: HTML', () => {
  it('finds the script card and the signed section, in document order, with offsets into the HTML', async () => {
    const cards = await extractCardsFromEmail(HTML);
    assert.deepEqual(cards.map(({ kind, mediaType, text }) => ({ kind, mediaType, text })), [
      { kind: 'script', mediaType: 'application/adaptivecard+json', text: PLAIN_CARD },
      { kind: 'signed', mediaType: undefined, text: JWS },
    ]);
    for (const card of cards) assert.equal(HTML.slice(card.offset!, card.offset! + card.text.length), card.text);
  });

  it('reads the card back from the email HTML the project writes, including </script>, <!-- and U+2028 in strings', async () => {
    const { html } = cardEmailHtml({ cardText: CARD });
    const cards = await extractCardsFromEmail(html);
    assert.equal(cards.length, 1);
    assert.equal(cards[0]!.kind, 'script');
    assert.deepEqual(JSON.parse(cards[0]!.text), JSON.parse(CARD));
  });

  it('takes MessageCards and 2018 JSON-LD signed envelopes from application/ld+json, and skips other JSON-LD', async () => {
    const messageCard = JSON.stringify({ '@type': 'MessageCard', '@context': 'http://schema.org/extensions', text: 'Hi' });
    const envelope = JSON.stringify({ '@context': 'http://schema.org/extensions', '@type': 'SignedAdaptiveCard', signedAdaptiveCard: JWS });
    const markup = JSON.stringify({ '@context': 'http://schema.org', '@type': 'EmailMessage', description: 'Not a card' });
    const html = [messageCard, envelope, markup, '{broken'].map((json) => `<script type="application/ld+json">${json}</script>`).join('\n');
    assert.deepEqual((await extractCardsFromEmail(html)).map(({ kind, text }) => ({ kind, text })), [
      { kind: 'script', text: messageCard },
      { kind: 'signed', text: JWS },
      { kind: 'script', text: '{broken' },
    ]);
  });

  it('finds a SignedMessageCard property on a meta element and ignores other scripts and items', async () => {
    const html = `<div itemscope itemtype="http://schema.org/SignedMessageCard"><meta itemprop="signedMessageCard" content=" ${JWS} "></div>
      <script type="APPLICATION/AdaptiveCard+JSON; charset=utf-8">{}</script><span itemprop="name">x</span>`;
    assert.deepEqual((await extractCardsFromEmail(html)).map(({ kind, text }) => ({ kind, text })), [
      { kind: 'signed', text: JWS },
      { kind: 'script', text: '{}' },
    ]);
  });

  it('finds a card nested deeper than the call stack would allow a recursive walk', async () => {
    const depth = 20_000;
    const html = `${'<div>'.repeat(depth)}<script type="application/adaptivecard+json">{}</script>${'</div>'.repeat(depth)}`;
    assert.deepEqual((await extractCardsFromEmail(html)).map((card) => card.text), ['{}']);
  });

  it('returns nothing for HTML without cards, and for junk', async () => {
    assert.deepEqual(await extractCardsFromEmail('<p>Hello</p>'), []);
    assert.deepEqual(await extractCardsFromEmail(''), []);
    assert.deepEqual(await extractCardsFromEmail('<<<>>><script type="application/adaptivecard+json">'), [{ kind: 'script', mediaType: 'application/adaptivecard+json', text: '' }]);
  });
});

describe('extractCardsFromEmail: .eml', () => {
  it('decodes a base64 HTML part (the message the project writes)', async () => {
    const { html } = cardEmailHtml({ cardText: CARD });
    const eml = emlMessage({ from: 'noreply@contoso.example', to: ['ana@contoso.example'], subject: 'Card', html });
    assert.match(eml, /Content-Transfer-Encoding: base64/i);
    const cards = await extractCardsFromEmail(eml);
    assert.equal(cards.length, 1);
    assert.deepEqual(JSON.parse(cards[0]!.text), JSON.parse(CARD));
    assert.equal(cards[0]!.offset, undefined);
  });

  it('decodes a quoted-printable UTF-8 HTML part inside multipart/alternative inside multipart/mixed', async () => {
    const qp = quotedPrintable(HTML);
    assert.match(qp, /=\r\n/, 'the encoding has soft line breaks');
    assert.match(qp, /=C3=AB/, 'ë is encoded as UTF-8 bytes');
    const eml = [
      'From: Contoso <noreply@contoso.example>',
      'To: ana@contoso.example',
      'Subject: =?utf-8?q?Card?=',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed;',
      '\tboundary="outer;boundary"',
      '',
      'This is a multi-part message in MIME format.',
      '--outer;boundary',
      'Content-Type: multipart/alternative; boundary=inner',
      '',
      '--inner',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Plain text <script type="application/adaptivecard+json">{}</script>',
      '--inner',
      'Content-Type: text/html; charset="UTF-8"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      qp,
      '--inner--',
      '--outer;boundary',
      'Content-Type: application/octet-stream',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('<script type="application/adaptivecard+json">{}</script>').toString('base64'),
      '--outer;boundary--',
      '',
    ].join('\r\n');
    assert.deepEqual((await extractCardsFromEmail(eml)).map(({ kind, text }) => ({ kind, text })), [
      { kind: 'script', text: PLAIN_CARD },
      { kind: 'signed', text: JWS },
    ]);
  });

  it('decodes a single-part HTML message with LF line ends and a Latin-1 charset', async () => {
    const latin1 = Buffer.from('<script type="application/adaptivecard+json">{"text":"café"}</script>', 'latin1').toString('base64');
    const eml = `From: a@contoso.example\nContent-Type: text/html; charset=iso-8859-1\nContent-Transfer-Encoding: base64\n\n${latin1.replace(/(.{60})/g, '$1\n')}\n`;
    assert.deepEqual((await extractCardsFromEmail(eml)).map((card) => card.text), ['{"text":"café"}']);
  });

  it('follows a forwarded message/rfc822 part', async () => {
    const inner = `From: a@contoso.example\r\nContent-Type: text/html\r\n\r\n<script type="application/adaptivecard+json">{"a":1}</script>`;
    const eml = `From: b@contoso.example\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: message/rfc822\r\n\r\n${inner}\r\n--b--\r\n`;
    assert.deepEqual((await extractCardsFromEmail(eml)).map((card) => card.text), ['{"a":1}']);
  });

  it('tells a message from HTML and from a JWS', () => {
    assert.equal(looksLikeMimeMessage('From: a@b.example\r\nSubject: x\r\n\r\nbody'), true);
    assert.equal(looksLikeMimeMessage(HTML), false);
    assert.equal(looksLikeMimeMessage(JWS), false);
    assert.equal(looksLikeMimeMessage('Note: this is\n\nnot mail'), false);
  });

  it('decodes quoted-printable in linear time, even with long runs of blanks', async () => {
    const emlWithBlanks = (count: number): string => {
      const blanks = ' '.repeat(count);
      return `From: a@b.example\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<script type=3D"application/adaptivecard+json">{}</script>${blanks}x${blanks}\r\n`;
    };
    // CPU time at 16 times the size, against itself in the same run rather than a clock: linear grows 16-fold,
    // quadratic 256-fold; the least of five runs keeps a collection out of it.
    const leastCpuMs = async (eml: string): Promise<number> => {
      let least = Infinity;
      for (let run = 0; run < 5; run++) {
        const start = process.cpuUsage();
        assert.deepEqual((await extractCardsFromEmail(eml)).map((card) => card.text), ['{}']);
        const used = process.cpuUsage(start);
        least = Math.min(least, (used.user + used.system) / 1000);
      }
      return least;
    };
    const small = await leastCpuMs(emlWithBlanks(25_000));
    const large = await leastCpuMs(emlWithBlanks(400_000));
    assert.ok(large < 64 * Math.max(small, 0.05), `16 times the blanks took ${(large / small).toFixed(1)} times as long (${small.toFixed(2)} ms, ${large.toFixed(2)} ms)`);
  });

  it('finds the parts of a multipart whose boundary is 40,000 characters long', async () => {
    const boundary = 'b'.repeat(40_000);
    const part = (text: string): string => `--${boundary}\r\nContent-Type: text/html\r\n\r\n<script type="application/adaptivecard+json">${text}</script>\r\n`;
    const eml = `From: a@b.example\r\nContent-Type: multipart/alternative; boundary="${boundary}"\r\n\r\n${part('{"a":1}')}${part('{"b":2}')}--${boundary}-- \r\n${part('{"after":0}')}`;
    assert.deepEqual((await extractCardsFromEmail(eml)).map((card) => card.text), ['{"a":1}', '{"b":2}']);
  });

  it('joins a boundary split in RFC 2231 sections (boundary*0, boundary*1)', async () => {
    const eml = `From: a@b.example\r\nContent-Type: multipart/alternative;\r\n boundary*0="first-half-";\r\n boundary*1="second-half"\r\n\r\n--first-half-second-half\r\nContent-Type: text/html\r\n\r\n<script type="application/adaptivecard+json">{"a":1}</script>\r\n--first-half-second-half--\r\n`;
    assert.deepEqual((await extractCardsFromEmail(eml)).map((card) => card.text), ['{"a":1}']);
  });

  it('survives a multipart without a boundary, and refuses nesting past the limit, naming it', async () => {
    assert.deepEqual(await extractCardsFromEmail('From: a@b.example\r\nContent-Type: multipart/mixed\r\n\r\n--x\r\n'), []);
    await assert.rejects(extractCardsFromEmail(nestedMessage(100)),
      (error: Error) => error instanceof MimeMessageError && /nesting depth of 32 levels/.test(error.message));
  });

  it('decodes an 8-bit ISO-8859-1 HTML part given as bytes: the byte E9 is é', async () => {
    const head = 'From: a@contoso.example\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=ISO-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n';
    const card = JSON.stringify({ type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Café' }] });
    const bytes = Buffer.from(`${head}<script type="application/adaptivecard+json">${card}</script>\r\n`, 'latin1');
    assert.equal(bytes.includes(0xe9), true, 'é is the one byte E9');
    assert.deepEqual((await extractCardsFromEmail(bytes)).map((found) => JSON.parse(found.text).body[0].text), ['Café']);
  });
});
