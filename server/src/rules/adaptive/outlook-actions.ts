// docs/rules.md § "Outlook actions, refresh and Action.OpenUrl": display forms, Action.ToggleVisibility, refresh and
// Action.OpenUrl (AM053–AM059).
import type { AdaptiveRule } from '../context';
import { arrayItems, type CardModel, describeValue, idNode, isMissing, propertyValue, stringProperty, targetIdNode, typeNodeOf } from '../../card';
import { isHttpUrlWithHost, isParsableUrl, UNPARSABLE_URL_HINT, urlScheme } from '../urls';

const DISPLAY_FORM_TYPES: ReadonlySet<string> = new Set(['Action.DisplayMessageForm', 'Action.DisplayAppointmentForm']);

/** Schemes AM058 rejects outright: script, inline data and local files. */
const UNSAFE_SCHEMES: ReadonlySet<string> = new Set(['javascript', 'vbscript', 'data', 'file']);

const checkDisplayForms: AdaptiveRule = (model, ctx) => {
  const { actions } = model;
  for (let index = 0; index < actions.length; index++) {
    const action = actions[index]!;
    if (action.type === undefined || !DISPLAY_FORM_TYPES.has(action.type)) continue;
    const itemId = propertyValue(action.node, 'itemId');
    if (!isMissing(itemId)) continue;
    ctx.report('AM053', itemId === undefined || itemId.type === 'null' ? typeNodeOf(action.node) : itemId,
      `${action.type} needs a non-empty "itemId": the Exchange id of the ${action.type === 'Action.DisplayMessageForm' ? 'message' : 'appointment'} to open.`);
  }
};

/**
 * The element ids of docs/rules.md § "Walking an Adaptive Card": elements, columns and ImageSet images anywhere in the
 * card tree.
 */
function elementIds(model: CardModel): ReadonlySet<string> {
  const ids = new Set<string>();
  const { elements } = model;
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index]!;
    const id = element.kind === 'textRun' ? undefined : idNode(element.node);
    if (id) ids.add(id.value as string);
  }
  return ids;
}

/** The ids that some Action.ToggleVisibility of the card names in its `targetElements` (AM061). */
export function toggleTargetIds(model: CardModel): ReadonlySet<string> {
  const ids = new Set<string>();
  const { actions } = model;
  for (let index = 0; index < actions.length; index++) {
    const action = actions[index]!;
    if (action.type !== 'Action.ToggleVisibility') continue;
    for (const entry of arrayItems(propertyValue(action.node, 'targetElements'))) {
      const id = targetIdNode(entry);
      if (id) ids.add(id.value as string);
    }
  }
  return ids;
}

const checkToggleVisibility: AdaptiveRule = (model, ctx) => {
  let ids: ReadonlySet<string> | undefined;
  const { actions } = model;
  for (let index = 0; index < actions.length; index++) {
    const action = actions[index]!;
    if (action.type !== 'Action.ToggleVisibility') continue;
    const targets = propertyValue(action.node, 'targetElements');
    if (targets === undefined || targets.type === 'null') {
      ctx.report('AM054', typeNodeOf(action.node), 'Action.ToggleVisibility needs "targetElements": a list of the ids of the elements to show or hide.');
      continue;
    }
    if (targets.type !== 'array' || arrayItems(targets).length === 0) {
      ctx.report('AM054', targets, `"targetElements" must be a non-empty array of element ids${targets.type === 'array' ? '' : `, not ${describeValue(targets)}`}.`);
      continue;
    }
    for (const entry of arrayItems(targets)) {
      const id = targetIdNode(entry);
      if (id === undefined) {
        ctx.report('AM054', entry, `Each target must be an element id string or {"elementId": "…", "isVisible": …}, not ${describeValue(entry)}${entry.type === 'object' ? ' without a non-empty "elementId"' : ''}.`);
        continue;
      }
      ids ??= elementIds(model);
      if (!ids.has(id.value as string)) {
        ctx.report('AM055', id, `No element in the card has the id "${id.value as string}" (ids are case-sensitive): give the element to toggle this id, or fix the target.`);
      }
    }
  }
};

const checkRefresh: AdaptiveRule = (model, ctx) => {
  const refresh = propertyValue(model.top, 'refresh');
  if (refresh === undefined || refresh.type === 'null') return;
  if (refresh.type !== 'object') {
    ctx.report('AM056', refresh, `"refresh" must be an object with an Action.Execute "action", not ${describeValue(refresh)}.`);
    return;
  }
  const action = propertyValue(refresh, 'action');
  if (action === undefined || action.type === 'null') {
    ctx.report('AM056', refresh, '"refresh" needs an "action": an Action.Execute that Outlook invokes when the card is opened.');
  } else if (stringProperty(action, 'type') !== 'Action.Execute') {
    const type = stringProperty(action, 'type');
    ctx.report('AM056', action.type === 'object' ? typeNodeOf(action) : action,
      `"refresh.action" must be an Action.Execute${type === undefined ? '' : `, not ${type}`}.`);
  }
  const userIds = propertyValue(refresh, 'userIds');
  if (userIds === undefined || userIds.type === 'null') {
    ctx.report('AM057', refresh, '"refresh" has no "userIds": Outlook ignores it, but the schema requires it; add "userIds": [] so other hosts such as Teams refresh automatically.');
  }
};

const checkOpenUrls: AdaptiveRule = (model, ctx) => {
  const { actions } = model;
  for (let index = 0; index < actions.length; index++) {
    const action = actions[index]!;
    if (action.type !== 'Action.OpenUrl') continue;
    const url = propertyValue(action.node, 'url');
    if (url?.type !== 'string' || isMissing(url)) {
      ctx.report('AM058', url === undefined || url.type === 'null' ? typeNodeOf(action.node) : url,
        `Action.OpenUrl needs a "url" string${isMissing(url) ? '' : `, not ${describeValue(url!)}`}: set it to the absolute https:// address to open.`);
      continue;
    }
    const scheme = urlScheme(url.value as string);
    if (scheme === undefined) {
      ctx.report('AM058', url, 'The URL is relative, and an email has no base URL: write an absolute URL starting with "https://".');
    } else if (UNSAFE_SCHEMES.has(scheme)) {
      ctx.report('AM058', url, `"${scheme}:" URLs are not allowed in Action.OpenUrl: link to an https:// page instead.`);
    } else if (scheme === 'http' || scheme === 'https') {
      if (!isHttpUrlWithHost(url.value as string)) ctx.report('AM058', url, `The ${scheme} URL has no host: write it as ${scheme}://host/path.`);
      else if (!isParsableUrl(url.value as string)) ctx.report('AM058', url, `The URL cannot be opened: ${UNPARSABLE_URL_HINT}.`);
    } else {
      ctx.report('AM059', url, `"${scheme}:" URLs may do nothing in Outlook (Outlook on the web opens only http and https): prefer an https:// link.`);
    }
  }
};

export const outlookActionRules: readonly AdaptiveRule[] = [checkDisplayForms, checkToggleVisibility, checkRefresh, checkOpenUrls];
