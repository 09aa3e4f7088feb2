// amcard lint names each file by its path relative to the working directory; the cut that replaces path.relative for
// a normalized path inside it must name every file as path.relative does.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { displayName } from '../../server/src/cli/inputs';

describe('displayName', () => {
  it('names every file as path.relative does, inside the working directory or not, normalized or not', () => {
    const folders = ['/', '/ws', '/ws/', '/ws/cards', '/w', '/ws2', '/ws/./cards', '/ws//cards', '/ws/x/../cards', 'ws'];
    const tails = ['', '/', 'a.card.json', 'cards/a.card.json', 'cards/', '.hidden/a.json', '..a.json', 'a..json', './a.json',
      '../a.json', 'x/../a.json', 'x/./a.json', 'x//a.json', '/a.json', 'x/.', 'x/..', '.', '..', 'é 😀.json'];
    let compared = 0;
    for (const cwd of folders) {
      for (const base of folders) {
        for (const tail of tails) {
          const file = base.endsWith('/') || tail === '' ? `${base}${tail}` : `${base}/${tail}`;
          assert.equal(displayName(cwd, file), path.relative(cwd, file) || file, `${JSON.stringify(file)} from ${JSON.stringify(cwd)}`);
          compared++;
        }
      }
    }
    assert.ok(compared > 1000, `${compared} pairs`);
  });

  it('cuts a normalized path inside the working directory', () => {
    assert.equal(displayName('/ws', '/ws/cards/a.card.json'), 'cards/a.card.json');
    assert.equal(displayName('/', '/a.card.json'), 'a.card.json');
  });
});
