// Runs `amcard` as users do: the bundled dist/cli.js in a child process.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

export const CLI = path.join(__dirname, '../../../dist/cli.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], cwd: string, input?: string | Uint8Array): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000, input });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * `amcard` in a child process without blocking this one, for tests whose servers (SMTP, HTTPS) run in this process;
 * `env` is added to this process's environment.
 */
export function runCliAsync(args: readonly string[], cwd: string, env: Readonly<Record<string, string>> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
