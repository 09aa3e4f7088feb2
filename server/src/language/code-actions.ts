import { distance } from 'fastest-levenshtein';
import { findNodeAtOffset, getNodeValue } from 'jsonc-parser';
import {
  type ActionRef, actionsWithAutoInvoke, adaptiveCardOf, arrayItems, bracedTokens, buildCardModel, type CardModel, compareVersion, ELEMENT_TYPES,
  detectDocumentKind, inputToken, type JsonDocument, type JsonNode, presentValue, propertyValue,
  rawOffsetInString, stringProperty
} from '../card';
import { substitutableInputs } from './element-ids';
import { editObject, nodeAtRange, removeEntry, replaceNode, type TextEdit } from './json-edit';
import { isRuleId, type RuleId, type ServiceSettings } from '../rules';

export type { TextEdit };

/** A diagnostic as the editor sends it back: which rule, and the text it covers. */
export interface ReportedProblem {
  readonly rule: string;
  readonly offset: number;
  readonly length: number;
}

export interface QuickFix {
  readonly title: string;
  readonly rule: RuleId;
  /** Non-overlapping edits of the document the problem was reported in. */
  readonly edits: readonly TextEdit[];
  readonly isPreferred: boolean;
}

/** Inserted when `actionableMessages.originator` is not set; not a GUID, so AM012 keeps pointing at it until it is replaced. */
export const ORIGINATOR_PLACEHOLDER = '<provider id from the Actionable Email Developer Dashboard>';
/** Used for a converted Action.Submit when no target URL is configured; `.example` is reserved and never resolves. */
export const ENDPOINT_PLACEHOLDER = 'https://your-service.example/actions';

type OutlookVersion = '1.0' | '1.4';

/** Where a new property goes by default: after the card or action header rather than at the end. */
const HEADER_KEYS = ['version', 'type', '@type', '@context'];

/** Rules that report one token of a string rather than a whole node. */
const TOKEN_RULES: ReadonlySet<string> = new Set(['AM037', 'AM046']);

interface FixContext {
  readonly text: string;
  /** The top-level card: the document's root, or an invoke response's `value` card. */
  readonly root: JsonNode;
  /** The node the diagnostic covers. */
  readonly node: JsonNode;
  readonly rule: RuleId;
  readonly problem: ReportedProblem;
  readonly settings: ServiceSettings;
  /** Present when the document is or carries an Adaptive Card (the only kind whose fixes need the card model). */
  readonly model: CardModel | undefined;
}

/**
 * The quick fixes for one reported problem, worked out again from the parsed document: nothing is remembered
 * from validation, so a diagnostic the editor kept across a restart still gets its fixes. A range that no longer
 * covers a node (the text changed since) gets none. `modelOf` gives the card model of the document's card: the
 * server's keeps it for the document's version (ParsedDocument), so the fixes of several diagnostics share one.
 */
export function quickFixes(
  document: JsonDocument, problem: ReportedProblem, settings: ServiceSettings, modelOf: (card: JsonNode) => CardModel = buildCardModel,
): QuickFix[] {
  const { root, text } = document;
  if (root === undefined || !isRuleId(problem.rule)) return [];
  const node = nodeAtRange(root, problem.offset, problem.length) ?? (TOKEN_RULES.has(problem.rule) ? stringAround(root, problem) : undefined);
  if (node === undefined) return [];
  const kind = detectDocumentKind(root);
  const card = adaptiveCardOf(root);
  const model = card === undefined ? undefined : modelOf(card);
  const context: FixContext = { text, root: card ?? root, node, rule: problem.rule, problem, settings, model };
  switch (problem.rule) {
    case 'AM010':
    case 'AM011':
      return kind === 'adaptiveCard' || kind === 'messageCard' ? addOriginator(context) : [];
    case 'AM002':
    case 'AM003':
    case 'AM004':
      return versionFixes(context, ['1.0', '1.4']);
    case 'AM020':
      return httpInUamCardFixes(context);
    case 'AM021':
      return versionFixes(context, ['1.4']);
    case 'AM030':
      return submitFixes(context);
    case 'AM031':
      return inputTimeFixes(context);
    case 'AM032':
      return unsupportedElementFixes(context);
    case 'AM037':
      return executeTokenFixes(context);
    case 'AM044':
      return addPostBody(context);
    case 'AM045':
    case 'AM088':
      return headerPairFixes(context);
    case 'AM046':
      return inputReferenceFixes(context);
    case 'AM049':
      return autoInvokeActionFixes(context);
    default:
      return [];
  }
}

