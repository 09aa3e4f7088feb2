// Spec §§ 5.1–5.2: the top-level card's version, content, $schema and Outlook root properties.
import { arrayItems, isMissing, presentValue, propertyValue } from '../../json-document';
import { compareVersion, typeNodeOf, type CardModel } from '../card-model';
import type { RuleContext } from '../context';
import { describeValue, isEmail, isGuid } from '../formats';
import type { AdaptiveRule } from '../index';

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

const ADAPTIVE_CARD_SCHEMA = /^https?:\/\/adaptivecards\.io\/schemas\/(\d+\.\d+\.\d+\/)?adaptive-card\.json$/;

function checkSchema(model: CardModel, ctx: RuleContext): void {
  for (const { node } of model.cards) {
    const schema = presentValue(node, '$schema');
    if (schema === undefined || (schema.type === 'string' && ADAPTIVE_CARD_SCHEMA.test(schema.value as string))) continue;
    ctx.report('AM006', schema, `"$schema" is not an Adaptive Cards schema URI (it is ${describeValue(schema)}): use "https://adaptivecards.io/schemas/adaptive-card.json", or remove it; it only helps editors.`);
  }
}

function checkOriginator(model: CardModel, ctx: RuleContext): void {
  const originator = propertyValue(model.top, 'originator');
  const providerId = ctx.settings.originator?.trim() ? `"${ctx.settings.originator.trim()}"` : 'the provider id (a GUID) from the Actionable Email Developer Dashboard';
  if (isMissing(originator)) {
    if (model.payloadOriginator?.trim()) return;
    const where = originator ?? typeNodeOf(model.top);
    if (model.usesUam) {
      ctx.report('AM011', where, `The card uses Action.Execute/refresh but has no "originator": Outlook does not render such a card without it. Set "originator" to ${providerId}.`);
    } else {
      ctx.report('AM010', where, `The card has no "originator": Outlook removes the card when the message goes to anyone but yourself. Set "originator" to ${providerId}.`);
    }
    return;
  }
  if (originator!.type === 'string' && isGuid(originator!.value as string)) return;
  const braced = originator!.type === 'string' && /^\{.*\}$/.test(originator!.value as string);
  ctx.report('AM012', originator!, braced
    ? '"originator" must be a GUID without braces: remove the { and }.'
    : `"originator" must be the provider id GUID from the Actionable Email Developer Dashboard (like 8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a), not ${describeValue(originator!)}.`);
}

function checkOutlookRootProperties(model: CardModel, ctx: RuleContext): void {
  const hideOriginalBody = presentValue(model.top, 'hideOriginalBody');
  if (hideOriginalBody !== undefined && hideOriginalBody.type !== 'boolean') {
    const unquoted = hideOriginalBody.type === 'string' && /^(true|false)$/i.test(hideOriginalBody.value as string)
      ? `: write ${(hideOriginalBody.value as string).toLowerCase()} without quotes` : '';
    ctx.report('AM013', hideOriginalBody, `"hideOriginalBody" must be a JSON boolean (true or false), not ${describeValue(hideOriginalBody)}${unquoted}.`);
  }

  const correlationId = presentValue(model.top, 'correlationId');
  if (correlationId !== undefined && correlationId.type !== 'string') {
    ctx.report('AM013', correlationId, `"correlationId" must be a string (a UUID), not ${describeValue(correlationId)}.`);
  } else if (correlationId !== undefined && !isGuid(correlationId.value as string)) {
    ctx.report('AM014', correlationId, `"correlationId" ${JSON.stringify(correlationId.value)} is not a UUID: Microsoft recommends setting a new UUID per sent card (e.g. crypto.randomUUID()) and logging it, to trace actions back to the message.`);
  }

  const expectedActors = presentValue(model.top, 'expectedActors');
  if (expectedActors === undefined) return;
  if (expectedActors.type !== 'array') {
    ctx.report('AM013', expectedActors, `"expectedActors" must be an array of email address strings, not ${describeValue(expectedActors)}.`);
    return;
  }
  for (const actor of arrayItems(expectedActors)) {
    if (actor.type !== 'string') {
      ctx.report('AM013', actor, `"expectedActors" entries must be email address strings, not ${describeValue(actor)}.`);
    } else if (!isEmail(actor.value as string)) {
      ctx.report('AM015', actor, `${JSON.stringify(actor.value)} is not an email address: "expectedActors" lists the email addresses of the users who may take Action.Http actions (e.g. "ana@contoso.com").`);
    }
  }
}

export const rootRules: readonly AdaptiveRule[] = [checkVersion, checkContent, checkSchema, checkOriginator, checkOutlookRootProperties];
