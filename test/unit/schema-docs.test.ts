// The Outlook schema documents every property and every element and action type, so hover has something to say
// wherever a card author points: checked on the schema itself and through hover.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hover } from '../../server/src/language/language-features';
import { ParsedDocument } from '../../server/src/language/parsed-document';
import { cardSchema } from '../../server/src/rules';

interface Schema {
  description?: string;
  markdownDescription?: string;
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  allOf?: Schema[];
  then?: Schema;
  enum?: unknown[];
  markdownEnumDescriptions?: string[];
}

const DEFINITIONS = cardSchema.definitions as Record<string, Schema>;
const definitionOf = (ref: string): Schema => DEFINITIONS[ref.replace('#/definitions/', '')];
const isDescribed = (schema: Schema): boolean => Boolean(schema.description ?? schema.markdownDescription);

/**
 * Every property schema below `schema`, named by its path. `if` conditions are skipped: they only test a type, and
 * hover shows the schema that applies.
 */
function* propertiesOf(schema: Schema, where: string): Generator<[string, Schema]> {
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    yield [`${where}.${name}`, property];
    yield* propertiesOf(property, `${where}.${name}`);
  }
  if (schema.items) yield* propertiesOf(schema.items, `${where}[]`);
  if (typeof schema.additionalProperties === 'object') yield* propertiesOf(schema.additionalProperties, `${where}.*`);
  for (const [index, part] of (schema.allOf ?? []).entries()) yield* propertiesOf(part, `${where}.allOf[${index}]`);
  if (schema.then) yield* propertiesOf(schema.then, `${where}.then`);
}

/** The property names a card author can write on an object of `definition`, its mixins' included. */
function propertyNames(definition: Schema): string[] {
  const mixins = (definition.allOf ?? []).flatMap((part) => (part.$ref ? propertyNames(definitionOf(part.$ref)) : []));
  return [...new Set([...Object.keys(definition.properties ?? {}), ...mixins])];
}

const typeEnum = (definition: string): string[] => DEFINITIONS[definition].properties!.type!.enum as string[];

/** A card with one object of `type` that has `property`, where that type sits, and the offset of the property name. */
function cardWith(type: string, property: string): { text: string; offset: number } {
  const object = `{"type": "${type}", "${property}": null}`;
  const text = type === 'AdaptiveCard' ? object.replace('{', '{"version": "1.4", ')
    : type.startsWith('Action.') ? `{"type": "AdaptiveCard", "version": "1.4", "actions": [${object}]}`
      : type === 'Column' ? `{"type": "AdaptiveCard", "version": "1.4", "body": [{"type": "ColumnSet", "columns": [${object}]}]}`
        : type === 'TextRun' ? `{"type": "AdaptiveCard", "version": "1.4", "body": [{"type": "RichTextBlock", "inlines": [${object}]}]}`
          : `{"type": "AdaptiveCard", "version": "1.4", "body": [${object}]}`;
  return { text, offset: text.lastIndexOf(`"${property}"`) + 1 };
}

describe('schema documentation', () => {
  it('describes every property, itself or through the definition it refers to', () => {
    const undocumented: string[] = [];
    for (const [name, definition] of Object.entries(DEFINITIONS)) {
      for (const [where, property] of propertiesOf(definition, name)) {
        if (!isDescribed(property) && !(property.$ref && isDescribed(definitionOf(property.$ref)))) undocumented.push(where);
      }
    }
    assert.deepEqual(undocumented, []);
  });

  it('describes every element and action type, in its definition and in the type enum', () => {
    for (const enumOwner of ['Element', 'Action']) {
      const types = typeEnum(enumOwner);
      assert.equal(DEFINITIONS[enumOwner].properties!.type!.markdownEnumDescriptions?.length, types.length, enumOwner);
      for (const type of types) assert.ok(isDescribed(DEFINITIONS[type]), type);
    }
  });

  it('gives a hover on every property of the card, every element and every action, and on each type', async () => {
    const types = ['AdaptiveCard', 'Column', 'TextRun', ...typeEnum('Element'), ...typeEnum('Action')];
    for (const type of types) {
      const names = propertyNames(DEFINITIONS[type]);
      assert.ok(names.length > 1, type);
      for (const property of names) {
        const { text, offset } = cardWith(type, property);
        const info = await hover(new ParsedDocument(text), offset);
        assert.ok(info && info.markdown.length > 10, `${type}.${property}`);
      }
      const { text } = cardWith(type, 'x');
      const typeHover = await hover(new ParsedDocument(text), text.lastIndexOf(`"${type}"`) + 2);
      assert.ok(typeHover && typeHover.markdown.length > 10, `type ${type}`);
    }
  });
});