/** The string value a problem covers part of. */
function stringAround(root: JsonNode, problem: ReportedProblem): JsonNode | undefined {
  const node = findNodeAtOffset(root, problem.offset, false);
  return node?.type === 'string' && problem.offset + problem.length < node.offset + node.length ? node : undefined;
}

/** The object a problem is about: the reported object itself, or the object one of whose values was reported (usually `"type"`). */
function subjectObject(node: JsonNode): JsonNode | undefined {
  if (node.type === 'object') return node;
  const property = node.parent;
  return property?.type === 'property' && property.children?.[1] === node ? property.parent : undefined;
}

function fix(context: FixContext, title: string, edits: TextEdit[], isPreferred: boolean): QuickFix {
  return { title, rule: context.rule, edits, isPreferred };
}

function addOriginator(context: FixContext): QuickFix[] {
  if (subjectObject(context.node) !== context.root) return [];
  const configured = context.settings.originator?.trim();
  const edit = editObject(context.text, context.root, { set: { originator: configured || ORIGINATOR_PLACEHOLDER }, after: HEADER_KEYS });
  return configured
    ? [fix(context, `Add "originator": "${configured}" (actionableMessages.originator)`, [edit], true)]
    : [fix(context, 'Add an "originator" placeholder to fill in (or set actionableMessages.originator)', [edit], false)];
}

function usesHttp(model: CardModel): boolean {
  return actionsWithAutoInvoke(model).some((action) => action.type === 'Action.Http');
}

/**
 * Offers the `candidates` but the current version. The preferred one follows the action model the card
 * already uses: 1.0 for Action.Http only, 1.4 for Action.Execute/refresh or for no model-specific action
 * (1.4 keeps the newer properties a 1.0 card would drop); none when the card mixes both models.
 */
function versionFixes(context: FixContext, candidates: readonly OutlookVersion[]): QuickFix[] {
  const { model, root } = context;
  if (model === undefined) return [];
  const http = usesHttp(model);
  const preferred: OutlookVersion | undefined = http && model.hasUniversalActions ? undefined : http ? '1.0' : '1.4';
  const current = stringProperty(root, 'version');
  return candidates
    .filter((version) => version !== current)
    .map((version) => setVersion(context, version, version === preferred));
}

function setVersion(context: FixContext, version: OutlookVersion, isPreferred: boolean): QuickFix {
  const edit = editObject(context.text, context.root, { set: { version }, after: ['type'] });
  return fix(context, `Set the card "version" to "${version}"`, [edit], isPreferred);
}

/** The reported action, when it is one of the card model's actions or its autoInvokeAction. */
function reportedAction(context: FixContext) {
  const object = subjectObject(context.node);
  return context.model && actionsWithAutoInvoke(context.model).find((action) => action.node === object);
}

/**
 * Action.Http in a 1.4 card: going back to 1.0 keeps the action as written, so it is preferred unless the card
 * also uses Action.Execute/refresh (which 1.0 would break); converting to Action.Execute is offered for every
 * action but autoInvokeAction, whose UAM counterpart is `refresh`, a different construct.
 */
