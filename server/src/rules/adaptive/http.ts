// docs/rules.md § "Action.Http and input substitution" (AM040–AM049), and the registered target URLs (AM096).
import {
  type ActionRef, actionsWithAutoInvoke, bracedTokens, type BracedToken, type CardModel, describeValue, inputIdOf, inputToken,
  isMissing, isSubstitutableId, type JsonNode, presentValue, propertyKey, propertyValue, replaceBracedTokens,
  substitutableIdFrom, typeNodeOf, valueReferenceName
} from '../../card';
import { reportSubstring, type AdaptiveRule, type RuleContext } from '../context';
import { checkHeaderPairs } from '../http-headers';
import {
  isHostWithin, isHttpsUrl, isParsableUrl, isPrivateHost, parsableUrlHost, registeredHost, UNPARSABLE_URL_HINT, writtenUrlHost
} from '../urls';
import { inputIdsLowerCase } from './inputs';

/** docs/rules.md § AM042: what each `{{…}}` of a url stands for when the url is parsed (the spec's placeholder). */
const TOKEN_PLACEHOLDER = 'x';

interface HttpCheck {
  readonly ctx: RuleContext;
  readonly inputIds: ReadonlySet<string>;
  readonly registeredHosts: readonly string[];
}

function malformedTokenMessage({ text: token, inner }: BracedToken): string {
  if (isSubstitutableId(inner)) return `${token} is not substituted: an input value is written ${inputToken(inner)}.`;
  if (inputIdOf(inner.trim()) !== undefined) return `${token} is not substituted because of the spaces inside the braces: write {{${inner.trim()}}}.`;
  const name = valueReferenceName(inner);
  // "{{{comment.value}}": the id is fine, a brace is one too many.
  const afterBraces = name?.replace(/^\{+/, '');
  if (afterBraces !== undefined && afterBraces !== name && isSubstitutableId(afterBraces)) {
    return `${token} has a brace too many and is not substituted: write ${inputToken(afterBraces)}.`;
  }
  if (name !== undefined) {
    return `${token} is never substituted: input ids in tokens may only contain letters, digits, _, $ and @. Rename the input (e.g. "${substitutableIdFrom(name) || 'comment'}") and the token.`;
  }
  return `${token} is not a substitution token: use {{<input id>.value}}, or remove the braces.`;
}

/**
 * AM046/AM047 on each `{{…}}` in a url, body or header value: each `{{` up to the first `}}` after it (non-greedy, as
 * docs/rules.md § AM047 says).
 */
function checkTokens(check: HttpCheck, node: JsonNode | undefined, where: string): void {
  if (node?.type !== 'string') return;
  for (const token of bracedTokens(node.value as string)) {
    if (token.kind === 'input') {
      if (!check.inputIds.has(token.inputId.toLowerCase())) {
        reportSubstring(check.ctx, 'AM046', node, token.offset, token.text.length,
          `${token.text} in the ${where} names no input of this card, so it is sent verbatim: use the id of an input, or add an input with id "${token.inputId}".`);
      }
    } else if (token.kind === 'other') {
      reportSubstring(check.ctx, 'AM047', node, token.offset, token.text.length, `In the ${where}: ${malformedTokenMessage(token)}`);
    }
  }
}

function checkUrl(check: HttpCheck, action: ActionRef): void {
  const { ctx } = check;
  const url = propertyValue(action.node, 'url');
  if (url?.type !== 'string' || isMissing(url)) {
    ctx.report('AM041', url === undefined || url.type === 'null' ? typeNodeOf(action.node) : url,
      `Action.Http needs a "url"${isMissing(url) ? '' : ` string, not ${describeValue(url!)}`}: set it to the https:// endpoint that handles the action.`);
    return;
  }
  const value = url.value as string;
  // Checked once: it answers AM042 for a url without tokens, and tells whether there is a host for AM043 and AM096.
  const parsable = isParsableUrl(value);
  if (!isHttpsUrl(value)) {
    ctx.report('AM042', url, /^http:\/\//i.test(value)
      ? 'Action.Http URLs must use HTTPS: change "http://" to "https://".'
      : 'Action.Http "url" must be an absolute URL starting with "https://" and a host name (a token cannot stand for the scheme).');
  } else if (!(value.includes('{{') ? isParsableUrl(replaceBracedTokens(value, () => TOKEN_PLACEHOLDER)) : parsable)) {
    ctx.report('AM042', url, `Action.Http "url" is not a URL Outlook can call: ${UNPARSABLE_URL_HINT}.`);
  }
  checkTokens(check, url, 'url');
  const host = parsable ? parsableUrlHost(value) : undefined;
  if (host === undefined) return;
  const unreachable = isPrivateHost(host);
  const unregistered = check.registeredHosts.length > 0 && !check.registeredHosts.some((registered) => isHostWithin(host, registered));
  if (!unreachable && !unregistered) return;
  // The messages name the host as the url writes it, which is looked for only when there is one to report.
  const written = writtenUrlHost(value) ?? host;
  if (unreachable) {
    ctx.report('AM043', url, `"${written}" is not reachable from the internet: Outlook calls Action.Http URLs from Microsoft's servers, so use a public host (for local testing, a public tunnel).`);
  }
  if (unregistered) {
    ctx.report('AM096', url, `"${written}" is not under the registered target URLs (${check.registeredHosts.join(', ')}): Outlook refuses actions to unregistered hosts. Register it in the Actionable Email Developer Dashboard and in actionableMessages.targetUrls, or use a registered host.`);
  }
}

function checkHttpAction(check: HttpCheck, action: ActionRef): void {
  const { ctx } = check;
  const method = propertyValue(action.node, 'method');
  const methodName = method?.type === 'string' ? (method.value as string).toUpperCase() : undefined;
  // autoInvokeAction's method is AM048's (it must be POST, so GET is wrong there too).
  if (action.slot !== 'autoInvokeAction' && methodName !== 'GET' && methodName !== 'POST') {
    ctx.report('AM040', method === undefined || method.type === 'null' ? typeNodeOf(action.node) : method,
      `Action.Http needs "method": "GET" or "POST"${method === undefined || method.type === 'null' ? '' : `, not ${describeValue(method)}`}.`);
  }
  checkUrl(check, action);
  const body = propertyValue(action.node, 'body');
  if (methodName === 'POST' && (body === undefined || body.type === 'null')) {
    ctx.report('AM044', typeNodeOf(action.node), 'A POST Action.Http needs a "body": add one (an empty string "" is fine when there is nothing to send).');
  }
  checkTokens(check, body, 'body');
  for (const value of checkHeaderPairs(propertyValue(action.node, 'headers'), 'AM045', ctx)) checkTokens(check, value, 'header value');
}

const checkHttpActions: AdaptiveRule = (model, ctx) => {
  // Made for the first Action.Http: a card without one needs neither its input ids nor the registered hosts.
  let check: HttpCheck | undefined;
  const actions = actionsWithAutoInvoke(model);
  for (let index = 0; index < actions.length; index++) {
    if (actions[index]!.type !== 'Action.Http') continue;
    check ??= {
      ctx,
      inputIds: inputIdsLowerCase(model),
      registeredHosts: (ctx.settings.targetUrls ?? []).flatMap((entry) => registeredHost(entry) ?? []),
    };
    checkHttpAction(check, actions[index]!);
  }
};

const checkAutoInvokeAction: AdaptiveRule = (model: CardModel, ctx) => {
  const auto = model.autoInvokeAction;
  if (auto === undefined) return;
  if (auto.node.type !== 'object') {
    ctx.report('AM048', auto.node, `"autoInvokeAction" must be an Action.Http object with "method": "POST", not ${describeValue(auto.node)}.`);
  } else if (auto.type !== 'Action.Http') {
    ctx.report('AM048', typeNodeOf(auto.node), `"autoInvokeAction" must be an Action.Http with "method": "POST"${auto.type === undefined ? '' : `, not ${auto.type}`}.`);
  } else {
    const method = propertyValue(auto.node, 'method');
    if (method?.type !== 'string' || (method.value as string).toUpperCase() !== 'POST') {
      ctx.report('AM048', method === undefined || method.type === 'null' ? typeNodeOf(auto.node) : method,
        `"autoInvokeAction" must use "method": "POST"${method === undefined || method.type === 'null' ? '' : `, not ${describeValue(method)}`}: Outlook only auto-invokes POST requests.`);
    }
  }
};

/**
 * docs/rules.md § AM049: `autoInvokeAction` anywhere but on the top-level card. Elements and actions that AM032/AM033
 * reject are not looked into; a misplaced action is not checked as an Action.Http.
 */
const checkMisplacedAutoInvokeAction: AdaptiveRule = (model, ctx) => {
  const rootHasOne = presentValue(model.top, 'autoInvokeAction') !== undefined;
  // This runs on every element and action of the card: no closure or place name is made for a node without the key.
  const report = (key: JsonNode, name: string): void => {
    ctx.report('AM049', key, `"autoInvokeAction" on ${name} never runs: Outlook reads it only on the top-level card. ${rootHasOne
      ? 'The card root has one already, so remove this one.'
      : 'Move it to the card root (it must be an Action.Http POST there), or remove it.'}`);
  };
  const { cards, elements, actions } = model;
  for (let index = 0; index < cards.length; index++) {
    const card = cards[index]!;
    const key = card.showCardDepth > 0 ? presentAutoInvokeKey(card.node) : undefined;
    if (key !== undefined) report(key, 'a card inside Action.ShowCard');
  }
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index]!;
    const key = element.known ? presentAutoInvokeKey(element.node) : undefined;
    if (key !== undefined) report(key, `this ${element.type ?? 'TextRun'}`);
  }
  for (let index = 0; index < actions.length; index++) {
    const action = actions[index]!;
    const key = action.known ? presentAutoInvokeKey(action.node) : undefined;
    if (key !== undefined) report(key, `this ${action.type ?? 'action'}`);
  }
};

/** The key of a present (not null) `autoInvokeAction` of `node`; the second scan only for a node that has one. */
function presentAutoInvokeKey(node: JsonNode): JsonNode | undefined {
  return presentValue(node, 'autoInvokeAction') && propertyKey(node, 'autoInvokeAction');
}

export const httpRules: readonly AdaptiveRule[] = [checkHttpActions, checkAutoInvokeAction, checkMisplacedAutoInvokeAction];
