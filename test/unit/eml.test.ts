import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { cardEmailHtml } from '../../server/src/email/card-email';
import { emlMessage, EmlInputError, parseMailbox } from '../../server/src/email/eml';
import { extractCardsFromEmail } from '../../server/src/email/extract';
import { signCard } from '../../server/src/signing/sign';
import { decodeSignedCard } from '../../server/src/signing/verify';
import { parseMessage } from './mail-parsing';

const HTML = '<!DOCTYPE html>\n<html>\n<head><script type="application/adaptivecard+json">{"type":"AdaptiveCard"}</script></head>\n'
  + `<body><p>Zoë — ${'long line '.repeat(40)}</p></body>\n</html>\n`;
const DATE = new Date(Date.UTC(2024, 5, 3, 9, 5, 7));
const BASE = { from: 'noreply@contoso.example', to: ['ana@contoso.example'], subject: 'Expense report', html: HTML, date: DATE };

function rejection(input: Partial<typeof BASE> & { cc?: string[] }): string {
  let message: string | undefined;
  assert.throws(() => emlMessage({ ...BASE, ...input }), (error: unknown) => {
    assert.ok(error instanceof EmlInputError);
    message = error.message;
    return true;
  });
  return message!;
}

describe('emlMessage', () => {
  it('writes the headers and a base64 HTML part that decodes to the HTML with CRLF line ends', () => {
    const message = emlMessage({ ...BASE, to: ['ana@contoso.example', 'bo@contoso.example'], cc: ['cy@fabrikam.example'] });
    const { headers, body } = parseMessage(message);
    assert.equal(headers.get('mime-version'), '1.0');
    assert.equal(headers.get('date'), 'Mon, 03 Jun 2024 09:05:07 +0000');
    assert.equal(new Date(headers.get('date')!).getTime(), DATE.getTime());
    assert.equal(headers.get('from'), 'noreply@contoso.example');
    assert.equal(headers.get('to'), 'ana@contoso.example, bo@contoso.example');
    assert.equal(headers.get('cc'), 'cy@fabrikam.example');
    assert.equal(headers.get('subject'), 'Expense report');
    assert.match(headers.get('message-id')!, /^<[0-9a-f-]{36}@contoso\.example>$/);
    assert.equal(headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(body, HTML.replace(/\n/g, '\r\n'));
  });

  it('leaves out Cc when there is none, and gives every message its own Message-ID', () => {
    const first = parseMessage(emlMessage(BASE));
    const second = parseMessage(emlMessage(BASE));
    assert.equal(first.headers.has('cc'), false);
    assert.notEqual(first.headers.get('message-id'), second.headers.get('message-id'));
  });

  it('writes a non-ASCII or long subject as UTF-8 encoded words, split between whole characters', () => {
    const subjects = ['Dépenses à valider', `Approval 🚀 ${'🙂é'.repeat(30)} end`, 'x'.repeat(200), 'Looks like =?UTF-8?B?eA==?= a word'];
    for (const subject of subjects) {
      const { headers, rawHeaders } = parseMessage(emlMessage({ ...BASE, subject }));
      assert.equal(headers.get('subject'), subject);
      assert.match(rawHeaders.get('subject')!, /^=\?UTF-8\?B\?/);
    }
  });

  it('writes display names as atoms, quoted strings or encoded words', () => {
    const { headers, rawHeaders } = parseMessage(emlMessage({
      ...BASE, from: 'Contoso Expenses <noreply@contoso.example>', to: ['"Lima, Ana" <ana@contoso.example>', 'Zoë Ñ <zoe@contoso.example>'],
    }));
    assert.equal(rawHeaders.get('from'), 'Contoso Expenses <noreply@contoso.example>');
    assert.match(rawHeaders.get('to')!, /^"Lima, Ana" <ana@contoso\.example>, =\?UTF-8\?B\?[^?]+\?= <zoe@contoso\.example>$/);
    assert.equal(headers.get('to'), '"Lima, Ana" <ana@contoso.example>, Zoë Ñ <zoe@contoso.example>');
    assert.match(headers.get('message-id')!, /@contoso\.example>$/);
  });

  it('writes a long ASCII display name as encoded words on folded lines, which read back to the name', () => {
    const name = `Contoso Expenses ${'and approvals '.repeat(150)}`.trim();
    // parseMessage holds every line to 76 characters
    const { headers, rawHeaders } = parseMessage(emlMessage({ ...BASE, from: `"${name}" <noreply@contoso.example>` }));
    assert.match(rawHeaders.get('from')!, /^=\?UTF-8\?B\?/);
    assert.equal(headers.get('from'), `${name} <noreply@contoso.example>`);
  });

  it('rejects line breaks in the subject and addresses (header injection), naming the header', () => {
    assert.match(rejection({ subject: 'Hi\r\nBcc: victim@contoso.example' }), /^The Subject contains a line break \(CR\) at position 3: .*header injection/);
    assert.match(rejection({ subject: 'Hi\nBcc: x@y.example' }), /line break \(LF\)/);
    assert.match(rejection({ from: 'noreply@contoso.example\r\nBcc: x@y.example' }), /^The From address contains a line break/);
    assert.match(rejection({ to: ['ana@contoso.example', 'bo@contoso.example\nX: y'] }), /^To address 2 contains a line break \(LF\)/);
    assert.match(rejection({ cc: ['Ana\r <ana@contoso.example>'] }), /^The Cc address contains a line break \(CR\)/);
    assert.match(rejection({ subject: 'bell\u0007' }), /control character U\+0007 at position 5/);
  });

  it('rejects invalid addresses with the reason', () => {
    assert.match(rejection({ from: 'noreply' }), /The From address: "noreply" is not an email address: it has no @/);
    assert.match(rejection({ to: ['ana@contoso'] }), /domain "contoso" must be dot-separated labels/);
    assert.match(rejection({ to: ['ana@contoso.example, bo@contoso.example'] }), /the part before @ \("ana@contoso.example, bo"\)/);
    assert.match(rejection({ to: ['ana lima@contoso.example'] }), /part before @/);
    assert.match(rejection({ to: ['.ana@contoso.example'] }), /part before @/);
    assert.match(rejection({ to: ['zoë@contoso.example'] }), /non-ASCII character U\+00EB/);
    assert.match(rejection({ to: ['Ana <>'] }), /The To address is empty/);
    assert.match(rejection({ to: [] }), /at least one To address/);
    assert.match(rejection({ date: new Date(Number.NaN) }), /not a valid date/);
  });

  it('rejects an address longer than mail servers take (RFC 5321), quoting only its start', () => {
    assert.match(rejection({ from: `${'a'.repeat(65)}@contoso.example` }), /too long for an email address: 65 characters before the @ and 81 in all, where mail servers take at most 64 and 254/);
    assert.match(rejection({ to: [`ana@${'sub.'.repeat(62)}contoso.example`] }), /too long for an email address: 3 characters before the @ and 267 in all/);
    assert.doesNotThrow(() => emlMessage({ ...BASE, from: `${'a'.repeat(64)}@contoso.example` }));
    const huge = rejection({ from: 'a'.repeat(100_000) });
    assert.ok(huge.length < 300, `the message quotes the whole address: ${huge.length} characters`);
  });
});

describe('parseMailbox', () => {
  it('returns the name and the address', () => {
    assert.deepEqual(parseMailbox('  "Ana Lima" <ana@contoso.example> ', 'x'), { name: 'Ana Lima', address: 'ana@contoso.example' });
    assert.deepEqual(parseMailbox('ana@contoso.example', 'x'), { name: '', address: 'ana@contoso.example' });
  });
  it('accepts the domains that the pattern it replaces accepted, in every string of up to 7 of a, 1, - and .', () => {
    const domainPattern = /^([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$/;
    const domains = [''];
    for (const prefix of domains) if (prefix.length < 7) domains.push(...['a', '1', '-', '.'].map((c) => prefix + c));
    for (const domain of domains) {
      const accepted = ((): boolean => {
        try {
          return parseMailbox(`ana@${domain}`, 'x').address === `ana@${domain}`;
        } catch (error) {
          assert.ok(error instanceof EmlInputError, String(error));
          return false;
        }
      })();
      assert.equal(accepted, domainPattern.test(domain), JSON.stringify(domain));
    }
  });
  it('splits "name <address>" as the pattern it replaces did: up to 4 of a, @, ., space, <, > and " before an address', () => {
    const reference = (value: string): { name: string; address: string } => {
      const named = /^(.*?)\s*<([^<>]*)>$/s.exec(value.trim());
      return { name: named ? named[1]!.trim().replace(/^"(.*)"$/s, '$1') : '', address: (named ? named[2]! : value.trim()).trim() };
    };
    const prefixes = [''];
    for (const prefix of prefixes) if (prefix.length < 4) prefixes.push(...['a', '@', '.', ' ', '<', '>', '"'].map((c) => prefix + c));
    const values = prefixes.flatMap((prefix) => ['', '>', 'a@b.c>', '<a@b.c>', ' <a@b.c> '].map((address) => prefix + address));
    for (const value of [...values, 'Ana Lima\u00a0<ana@contoso.example>', '"Ana" <a@b.c>', 'Ana <<a@b.c>', 'Ana <a@b.c>>']) {
      const expected = reference(value);
      let mailbox;
      try {
        mailbox = parseMailbox(value, 'x');
      } catch (error) {
        assert.ok(error instanceof EmlInputError, String(error));
        // Refused: then its address alone is refused too.
        assert.throws(() => parseMailbox(expected.address, 'x'), EmlInputError, JSON.stringify(value));
        continue;
      }
      assert.deepEqual(mailbox, expected, JSON.stringify(value));
    }
  });
});

describe('email round trip through the project\'s own readers', () => {
  it('extractCardsFromEmail finds the card of a message made by cardEmailHtml and emlMessage', async () => {
    const card = { type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Zoë </script> \u2028' }] };
    const { html } = cardEmailHtml({ cardText: JSON.stringify(card), subject: 'Über' });
    const found = await extractCardsFromEmail(emlMessage({ ...BASE, subject: 'Über', html }));
    assert.equal(found.length, 1);
    assert.equal(found[0]!.kind, 'script');
    assert.equal(found[0]!.mediaType, 'application/adaptivecard+json');
    assert.deepEqual(JSON.parse(found[0]!.text), card);
  });

  it('decodeSignedCard verifies the JWS that extractCardsFromEmail finds in a signed message', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const cardText = JSON.stringify({ type: 'AdaptiveCard', version: '1.0', originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a', body: [{ type: 'TextBlock', text: 'Hi' }] });
    const { jws } = await signCard({ cardText, sender: BASE.from, recipients: BASE.to }, privateKey);
    const { html } = cardEmailHtml({ cardText, signedJws: jws });
    const found = await extractCardsFromEmail(emlMessage({ ...BASE, html }));
    assert.deepEqual(found.map((card) => [card.kind, card.text]), [['signed', jws]]);
    const decoded = await decodeSignedCard(found[0]!.text, { publicKeys: [publicKey], sender: BASE.from });
    assert.equal(decoded.verified, true, JSON.stringify(decoded.problems));
    assert.deepEqual(JSON.parse(decoded.cardText!), JSON.parse(cardText));
  });
});
