// The language server's `--stdio` transport: vscode-languageserver's own stream reader and writer on stdin and
// stdout, with a hook on the reader's errors. LSP frames each message with a Content-Length header. Once a header is
// broken (no Content-Length, one that is not a number, a line without a colon) or a body is not the JSON its length
// promised (a length too small, negative or zero), the reader has lost where the next message starts, and it would
// stay deaf for ever. Instead the server writes one line on stderr naming the problem and exits non-zero, so that
// the client restarts it.
//
// What the library's own `--stdio` set-up does besides, this module does too: it exits when stdin closes (0 after a
// shutdown request, 1 before). The library also sends console.log output to the client instead of stdout; nothing
// in the server writes to the console but console.error, which goes to stderr.
import { StreamMessageReader, StreamMessageWriter, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';

/** Enough of a header to recognise it; binary noise is not printed in full. */
const MAX_DETAIL_LENGTH = 200;

export interface StdioTransport {
  readonly reader: MessageReader;
  readonly writer: MessageWriter;
}

/** `exitCodeOnClose` gives the exit status when stdin closes. */
export function stdioTransport(exitCodeOnClose: () => number): StdioTransport {
  const reader = new StreamMessageReader(process.stdin);
  let failed = false;
  reader.onError((error) => {
    // A broken frame can raise several errors (its header, then what is left of its body); one line is enough.
    if (failed) return;
    failed = true;
    process.stderr.write(`${framingErrorLine(error)}\n`, () => process.exit(1));
  });
  reader.onClose(() => {
    if (!failed) process.exit(exitCodeOnClose());
  });
  return { reader, writer: new StreamMessageWriter(process.stdout) };
}

/** The line on stderr: what the reader found, in printable characters, and what happens next. */
function framingErrorLine(error: Error): string {
  // The reader's messages name the problem on their first line and append the raw header after it.
  const first = error.message.split('\n', 1)[0].replace(/\.$/, '');
  const printable = Array.from(first.slice(0, MAX_DETAIL_LENGTH), (c) => (isControl(c) ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : c)).join('');
  const detail = first.length > MAX_DETAIL_LENGTH ? `${printable}…` : printable;
  const problem = error instanceof SyntaxError ? `a message body is not JSON (${detail}): its Content-Length is wrong or the body is damaged` : detail;
  return `Actionable Messages language server: cannot read the LSP messages on stdin: ${problem}. Exiting, so that the client restarts the server.`;
}

function isControl(character: string): boolean {
  const code = character.charCodeAt(0);
  return code < 0x20 || (code >= 0x7f && code < 0xa0);
}
