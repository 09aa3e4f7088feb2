// docs/rules.md § "Root, version and content" and "Outlook root properties": the top-level card's version, content,
// $schema and Outlook root properties.
import { arrayItems, type CardModel, compareVersion, describeValue, presentValue, propertyValue, typeNodeOf } from '../../card';
import type { AdaptiveRule, RuleContext } from '../context';
import { checkOriginator, checkOutlookRootProperties } from '../root-properties';
import { isAdaptiveCardSchemaUri } from '../schema-uri';

const CHOOSE_VERSION = 'Outlook renders "1.0" (Action.Http cards) and "1.4" (Action.Execute/refresh cards)';

function checkVersion(model: CardModel, ctx: RuleContext): void {
  const versionNode = presentValue(model.top, 'version');
  const version = model.version;
  if (version === undefined) {
    if (versionNode === undefined) {
      ctx.report('AM002', typeNodeOf(model.top), `The card has no "version"; it is required on the top-level card. ${CHOOSE_VERSION}: add "version": "1.0" or "version": "1.4".`);
    } else if (versionNode.type === 'number') {
      const asString = Number.isInteger(versionNode.value) ? `${String(versionNode.value)}.0` : String(versionNode.value);
      ctx.report('AM002', versionNode, `"version" must be a string, not a number: write "version": "${asString}".`);
    } else {
      ctx.report('AM002', versionNode, `"version" must be a "major.minor" string, not ${describeValue(versionNode)}. ${CHOOSE_VERSION}.`);
    }
    return;
  }
  const declared = versionNode!.value as string;
  if (compareVersion(version, 1, 4) > 0) {
    ctx.report('AM003', versionNode!, `Version "${declared}" is newer than 1.4, the highest version Outlook renders: Outlook shows the fallbackText instead of the card. Set "version" to "1.4" (Action.Execute) or "1.0" (Action.Http).`);
  } else if (version.major === 1 && version.minor >= 1 && version.minor <= 3) {
    ctx.report('AM004', versionNode!, `Outlook has no renderer for version "${declared}" and which action model applies to it is undocumented. ${CHOOSE_VERSION}: set "version" to one of them.`);
  }
}

function checkContent(model: CardModel, ctx: RuleContext): void {
  const hasEntries = (name: string): boolean => arrayItems(propertyValue(model.top, name)).length > 0;
  if (hasEntries('body') || hasEntries('actions')) return;
  ctx.report('AM005', typeNodeOf(model.top), 'The card has no content: add elements to "body" or actions to "actions". Outlook rejects a card that has nothing but autoInvokeAction or refresh.');
}

function checkSchema(model: CardModel, ctx: RuleContext): void {
  const { cards } = model;
  for (let index = 0; index < cards.length; index++) {
    const { node } = cards[index]!;
    const schema = presentValue(node, '$schema');
    if (schema === undefined || (schema.type === 'string' && isAdaptiveCardSchemaUri(schema.value as string))) continue;
    ctx.report('AM006', schema, `"$schema" is not an Adaptive Cards schema URI (it is ${describeValue(schema)}): use "https://adaptivecards.io/schemas/adaptive-card.json", or remove it; it only helps editors.`);
  }
}

function checkOriginatorProperty(model: CardModel, ctx: RuleContext): void {
  checkOriginator(model.top, typeNodeOf(model.top), ctx, model);
}

function checkRootProperties(model: CardModel, ctx: RuleContext): void {
  checkOutlookRootProperties(model.top, ctx);
}

export const rootRules: readonly AdaptiveRule[] = [checkVersion, checkContent, checkSchema, checkOriginatorProperty, checkRootProperties];
