// Hover from the project's card schema: the description of the property or value under the cursor.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hover, type HoverInfo } from '../../server/src/language/language-features';
import { ParsedDocument } from '../../server/src/language/parsed-document';
import type { ShownFindings } from '../../server/src/language/rule-links';
import { findings } from './helpers';

/** Hover at the `|` in `template`; with `withFindings`, the text's own findings are the ones shown. */
async function hoverAt(template: string, withFindings = false): Promise<{ text: string; info: HoverInfo | undefined }> {
  const offset = template.indexOf('|');
  const text = template.slice(0, offset) + template.slice(offset + 1);
  const shown: ShownFindings | undefined = withFindings ? { findings: findings(text), ruleHref: (rule) => `rules.md#${rule.toLowerCase()}` } : undefined;
  return { text, info: await hover(new ParsedDocument(text), offset, shown) };
}

const ORIGINATOR = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';

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

  it('links the rules of the findings at the hovered place, after the schema documentation', async () => {
    const template = `{"type": "AdaptiveCard", "version": "1.0", "originator": "${ORIGINATOR}", "actions": [{"type": "Action.Http", "title": "Go", "method": "POST", "url": "http://plain|.example/", "body": ""}]}`;
    const { text, info } = await hoverAt(template, true);
    assert.ok(info);
    const [schemaPart, links] = info.markdown.split('\n\n---\n\n');
    assert.match(schemaPart, /`https:\/\/` URL of your service/);
    assert.match(links, /^\[AM042\]\(rules\.md#am042\): /);
    assert.equal(text.slice(info.offset, info.offset + info.length), '"http://plain.example/"');
    assert.doesNotMatch((await hoverAt(template.replace('"Go"', '"G|o"').replace('plain|', 'plain'), true)).info?.markdown ?? '', /AM042/);
  });

  it('gives the rule links alone, over the finding, where the schema has nothing to say', async () => {
    const { text, info } = await hoverAt(`{"$schema": "https://example.com/s|chema.json", "type": "AdaptiveCard", "version": "1.0", "originator": "${ORIGINATOR}", "body": [{"type": "TextBlock", "text": "Hi"}]}`, true);
    assert.ok(info);
    assert.match(info.markdown, /^\[AM006\]\(rules\.md#am006\): `\$schema` is not an Adaptive Cards schema URI$/);
    assert.equal(text.slice(info.offset, info.offset + info.length), '"https://example.com/schema.json"');
  });

  it('documents Outlook properties in a card whose "$schema" is an adaptivecards.io address', async () => {
    for (const schema of ['http://adaptivecards.io/schemas/adaptive-card.json', 'https://adaptivecards.io/schemas/1.0.0/adaptive-card.json']) {
      const { info } = await hoverAt(`{"$schema": "${schema}", "type": "AdaptiveCard", "version": "1.0", "hideOriginal|Body": true}`);
      assert.match(info?.markdown ?? '', /email body is hidden/, schema);
    }
    assert.equal((await hoverAt('{"$schema": "https://example.com/schema.json", "type": "AdaptiveCard", "version": "1.0", "hideOriginal|Body": true}')).info, undefined);
  });

  it('documents the card inside an invoke response, and nothing of an Adaptive Card on its wrapper or in a MessageCard', async () => {
    const invoke = (at: string): string => `{"statusCode": 200, "type": "application/vnd.microsoft.card.adaptive", ${at}"value": {"type": "AdaptiveCard", "version": "1.4", "origi|nator": "x", "body": []}}`;
    assert.match((await hoverAt(invoke(''))).info?.markdown ?? '', /provider ID/);
    assert.equal((await hoverAt(invoke('"ver|sion": "1.4", ').replace('origi|nator', 'originator'))).info, undefined);
    assert.equal((await hoverAt('{"@type": "MessageCard", "summary": "s", "body": [], "ver|sion": "1.0"}')).info, undefined);
  });
});