function httpInUamCardFixes(context: FixContext): QuickFix[] {
  const action = reportedAction(context);
  if (action === undefined || action.type !== 'Action.Http') return [];
  const fixes: QuickFix[] = [];
  if (!context.model!.hasUniversalActions) fixes.push(setVersion(context, '1.0', true));
  if (action.slot !== 'autoInvokeAction') fixes.push(fix(context, HTTP_TO_EXECUTE, [httpToExecute(context.text, action.node)], context.model!.hasUniversalActions));
  return fixes;
}

/** The title says what the conversion leaves behind, as the conversion cannot carry it over. */
const HTTP_TO_EXECUTE = 'Convert Action.Http to Action.Execute (drops url, method and headers)';

/** Scheme and host of a URL, to leave its path; linear (each class is repeated once, and the match is anchored). */
const URL_ORIGIN = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/;

/**
 * Action.Execute goes to the bot registered for the provider and sends every input value with it, so the
 * endpoint-specific `method`, `url` and `headers` are dropped, body fields that hold input tokens are dropped, the
 * other fields of a JSON-object body become `data`, and the last path segment of the URL becomes the `verb` (none
 * when the URL has no path: a host name is no verb).
 */
function httpToExecute(text: string, action: JsonNode): TextEdit {
  const set: Record<string, unknown> = { type: 'Action.Execute' };
  const path = stringProperty(action, 'url')?.replace(URL_ORIGIN, '');
  const verb = path?.split(/[?#]/)[0]!.split('/').filter((segment) => /^[A-Za-z][\w.-]*$/.test(segment)).at(-1);
  if (verb !== undefined && propertyValue(action, 'verb') === undefined) set.verb = verb;
  const data = staticBodyFields(stringProperty(action, 'body'));
  if (data !== undefined && propertyValue(action, 'data') === undefined) set.data = data;
  return editObject(text, action, { set, after: ['title', 'type'], remove: ['method', 'url', 'headers', 'body'] });
}

function staticBodyFields(body: string | undefined): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body ?? '');
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  // A field with a token would reach the bot as written (AM037); Action.Execute sends the input's value by itself.
  const fields = Object.entries(parsed).filter(([, value]) => typeof value !== 'string' || !bracedTokens(value).some((token) => token.kind === 'input'));
  return fields.length > 0 ? Object.fromEntries(fields) : undefined;
}

/** Ids of the card's inputs that a `{{id.value}}` token can name (element-ids.ts substitutableInputs). */
function substitutableInputIds(model: CardModel): string[] {
  return substitutableInputs(model).map((input) => input.id);
}

/** A JSON body that sends every input's value under its id, as Action.Submit would have. */
function inputValuesBody(model: CardModel, extra: Record<string, unknown> = {}): string {
  const body: Record<string, unknown> = { ...extra };
  for (const id of substitutableInputIds(model)) body[id] = inputToken(id);
  return JSON.stringify(body);
}

/**
 * Action.Submit becomes the action of the card's generation: Action.Http (POST of the inputs and the Submit
 * `data`, to the first registered target URL or a placeholder) below 1.4, Action.Execute (which sends inputs and
 * `data` by itself) from 1.4 on; both when the version is unusable.
 */
function submitFixes(context: FixContext): QuickFix[] {
  const action = reportedAction(context);
  if (action === undefined || action.type !== 'Action.Submit') return [];
  const model = context.model!;
  const offerHttp = model.version === undefined || compareVersion(model.version, 1, 4) < 0;
  const offerExecute = model.version === undefined || compareVersion(model.version, 1, 4) >= 0;
  const fixes: QuickFix[] = [];
  if (offerHttp) {
    const data = propertyValue(action.node, 'data');
    const submitted = data === undefined ? {} : data.type === 'object' ? getNodeValue(data) : { data: getNodeValue(data) };
    const url = context.settings.targetUrls?.[0] ?? ENDPOINT_PLACEHOLDER;
    const edit = editObject(context.text, action.node, {
      set: { type: 'Action.Http', method: 'POST', url, body: inputValuesBody(model, submitted) },
      after: ['title', 'type'],
      remove: ['data'],
    });
    fixes.push(fix(context, 'Replace Action.Submit with Action.Http (POST the inputs)', [edit], !offerExecute));
  }
  if (offerExecute) {
    fixes.push(fix(context, 'Replace Action.Submit with Action.Execute', [replaceNode(propertyValue(action.node, 'type')!, 'Action.Execute')], !offerHttp));
  }
  return fixes;
}

