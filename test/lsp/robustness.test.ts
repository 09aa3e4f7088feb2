// Garbage in: the server answers or ignores it, keeps running, and keeps validating. Garbage in the framing itself
// is the one thing it cannot read past: then it says so on stderr and exits, and is never left running deaf.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seededRandom } from '../unit/fuzz-inputs';
import { feedServer, frame, LspClient, offsetAt, uriOf } from './lsp-client';

const card = JSON.stringify({ type: 'AdaptiveCard', version: '1.0', body: [{ type: 'TextBlock', text: 'Hi' }] });

describe('lsp: robustness', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start({ settings: {} }); });
  after(async () => { assert.equal(await client.stop(), 0); });

  async function stillValidates(name: string): Promise<void> {
    assert.ok(client.alive, `the server died: ${client.serverErrors}`);
    const diagnostics = await client.openAndWait(uriOf(name), card);
    assert.deepEqual(diagnostics.map((d) => d.code), ['AM010']);
  }

  it('reports syntax for binary junk, deep nesting, an empty file and a lone BOM, and survives completion and hover in them', async () => {
    const texts = ['\u0000\u0001\uffff{{{', '['.repeat(100_000), '{"type": "AdaptiveCard", "body": '.repeat(5000), '', '\ufeff'];
    for (const [i, text] of texts.entries()) {
      const diagnostics = await client.openAndWait(uriOf(`junk-${i}.card.json`), text);
      assert.ok(diagnostics.length > 0 && diagnostics.every((d) => d.code === 'syntax'), `junk ${i}: ${JSON.stringify(diagnostics.map((d) => d.code))}`);
    }
    await client.open(uriOf('deep.json'), '['.repeat(100_000));
    for (const method of ['textDocument/completion', 'textDocument/hover']) {
      await client.request(method, { textDocument: { uri: uriOf('junk-1.card.json') }, position: { line: 0, character: 50_000 } }).catch((error: Error) => error);
    }
    await stillValidates('after-junk.card.json');
  });

  it('reports nesting past the limit behind a comment, a line break or skipped closers, and answers every request on it', async () => {
    // The shapes in which the old guard read a string where the parser reads none, or counted a closer it skips.
    const deep = { 'comment-quote': '[//"\n' + '['.repeat(20_000), 'string-line-break': '["\n' + '['.repeat(20_000), 'skipped-closers': '[},'.repeat(20_000) };
    for (const [name, text] of Object.entries(deep)) {
      const uri = uriOf(`deep-${name}.card.json`);
      const diagnostics = await client.openAndWait(uri, text, 'adaptive-card');
      assert.deepEqual(diagnostics.map((d) => d.code), ['syntax'], name);
      assert.match(diagnostics[0].message, /^Nesting deeper than 1000 levels/, name);
      assert.equal(text[offsetAt(text, diagnostics[0].range.start)], '[', `${name}: reported at a bracket`);
      const position = { line: 1, character: 500 };
      const document = { textDocument: { uri } };
      assert.equal(await client.request('textDocument/hover', { ...document, position }), null, name);
      assert.deepEqual(await client.request('textDocument/completion', { ...document, position }), [], name);
      assert.deepEqual(await client.codeActions(uri, diagnostics), [], name);
      const options = { tabSize: 2, insertSpaces: true };
      assert.deepEqual(await client.request('textDocument/formatting', { ...document, options }), [], name);
      assert.deepEqual(await client.request('textDocument/rangeFormatting', { ...document, range: diagnostics[0].range, options }), [], name);
      assert.deepEqual(await client.request('textDocument/documentSymbol', document), [], name);
      assert.deepEqual(await client.request('textDocument/foldingRange', document), [], name);
      assert.equal(await client.request('textDocument/selectionRange', { ...document, positions: [position] }), null, name);
    }
    await stillValidates('after-deep.card.json');
  });

  it('answers malformed requests with errors, not a crash', async () => {
    await assert.rejects(client.request('textDocument/codeAction', { nonsense: true }));
    await assert.rejects(client.request('no/such/method', {}));
    const unknownDocument = await client.request('textDocument/codeAction', {
      textDocument: { uri: uriOf('never-opened.card.json') },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      context: { diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', source: 'actionable-messages', code: 'AM010' }] },
    });
    assert.deepEqual(unknownDocument, []);
    await stillValidates('after-requests.card.json');
  });

  it('ignores notifications about documents it does not have and diagnostics with odd ranges', async () => {
    await client.change(uriOf('never-opened.card.json'), card);
    await client.close(uriOf('never-opened-either.card.json'));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'not a uri', languageId: 'json', version: 1, text: card } });
    const uri = uriOf('odd-ranges.card.json');
    const [diagnostic] = await client.openAndWait(uri, card);
    const far = { line: 9999, character: 9999 };
    const actions = await client.codeActions(uri, [{ ...diagnostic, range: { start: far, end: { line: 0, character: 0 } } }, { ...diagnostic, code: 42 }]);
    assert.deepEqual(actions, []);
    await stillValidates('after-notifications.card.json');
  });
});

