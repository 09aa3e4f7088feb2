// amcard lint finds the files of a directory by one walk when every pattern names files by name in any folder: it must
// find exactly what fast-glob finds, and leave every other case to fast-glob.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import fastGlob from 'fast-glob';
import { searchFiles, walkForNames } from '../../server/src/cli/file-search';

const NODE_MODULES = ['**/node_modules/**'];
const DEFAULT_SEARCH = ['**/*.card.json', '**/card.json', '**/*.response.json', '**/*.json'];

/** A tree with dot folders and files, node_modules at two depths, near-miss names and a name with glob characters. */
const FILES = [
  'a.card.json', 'card.json', 'x.response.json', 'plain.json', 'notes.txt', 'card.json.bak', 'xcard.json', '.hidden.card.json',
  '.card.json', 'dir/b.card.json', 'dir/card.json', 'dir/deeper/c.json', 'dir/deeper/d.response.json', 'dir/.e.json',
  '.git/f.card.json', '.drafts/g.json', 'dir/.cache/h.json', 'node_modules/i.card.json', 'dir/node_modules/pkg/j.json',
  'node_modules.json', 'dir/node_modules.card.json', 'weird/[k].json', 'weird/l (copy).json', 'weird/m*n.json', 'empty/.keep',
];

function fastGlobFinds(patterns: readonly string[], cwd: string, ignore: readonly string[]): string[] {
  return fastGlob.sync([...patterns], { cwd, absolute: true, onlyFiles: true, ignore: [...ignore] }).map((file) => path.resolve(file)).sort();
}

describe('searching a directory by one walk', () => {
  let tree: string;

  before(() => {
    tree = mkdtempSync(path.join(tmpdir(), 'amcard-walk-'));
    for (const file of FILES) {
      mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
      writeFileSync(path.join(tree, file), '{}');
    }
  });

  after(() => rmSync(tree, { recursive: true, force: true }));

  it('finds what fast-glob finds for the patterns a directory is searched with, and for others of that shape', () => {
    const cases: Array<[readonly string[], readonly string[]]> = [
      [DEFAULT_SEARCH, NODE_MODULES], [DEFAULT_SEARCH, []], [['**/*.card.json'], NODE_MODULES], [['**/card.json'], []],
      [['**/*card.json'], NODE_MODULES], [['**/x*.json', '**/*.response.json'], NODE_MODULES], [['**/node_modules.json'], NODE_MODULES],
      [['**/*.json'], NODE_MODULES],
    ];
    for (const [patterns, ignore] of cases) {
      for (const cwd of [tree, path.join(tree, 'dir'), `${tree}/dir/`]) {
        const walked = walkForNames(patterns, cwd, ignore);
        assert.ok(walked !== undefined, `walked ${patterns.join(', ')}`);
        assert.deepEqual([...walked].sort(), fastGlobFinds(patterns, cwd, ignore), `${patterns.join(', ')} in ${cwd}, ignoring ${ignore.join(', ') || 'nothing'}`);
      }
    }
    assert.equal(walkForNames(DEFAULT_SEARCH, tree, NODE_MODULES)!.length, 14);
  });

  it('leaves other patterns, other ignores and a missing folder to fast-glob, which searchFiles then asks', () => {
    for (const patterns of [['*.json'], ['dir/*.json'], ['**/.e.json'], ['**/*.{card,response}.json'], ['**/?.json'], ['**/[k].json'], ['!**/a.json'], ['**/*.txt'], ['**'], []]) {
      assert.equal(walkForNames(patterns, tree, NODE_MODULES), undefined, patterns.join(', '));
      assert.deepEqual([...searchFiles(patterns, tree, NODE_MODULES)].sort(), fastGlobFinds(patterns, tree, NODE_MODULES), patterns.join(', '));
    }
    assert.equal(walkForNames(DEFAULT_SEARCH, tree, ['**/.git/**']), undefined);
    assert.equal(walkForNames(DEFAULT_SEARCH, path.join(tree, 'missing'), NODE_MODULES), undefined);
    assert.deepEqual(searchFiles(DEFAULT_SEARCH, path.join(tree, 'missing'), NODE_MODULES), []);
  });

  it('leaves a tree with a symbolic link to fast-glob, which follows it', () => {
    const linked = mkdtempSync(path.join(tmpdir(), 'amcard-walk-link-'));
    try {
      mkdirSync(path.join(linked, 'real'));
      writeFileSync(path.join(linked, 'real', 'a.card.json'), '{}');
      symlinkSync(path.join(linked, 'real'), path.join(linked, 'alias'));
      assert.equal(walkForNames(DEFAULT_SEARCH, linked, NODE_MODULES), undefined);
      const found = searchFiles(DEFAULT_SEARCH, linked, NODE_MODULES).map((file) => path.relative(linked, file)).sort();
      assert.deepEqual(found, ['alias/a.card.json', 'real/a.card.json']);
    } finally {
      rmSync(linked, { recursive: true, force: true });
    }
  });
});