/** The array entry a reported element is, for removal. */
function reportedArrayItem(node: JsonNode): JsonNode | undefined {
  const item = node.parent?.type === 'array' ? node : subjectObject(node);
  return item?.parent?.type === 'array' ? item : undefined;
}

function removeElementFix(context: FixContext, title: string, isPreferred: boolean): QuickFix[] {
  const item = reportedArrayItem(context.node);
  return item ? [fix(context, title, [removeEntry(item)], isPreferred)] : [];
}

/** The element types an entry of `array` may have: a column's, an ImageSet image's, or any element Outlook renders. */
function typesFor(array: JsonNode): readonly string[] {
  const name = array.parent?.type === 'property' ? array.parent.children?.[0]?.value : undefined;
  if (name === 'columns') return ['Column'];
  if (name === 'images') return ['Image'];
  return [...ELEMENT_TYPES].filter((type) => type !== 'Input.Time');
}

/**
 * docs/rules.md § AM032: a type one or two edits from one Outlook renders ("Colum", "textblock") is most likely a slip,
 * so setting that type is preferred. Removing the element is always offered, never preferred: it deletes what the
 * element holds, and may leave the card empty (AM005) or a target or token without its element (AM055, AM046).
 */
function unsupportedElementFixes(context: FixContext): QuickFix[] {
  const item = reportedArrayItem(context.node);
  if (item === undefined) return [];
  const type = propertyValue(item, 'type');
  const fixes: QuickFix[] = [];
  if (type?.type === 'string') {
    const written = type.value as string;
    const closest = typesFor(item.parent!)
      .map((candidate) => ({ candidate, cost: distance(written.toLowerCase(), candidate.toLowerCase()) }))
      .filter(({ candidate, cost }) => cost <= 2 && candidate !== written)
      .sort((a, b) => a.cost - b.cost)[0];
    if (closest) fixes.push(fix(context, `Change the type to "${closest.candidate}"`, [replaceNode(type, closest.candidate)], true));
  }
  fixes.push(fix(context, 'Remove the unsupported element', [removeEntry(item)], false));
  return fixes;
}

/** Outlook's advice for Input.Time is an Input.Text validated server-side: that keeps the id other actions reference. */
function inputTimeFixes(context: FixContext): QuickFix[] {
  const element = subjectObject(context.node);
  const type = propertyValue(element, 'type');
  if (type?.value !== 'Input.Time') return [];
  return [
    fix(context, 'Replace Input.Time with Input.Text', [replaceNode(type, 'Input.Text')], true),
    ...removeElementFix(context, 'Remove the Input.Time element', false),
  ];
}

function addPostBody(context: FixContext): QuickFix[] {
  const action = reportedAction(context);
  if (action === undefined || action.type !== 'Action.Http') return [];
  const inputs = substitutableInputIds(context.model!);
  const body = inputs.length > 0 ? inputValuesBody(context.model!) : '';
  const edit = editObject(context.text, action.node, { set: { body }, after: ['url', 'method', 'type'] });
  const title = inputs.length > 0 ? 'Add a "body" that posts the input values' : 'Add an empty "body"';
  return [fix(context, title, [edit], true)];
}

/**
 * One fix per token in the reported range whose id is no input: the closest input id by edit distance (ids compare case-insensitively,
 * like the renderer's substitution), preferred when it is a plausible typo (at most a third of the id changed, or two characters).
 */
