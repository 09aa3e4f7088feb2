// The development key of `amcard invoke`: a private JWK in a file of mode 0600 that is created on first use and never
// printed, and the public JWKS beside it that the user's service trusts in development (docs/action-tokens.md).
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createDevelopmentKey, developmentJwks, readDevelopmentKey, serializeDevelopmentKey, type DevelopmentKey } from '../signing';
import { readArgumentFile } from './card-email-options';
import { UsageError } from './command';
import { describeFsError } from './inputs';
import { writeKeyFileForCli } from './keygen';
import { checkCanWrite, writeOutputFile } from './safe-output';

export const DEFAULT_DEVELOPMENT_KEY_FILE = path.join('.amcard', 'development-key.json');

/** The JWKS file beside a development key file: `development-key.json` → `development-key.jwks.json`. */
export function jwksFileFor(keyFile: string): string {
  const extension = path.extname(keyFile);
  return `${extension === '' ? keyFile : keyFile.slice(0, -extension.length)}.jwks.json`;
}

/**
 * The development key in `keyFile`, created with its JWKS file when neither exists. The JWKS is written when it is
 * missing and never overwritten. Messages go to stderr and name the files, never key material.
 */
export async function loadOrCreateDevelopmentKey(keyFile: string): Promise<DevelopmentKey> {
  const jwksFile = jwksFileFor(keyFile);
  if (existsSync(keyFile)) {
    const key = await readDevelopmentKey(readArgumentFile(keyFile, 'development key'), keyFile);
    if (!existsSync(jwksFile)) writeJwks(jwksFile, key);
    return key;
  }
  const folder = path.dirname(keyFile);
  try {
    if (!existsSync(folder)) mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new UsageError(`Cannot create the folder ${folder} for the development key: ${describeFsError(error)}.`);
  }
  for (const file of [keyFile, jwksFile]) checkCanWrite({ file, force: false, inputs: [] });
  const key = await createDevelopmentKey();
  writeJwks(jwksFile, key);
  writeKeyFileForCli(keyFile, serializeDevelopmentKey(key), true, false);
  process.stderr.write(`Created the development key ${keyFile} (mode 0600, never printed; not Microsoft's key).\n`);
  return key;
}

function writeJwks(jwksFile: string, key: DevelopmentKey): void {
  writeOutputFile({ file: jwksFile, force: false, inputs: [] }, developmentJwks(key));
  process.stderr.write(`Wrote the development JWKS ${jwksFile}: let your service trust it in development only.\n`);
}
