// A password typed at the terminal, not echoed: amcard never takes a password from its command line, where other
// users see it (ps) and the shell keeps it (history).
import { UsageError } from './command';

const ENTER = new Set(['\r', '\n', '\u0004']);
const CTRL_C = '\u0003';
const BACKSPACE = new Set(['\u007f', '\b']);

/** Asks on standard error and reads from the terminal without echo. Refused when standard input is no terminal. */
export function promptSecret(question: string, withoutTerminal: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) throw new UsageError(withoutTerminal);
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (done: () => void): void => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      done();
    };
    const onData = (chunk: Buffer): void => {
      for (const character of chunk.toString('utf8')) {
        if (ENTER.has(character)) return finish(() => resolve(typed));
        if (character === CTRL_C) return finish(() => reject(new UsageError('Cancelled at the password prompt.')));
        typed = BACKSPACE.has(character) ? typed.slice(0, -1) : typed + character;
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}