function inputReferenceFixes(context: FixContext): QuickFix[] {
  const { node, model, text, problem } = context;
  if (node.type !== 'string' || model === undefined) return [];
  const inputs = substitutableInputIds(model);
  const known = new Set(inputs.map((id) => id.toLowerCase()));
  const raw = text.slice(node.offset, node.offset + node.length);
  const fixes: QuickFix[] = [];
  for (const token of bracedTokens(raw)) {
    if (token.kind !== 'input') continue;
    const id = token.inputId;
    const start = node.offset + token.offset;
    const outsideProblem = start + token.text.length <= problem.offset || start >= problem.offset + problem.length;
    if (outsideProblem || known.has(id.toLowerCase())) continue;
    const ranked = inputs
      .map((candidate) => ({ candidate, cost: distance(id.toLowerCase(), candidate.toLowerCase()) }))
      .sort((a, b) => a.cost - b.cost);
    const nearest = ranked[0];
    if (nearest === undefined) continue;
    const replacement = inputToken(nearest.candidate);
    const edit = { offset: start, length: token.text.length, newText: replacement };
    fixes.push(fix(context, `Change ${token.text} to ${replacement}`, [edit], nearest.cost <= Math.max(2, Math.floor(id.length / 3))));
  }
  return fixes;
}

/** The Action.Execute whose `verb` is the string value `node`, or whose `data` holds it. */
function executeActionHolding(model: CardModel, node: JsonNode): ActionRef | undefined {
  // A property name: AM037 reports values only.
  if (node.parent?.type === 'property' && node.parent.children?.[0] === node) return undefined;
  for (let value = node, property: JsonNode | undefined = node.parent; property !== undefined; value = property, property = property.parent) {
    if (property.type !== 'property' || property.children?.[1] !== value) continue;
    const key = property.children[0].value;
    if (key !== 'data' && !(key === 'verb' && value === node)) continue;
    const action = model.actions.find((candidate) => candidate.node === property!.parent && candidate.type === 'Action.Execute');
    if (action !== undefined) return action;
  }
  return undefined;
}

/** Removes a value together with what holds it: its entry of an array, or its property of an object. */
function removeWithHolder(value: JsonNode): TextEdit | undefined {
  const holder = value.parent;
  return holder?.type === 'array' || holder?.type === 'property' ? removeEntry(holder.type === 'array' ? value : holder) : undefined;
}

/**
 * docs/rules.md § AM037: Action.Execute sends the inputs' values by itself, so each token in the reported range is
 * removed. Only the token's characters go (`"{Reason: {{AddComment.value}}}"` keeps `"{Reason: }"`); a string that is
 * nothing but the token goes with its property or array entry, so no empty value is left behind.
 */
function executeTokenFixes(context: FixContext): QuickFix[] {
  const { node, text, problem, model } = context;
  if (node.type !== 'string' || model === undefined || executeActionHolding(model, node) === undefined) return [];
  const value = node.value as string;
  return bracedTokens(value).flatMap((token) => {
    const start = rawOffsetInString(node, text, token.offset);
    const end = rawOffsetInString(node, text, token.offset + token.text.length);
    if (token.kind === 'textFunction' || end <= problem.offset || start >= problem.offset + problem.length) return [];
    const edit = token.text === value ? removeWithHolder(node) : { offset: start, length: end - start, newText: '' };
    return edit === undefined ? [] : [fix(context, `Remove ${token.text} (Action.Execute sends the input values itself)`, [edit], true)];
  });
}

/** The `headers` value that a reported node is, or is inside of. */
function headersHolding(node: JsonNode): JsonNode | undefined {
  for (let value: JsonNode | undefined = node; value !== undefined; value = value.parent) {
    const property: JsonNode | undefined = value.parent;
    if (property?.type === 'property' && property.children?.[1] === value && property.children[0].value === 'headers') return value;
  }
  return undefined;
}

