// docs/rules.md § "Inputs, ids and required properties": inputs, ids and schema-required properties (AM060–AM064).
import {
  arrayItems, type CardModel, compareVersion, describeValue, idNode, isInput, type JsonNode, propertyValue, typeNodeOf
} from '../../card';
import type { AdaptiveRule, RuleContext } from '../context';
import { toggleTargetIds } from './outlook-actions';

/** The inputs Outlook renders; Input.Time is AM031's. */
const SUPPORTED_INPUT_TYPES: ReadonlySet<string> = new Set(['Input.Text', 'Input.Number', 'Input.Date', 'Input.Toggle', 'Input.ChoiceSet']);

/**
 * The card-wide input ids of docs/rules.md § "Walking an Adaptive Card", lower-cased: `{{id.value}}` resolves
 * case-insensitively (AM046).
 */
export function inputIdsLowerCase(model: CardModel): ReadonlySet<string> {
  const ids = new Set<string>();
  const { elements } = model;
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index]!;
    const id = isInput(element) ? idNode(element.node) : undefined;
    if (id) ids.add((id.value as string).toLowerCase());
  }
  return ids;
}

function isNonEmptyString(node: JsonNode | undefined): boolean {
  return node?.type === 'string' && (node.value as string).trim() !== '';
}

const checkInputIds: AdaptiveRule = (model, ctx) => {
  const { elements } = model;
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index]!;
    if (!element.known || !SUPPORTED_INPUT_TYPES.has(element.type!)) continue;
    const id = propertyValue(element.node, 'id');
    if (isNonEmptyString(id)) continue;
    const absent = id === undefined || id.type === 'null';
    ctx.report('AM060', absent ? typeNodeOf(element.node) : id,
      `This ${element.type} has no id${absent ? '' : ` (it is ${describeValue(id)})`}: give it a unique non-empty string "id", which is how its value is sent ({{id.value}}).`);
  }
};

interface IdOwner {
  readonly id: JsonNode;
  readonly what: string;
  readonly input: boolean;
}

/** The id carriers of docs/rules.md § AM061: elements, columns, inputs and actions, in document order. */
function idOwners(model: CardModel): IdOwner[] {
  const owners: IdOwner[] = [];
  const { elements, actions } = model;
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index]!;
    const id = element.kind === 'textRun' ? undefined : idNode(element.node);
    if (id) owners.push({ id, what: element.type ?? 'element', input: isInput(element) });
  }
  for (let index = 0; index < actions.length; index++) {
    const action = actions[index]!;
    const id = idNode(action.node);
    if (id) owners.push({ id, what: action.type ?? 'action', input: false });
  }
  return owners.sort((a, b) => a.id.offset - b.id.offset);
}

/**
 * docs/rules.md § AM061, on the later of two nodes: an input whose id an earlier node has (case-insensitively), a node
 * whose id an earlier input has (case-insensitively), or a node carrying the id of a toggle target that an earlier
 * node carries too. Other shared ids, such as two actions' or two untargeted containers', are nothing Outlook reads.
 */
const checkDuplicateIds: AdaptiveRule = (model, ctx) => {
  const targets = toggleTargetIds(model);
  const firstOwner = new Map<string, IdOwner>();
  const firstInput = new Map<string, IdOwner>();
  const firstOwnerExact = new Map<string, IdOwner>();
  const owners = idOwners(model);
  for (let index = 0; index < owners.length; index++) {
    const owner = owners[index]!;
    const id = owner.id.value as string;
    const lower = id.toLowerCase();
    const earlierForInput = owner.input ? firstOwner.get(lower) : firstInput.get(lower);
    const earlier = earlierForInput ?? (targets.has(id) ? firstOwnerExact.get(id) : undefined);
    if (earlier) {
      ctx.report('AM061', owner.id, duplicateIdMessage(id, earlier, earlierForInput === undefined),
        [{ node: earlier.id, message: `The earlier ${earlier.what} with the id "${earlier.id.value as string}"` }]);
    }
    if (!firstOwner.has(lower)) firstOwner.set(lower, owner);
    if (owner.input && !firstInput.has(lower)) firstInput.set(lower, owner);
    if (!firstOwnerExact.has(id)) firstOwnerExact.set(id, owner);
  }
};

function duplicateIdMessage(id: string, earlier: IdOwner, toggleTarget: boolean): string {
  const earlierId = earlier.id.value as string;
  if (toggleTarget) {
    return `Duplicate id "${id}": an earlier ${earlier.what} already has it, and an Action.ToggleVisibility targets "${id}", so which of them it shows or hides is ambiguous. Give each its own id.`;
  }
  if (earlierId !== id) {
    return `The id "${id}" differs only in case from the earlier ${earlier.what} "${earlierId}": {{id.value}} matches ids case-insensitively, so rename one of them.`;
  }
  return `Duplicate id "${id}": an earlier ${earlier.what} already has it, and an input's id must be unique in the card ({{${id}.value}} sends its value). Rename one of them.`;
}

