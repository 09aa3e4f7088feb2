// Runs `amcard` as users do: the bundled dist/cli.js in a child process.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const CLI = path.join(__dirname, '../../../dist/cli.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], cwd: string, input?: string): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000, input });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