/**
 * The {"name", "value"} pairs that headers written as an object mean: `{"Content-Type": "x"}`, alone or as entries of
 * the array, and `{"Name": "Content-Type", "Value": "x"}` in lower case. Entries that have a `name` or `value` are
 * pairs already and stay as they are. Undefined when nothing is in
 * object form, or a header value written so is not a string.
 */
function headerPairsOf(headers: JsonNode): unknown[] | undefined {
  const entries = headers.type === 'object' ? [headers] : arrayItems(headers);
  const pairs: unknown[] = [];
  let converted = headers.type === 'object';
  for (const entry of entries) {
    if (entry.type !== 'object') return undefined;
    if (propertyValue(entry, 'name') !== undefined || propertyValue(entry, 'value') !== undefined) {
      pairs.push(getNodeValue(entry));
      continue;
    }
    // {"Name": …, "Value": …} is a pair in the wrong case, not two headers named "Name" and "Value".
    const keys = (entry.children ?? []).map((property) => property.children?.[0]?.value as string);
    if (keys.length > 0 && keys.every((key) => key.toLowerCase() === 'name' || key.toLowerCase() === 'value')) {
      const written = getNodeValue(entry) as Record<string, unknown>;
      pairs.push(Object.fromEntries(keys.map((key) => [key.toLowerCase(), written[key]])));
      converted = true;
      continue;
    }
    for (const [key, value] of (entry.children ?? []).map((property) => property.children ?? [])) {
      if (value?.type !== 'string') return undefined;
      pairs.push({ name: key.value, value: value.value });
    }
    converted = true;
  }
  return converted ? pairs : undefined;
}

/** docs/rules.md § AM045 and § AM088: headers written as an object become {"name", "value"} pairs. */
function headerPairFixes(context: FixContext): QuickFix[] {
  const headers = headersHolding(context.node);
  // Offered where the problem is the object form: the headers themselves, or an entry without "name" and "value".
  const entry = context.node;
  const inObjectForm = entry === headers || (entry.type === 'object' && propertyValue(entry, 'name') === undefined && propertyValue(entry, 'value') === undefined);
  if (!inObjectForm) return [];
  const pairs = headers === undefined ? undefined : headerPairsOf(headers);
  if (pairs === undefined) return [];
  const edit = editObject(context.text, headers!.parent!.parent!, { set: { headers: pairs } });
  return [fix(context, 'Write the headers as {"name": …, "value": …} pairs', [edit], true)];
}

/**
 * docs/rules.md § AM049: a misplaced `autoInvokeAction` moves to the card root when the root has none (preferred when
 * it is an Action.Http, which runs there), or is removed; Outlook never runs it where it is.
 */
function autoInvokeActionFixes(context: FixContext): QuickFix[] {
  const { node, root, text } = context;
  const property = node.parent;
  const host = property?.parent;
  const value = property?.children?.[1];
  if (property?.type !== 'property' || property.children?.[0] !== node || node.value !== 'autoInvokeAction' || value === undefined || host === root) return [];
  const removal = removeEntry(property);
  // It runs at the root only as an Action.Http POST with a body (AM048, AM044) in a card below 1.4 (AM020); moved
  // otherwise, it would bring those findings, so the move is offered but not preferred.
  const version = context.model?.version;
  const runsAtRoot = stringProperty(value, 'type') === 'Action.Http' && stringProperty(value, 'method')?.toUpperCase() === 'POST'
    && presentValue(value, 'body') !== undefined && version !== undefined && compareVersion(version, 1, 4) < 0;
  const fixes: QuickFix[] = [];
  if (presentValue(root, 'autoInvokeAction') === undefined) {
    const insertion = editObject(text, root, { set: { autoInvokeAction: getNodeValue(value) }, after: ['actions', 'body'] });
    fixes.push(fix(context, 'Move "autoInvokeAction" to the card root', [removal, insertion], runsAtRoot));
  }
  fixes.push(fix(context, 'Remove the misplaced "autoInvokeAction"', [removal], fixes.length === 0 || !runsAtRoot));
  return fixes;
}
