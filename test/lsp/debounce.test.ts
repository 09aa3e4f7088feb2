// The wait between a change and its diagnostics, over stdio with the real server: a burst of typing publishes once,
// for its last version, and a version is never published after a newer one.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { LspClient, uriOf } from './lsp-client';
import { MAX_DEBOUNCE_MS, MIN_DEBOUNCE_MS } from '../../server/src/language/change-debounce';

/** A 1.0 card with `sections` containers of text, inputs and an Action.Http each: about 600 bytes a section. */
function cardOf(sections: number, title = 'Pending approvals'): string {
  const body = [{ type: 'TextBlock', text: title, weight: 'bolder' }];
  for (let i = 0; i < sections; i++) {
    body.push({
      type: 'Container',
      items: [
        { type: 'TextBlock', text: `Expense report ${i} from the travel budget`, wrap: true },
        { type: 'Input.Text', id: `comment${i}`, placeholder: 'Comment', isMultiline: true },
        {
          type: 'ActionSet',
          actions: [{ type: 'Action.Http', title: 'Approve', method: 'POST', url: `https://api.contoso.example/items/${i}`, body: `{"comment": "{{comment${i}.value}}"}` }],
        },
      ],
    } as never);
  }
  return JSON.stringify({ type: 'AdaptiveCard', version: '1.0', originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a', body }, null, 2);
}

/** Waits longer than any debounce, so every validation the changes started has been published. */
const settle = (): Promise<unknown> => sleep(MAX_DEBOUNCE_MS * 2);

/** Waits until the last version sent for `uri` is published (or 20 s have passed), then settles. */
async function lastVersionPublished(client: LspClient, uri: string): Promise<void> {
  const deadline = performance.now() + 20_000;
  while (!client.publishedVersionsFor(uri).includes(client.versionOf(uri)) && performance.now() < deadline) await sleep(20);
  await settle();
}

describe('lsp: debounce', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start({ settings: {}, timeoutMs: 20_000 }); });
  after(async () => { assert.equal(await client.stop(), 0); });

  it(`publishes a burst of changes 2-5 ms apart once, for its last version`, async () => {
    const uri = uriOf('typing-burst.card.json');
    await client.openAndWait(uri, cardOf(3));
    await settle();
    // A burst is what arrives faster than the shortest wait; on a busy machine this process may be descheduled for
    // longer between two changes, and that is a pause: such a burst is sent again, and only a true burst is judged.
    for (let attempt = 1; ; attempt++) {
      const before = client.publishedVersionsFor(uri).length;
      let longestGap = 0;
      let sentAt = performance.now();
      for (let key = 0; key < 20; key++) {
        await sleep(2 + (key % 4));
        await client.change(uri, cardOf(3, `Pending approvals ${'x'.repeat(key + 1)}`));
        const now = performance.now();
        longestGap = Math.max(longestGap, now - sentAt);
        sentAt = now;
      }
      await lastVersionPublished(client, uri);
      const published = client.publishedVersionsFor(uri).slice(before);
      if (longestGap >= MIN_DEBOUNCE_MS && attempt < 10) continue;
      assert.ok(longestGap < MIN_DEBOUNCE_MS, `no burst had all its changes less than ${MIN_DEBOUNCE_MS} ms apart in 10 attempts`);
      assert.deepEqual(published, [client.versionOf(uri)], 'one publication, for the last version of the burst');
      return;
    }
  });

  it('never publishes a version after a newer one, whatever the pauses between changes', async () => {
    const uri = uriOf('typing-pauses.card.json');
    // Large enough that validating takes a while and the wait is longer than the shortest: pauses around both.
    await client.openAndWait(uri, cardOf(400));
    const gapsMs = [0, 2, 8, 15, 30, 45, 70, 110, 160, 1, 40, 5, 90, 25, 200, 3, 60, 12, 130, 20];
    for (const [i, gap] of gapsMs.entries()) {
      await sleep(gap);
      await client.change(uri, cardOf(400, `Pending approvals ${i}`));
    }
    await lastVersionPublished(client, uri);
    const versions = client.publishedVersionsFor(uri);
    for (let i = 1; i < versions.length; i++) {
      assert.ok(versions[i]! > versions[i - 1]!, `version ${versions[i]} was published after version ${versions[i - 1]}: ${versions.join(', ')}`);
    }
    assert.equal(versions.at(-1), client.versionOf(uri), 'the last change is published last');
  });
});