const request = (id: number): Buffer => frame({ jsonrpc: '2.0', id, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

/**
 * A frame broken the ways a client or a pipe breaks one, never promising more bytes than follow it (a server waiting
 * for the rest of a long body is not deaf): the length replaced by a smaller, negative or non-numeric value, a byte
 * of the header other than the length's digits replaced by a non-digit or deleted, noise before the frame, or a body
 * that is not JSON.
 */
function brokenFrame(random: () => number): { name: string; bytes: Buffer } {
  const good = request(1);
  const headerEnd = good.indexOf('\r\n\r\n') + 4;
  const body = good.subarray(headerEnd);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const nonDigit = (): number => pick(Array.from({ length: 256 }, (_, byte) => byte).filter((byte) => byte < 0x30 || byte > 0x39));
  switch (pick(['length', 'header byte', 'deleted header byte', 'noise', 'body'] as const)) {
    case 'length': {
      const value = pick([String(Math.floor(random() * body.length)), `-${1 + Math.floor(random() * 1000)}`, '', ' ', 'abc', '0x', '-', '+', 'NaN', '١٢']);
      return { name: `Content-Length "${value}"`, bytes: Buffer.concat([Buffer.from(`Content-Length: ${value}\r\n\r\n`), body]) };
    }
    case 'header byte':
    case 'deleted header byte': {
      const positions = Array.from({ length: headerEnd }, (_, i) => i).filter((i) => good[i] < 0x30 || good[i] > 0x39);
      const at = pick(positions);
      const replacement = random() < 0.5 ? [] : [nonDigit()];
      const bytes = Buffer.concat([good.subarray(0, at), Buffer.from(replacement), good.subarray(at + 1)]);
      return { name: `header byte ${at} ${replacement.length === 0 ? 'deleted' : `replaced by 0x${replacement[0].toString(16)}`}`, bytes };
    }
    case 'noise': {
      const noise = Buffer.from(Array.from({ length: 1 + Math.floor(random() * 64) }, () => Math.floor(random() * 256)));
      return { name: `noise ${noise.toString('hex')} before the frame`, bytes: Buffer.concat([noise, good]) };
    }
    case 'body': {
      const junk = Buffer.from(Array.from(body, () => pick([0x7b, 0x22, 0x20, 0x61, 0x00, 0xff])));
      return { name: `a body of ${junk.toString('hex').slice(0, 16)}… of the declared length`, bytes: Buffer.concat([good.subarray(0, headerEnd), junk]) };
    }
  }
}

describe('lsp: robustness of the stdio framing', () => {
  it('24 seeded broken frames, each followed by a good request: the server answers, or exits non-zero with one line on stderr', async () => {
    const random = seededRandom(20261130);
    const problems: string[] = [];
    for (let i = 0; i < 24; i++) {
      const broken = brokenFrame(random);
      const session = await feedServer(Buffer.concat([broken.bytes, request(2)]), { answers: 1, timeoutMs: 30_000 });
      const answered = session.exit === undefined && session.answered.length === 1 && session.stderr === '';
      const lines = session.stderr.split('\n');
      const exitedWithOneLine = session.exit !== undefined && session.exit.code !== 0 && session.exit.code !== null &&
        lines.length === 2 && lines[1] === '' && lines[0].startsWith('Actionable Messages language server: cannot read the LSP messages on stdin: ');
      if (!answered && !exitedWithOneLine) problems.push(`${broken.name}: ${JSON.stringify(session)}`);
    }
    assert.deepEqual(problems, []);
  });
});
