// docs/architecture.md tells a newcomer which folder and file a feature goes into; every path it names must exist,
// so that a move or a rename cannot leave the document pointing at nothing.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const repository = path.join(__dirname, '../../..');
const doc = readFileSync(path.join(repository, 'docs/architecture.md'), 'utf8');

/** A path from the top of the repository (not the tail of another path, such as out/test/…). */
const REPOSITORY_PATH = /(?<![\w./-])(?:server|client|webview|test|docs|e2e|examples)\/[A-Za-z0-9_./-]*/g;

/** The repository paths written in `text`, without a sentence's closing full stop; globs (`rules-*.test.ts`) are left out. */
function pathsIn(text: string): string[] {
  const paths = new Set<string>();
  for (const match of text.matchAll(REPOSITORY_PATH)) {
    if (text[match.index + match[0].length] === '*') continue;
    paths.add(match[0].replace(/\.$/, ''));
  }
  return [...paths];
}

function missingPaths(text: string): string[] {
  return pathsIn(text).filter((name) => !existsSync(path.join(repository, name)));
}

describe('docs/architecture.md', () => {
  it('names the rooms, the shells, the client and the webview', () => {
    const paths = pathsIn(doc);
    assert.ok(paths.length > 40, `only ${paths.length} paths found`);
    for (const room of ['card', 'rules', 'settings', 'email', 'language', 'signing', 'send', 'cli']) {
      assert.ok(paths.includes(`server/src/${room}/`), `server/src/${room}/ is not named`);
    }
    for (const shell of ['server/src/server.ts', 'client/src/', 'webview/src/']) assert.ok(paths.includes(shell), shell);
  });

  it('every path it names exists in the repository', () => {
    assert.deepEqual(missingPaths(doc), []);
  });

  it('the check reports a path that does not exist, and skips globs, build outputs and a closing full stop', () => {
    const planted = 'Put it into `server/src/rules/gone.ts`, next to server/src/rules/catalog.ts. Tests: `test/unit/rules-*.test.ts`, run as out/test/unit/x.js.';
    assert.deepEqual(pathsIn(planted), ['server/src/rules/gone.ts', 'server/src/rules/catalog.ts']);
    assert.deepEqual(missingPaths(planted), ['server/src/rules/gone.ts']);
  });
});
