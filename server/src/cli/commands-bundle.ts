// The entry of dist/cli-commands.js: every amcard command but lint, which dist/cli.js (main.ts) requires only when one
// of them runs or the overview lists them. They bring signing (jose), email (parse5, postal-mime) and SMTP
// (nodemailer), which `amcard lint`, the command CI runs on every change, never needs: without them dist/cli.js is a
// third of the size and starts about 90 ms sooner. The bundle has its own copy of the modules it shares with
// dist/cli.js, so an error class of one is not the other's: its commands run through its own runCommand.
import type { Command } from './command';
import { decodeCommand } from './decode';
import { emlCommand } from './eml';
import { htmlCommand } from './html';
import { invokeCommand } from './invoke';
import { keyCommand } from './key-convert';
import { keygenCommand } from './keygen';
import { runCommand } from './run-command';
import { sendCommand } from './send';
import { signCommand } from './sign';
import { tokenCommand } from './token';

/** The commands of this bundle, in the order the overview lists them after lint. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  keygen: keygenCommand,
  key: keyCommand,
  sign: signCommand,
  html: htmlCommand,
  eml: emlCommand,
  decode: decodeCommand,
  invoke: invokeCommand,
  token: tokenCommand,
  send: sendCommand,
};

/** Runs the command `name` of this bundle (one of COMMANDS) with the arguments after its name. */
export function runBundledCommand(name: string, args: readonly string[]): Promise<number> {
  return runCommand(COMMANDS[name]!, args);
}
