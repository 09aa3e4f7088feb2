// Hover from the project's card schema: the description of the property or value under the cursor.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hover, type HoverInfo } from '../../server/src/language/language-features';

async function hoverAt(template: string): Promise<{ text: string; info: HoverInfo | undefined }> {
  const offset = template.indexOf('|');
  const text = template.slice(0, offset) + template.slice(offset + 1);
  return { text, info: await hover(text, offset) };
}

describe('hover', () => {
  it('describes an Outlook root property, from its markdownDescription, over the whole key', async () => {
    const { text, info } = await hoverAt('{"type": "AdaptiveCard", "version": "1.0", "origi|nator": "x"}');
    assert.ok(info);
    assert.match(info.markdown, /provider ID/);
    assert.match(info.markdown, /\[Actionable Email Developer Dashboard\]\(https:/);
    assert.equal(text.slice(info.offset, info.offset + info.length), '"originator"');
  });

  it('describes a property with its own description, not the shared enum definition', async () => {
    const { info } = await hoverAt('{"type": "AdaptiveCard", "version": "1.0", "body": [{"type": "TextBlock", "text": "x", "spa|cing": "small"}]}');
    assert.match(info?.markdown ?? '', /spacing between this element and the preceding one/);
  });

  it('describes the properties of Outlook actions', async () => {
    const { info } = await hoverAt('{"type": "AdaptiveCard", "version": "1.0", "actions": [{"type": "Action.Http", "method": "POST", "ur|l": "https://a.example", "body": ""}]}');
    assert.match(info?.markdown ?? '', /`https:\/\/` URL of your service/);
  });

  it('describes an element type value', async () => {
    const { text, info } = await hoverAt('{"type": "AdaptiveCard", "version": "1.4", "body": [{"type": "RichText|Block", "inlines": []}]}');
    assert.ok(info);
    assert.match(info.markdown, /TextRuns/);
    assert.equal(text.slice(info.offset, info.offset + info.length), '"RichTextBlock"');
  });

  it('gives nothing for unknown properties and non-card text', async () => {
    assert.equal((await hoverAt('{"type": "AdaptiveCard", "version": "1.0", "vendor|Data": 1}')).info, undefined);
    assert.equal((await hoverAt('not js|on')).info, undefined);
  });
});