const checkRegex: AdaptiveRule = (model, ctx) => {
  const { elements } = model;
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index]!;
    if (!element.known || element.type !== 'Input.Text') continue;
    const regex = propertyValue(element.node, 'regex');
    if (regex === undefined || regex.type === 'null') continue;
    if (regex.type !== 'string') {
      ctx.report('AM062', regex, `"regex" must be a string holding a regular expression, not ${describeValue(regex)}.`);
      continue;
    }
    try {
      new RegExp(regex.value as string);
    } catch (error) {
      ctx.report('AM062', regex, `"regex" is not a valid ECMAScript regular expression (${(error as Error).message}): fix the pattern, e.g. balance its parentheses and brackets.`);
    }
  }
};

type Requirement = 'string' | 'array' | 'nonEmptyArray' | 'present';

/** The required properties of docs/rules.md § AM063; Image.url only needs to be there, AM070 judges its value. */
const REQUIRED: Readonly<Record<string, readonly [string, Requirement]>> = {
  TextBlock: ['text', 'string'],
  Image: ['url', 'present'],
  Container: ['items', 'array'],
  FactSet: ['facts', 'array'],
  ImageSet: ['images', 'array'],
  ActionSet: ['actions', 'array'],
  'Input.Toggle': ['title', 'string'],
  'Input.ChoiceSet': ['choices', 'nonEmptyArray'],
  Media: ['sources', 'array'],
  RichTextBlock: ['inlines', 'array'],
};

const REQUIREMENT_TEXT: Record<Requirement, string> = {
  string: 'a non-empty string',
  array: 'an array',
  nonEmptyArray: 'a non-empty array',
  present: 'an image URL',
};

function meets(value: JsonNode | undefined, requirement: Requirement): boolean {
  switch (requirement) {
    case 'string': return isNonEmptyString(value);
    case 'array': return value?.type === 'array';
    case 'nonEmptyArray': return value?.type === 'array' && arrayItems(value).length > 0;
    case 'present': return value !== undefined && value.type !== 'null';
  }
}

/** Facts and choices: objects with non-empty string `title` and `value`. */
function checkTitleValueItems(ctx: RuleContext, array: JsonNode, itemName: string): void {
  const items = arrayItems(array);
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    if (item.type !== 'object') {
      ctx.report('AM063', item, `Each ${itemName} must be an object with string "title" and "value", not ${describeValue(item)}.`);
      continue;
    }
    checkTitleValueItemPart(ctx, item, itemName, 'title');
    checkTitleValueItemPart(ctx, item, itemName, 'value');
  }
}

function checkTitleValueItemPart(ctx: RuleContext, item: JsonNode, itemName: string, name: 'title' | 'value'): void {
  const value = propertyValue(item, name);
  if (isNonEmptyString(value)) return;
  const absent = value === undefined || value.type === 'null';
  ctx.report('AM063', absent ? item : value!, `This ${itemName} needs "${name}" as a non-empty string${absent ? '' : `, not ${describeValue(value!)}`}.`);
}

const checkRequiredProperties: AdaptiveRule = (model, ctx) => {
  const { elements } = model;
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index]!;
    const required = element.known && element.type !== undefined ? REQUIRED[element.type] : undefined;
    if (required === undefined) continue;
    const name = required[0];
    const requirement = required[1];
    const value = propertyValue(element.node, name);
    if (!meets(value, requirement)) {
      const absent = value === undefined || value.type === 'null';
      const wanted = `${element.type} requires "${name}" as ${REQUIREMENT_TEXT[requirement]}`;
      ctx.report('AM063', absent ? typeNodeOf(element.node) : value!,
        absent ? `${wanted}: add it, or the element is dropped.`
        : requirement === 'nonEmptyArray' && value!.type === 'array' ? `${wanted}, and this one is empty: add at least one item, or the element is dropped.`
        : `${wanted}, not ${describeValue(value!)}: correct it, or the element is dropped.`);
      continue;
    }
    if (element.type === 'FactSet') checkTitleValueItems(ctx, value!, 'fact');
    if (element.type === 'Input.ChoiceSet') checkTitleValueItems(ctx, value!, 'choice');
  }
};

/** docs/rules.md § AM064: in cards of version 1.3 and later; below, AM022 reports the `isRequired` itself. */
const checkRequiredInputLabels: AdaptiveRule = (model, ctx) => {
  if (model.version === undefined || compareVersion(model.version, 1, 3) < 0) return;
  const { elements } = model;
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index]!;
    if (!element.known || !SUPPORTED_INPUT_TYPES.has(element.type!)) continue;
    const isRequired = propertyValue(element.node, 'isRequired');
    if (isRequired?.type !== 'boolean' || isRequired.value !== true) continue;
    if (isNonEmptyString(propertyValue(element.node, 'label'))) continue;
    ctx.report('AM064', typeNodeOf(element.node),
      `This required ${element.type} has no "label": add one, so users see what to fill in and that it is required.`);
  }
};

export const inputRules: readonly AdaptiveRule[] = [checkInputIds, checkDuplicateIds, checkRegex, checkRequiredProperties, checkRequiredInputLabels];
