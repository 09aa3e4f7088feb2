// docs/rules.md § AM045 and § AM088: the request headers of an Action.Http and of a legacy HttpPOST are one shape,
// an array of {"name", "value"} objects, checked here for both.
import { arrayItems, describeValue, type JsonNode, propertyKeyName, propertyValue } from '../card';
import type { RuleContext } from './context';

function firstKeyOf(object: JsonNode): string | undefined {
  const first = object.children?.[0];
  return first === undefined ? undefined : propertyKeyName(first);
}

/** A key of `object` that is `name` in another case ("Name" for "name"), as written; undefined when there is none. */
function keyInOtherCase(object: JsonNode, name: string): string | undefined {
  const properties = object.children ?? [];
  for (let index = 0; index < properties.length; index++) {
    const key = propertyKeyName(properties[index]!);
    if (key !== undefined && key !== name && key.toLowerCase() === name) return key;
  }
  return undefined;
}

/**
 * Reports under `rule` headers that are not an array, and each entry that is not an object with a non-empty string
 * `name` and a string `value` (an empty value is allowed, e.g. to clear "Authorization"), once for an entry written as
 * {"Content-Type": "x"}. Returns the `value` nodes of the entries that are objects, for the caller's token checks.
 */
export function checkHeaderPairs(headers: JsonNode | undefined, rule: 'AM045' | 'AM088', ctx: RuleContext): JsonNode[] {
  if (headers === undefined || headers.type === 'null') return [];
  if (headers.type !== 'array') {
    const firstKey = headers.type === 'object' ? firstKeyOf(headers) : undefined;
    const example = firstKey === undefined ? '' : `: write [{"name": ${JSON.stringify(firstKey)}, "value": …}, …]`;
    ctx.report(rule, headers, `"headers" must be an array of {"name": …, "value": …} objects, not ${describeValue(headers)}${example}.`);
    return [];
  }
  const values: JsonNode[] = [];
  for (const header of arrayItems(headers)) {
    if (header.type !== 'object') {
      ctx.report(rule, header, `Each header must be an object {"name": "…", "value": "…"}, not ${describeValue(header)}.`);
      continue;
    }
    const name = propertyValue(header, 'name');
    const value = propertyValue(header, 'value');
    const firstKey = firstKeyOf(header);
    const nameInOtherCase = name === undefined ? keyInOtherCase(header, 'name') : undefined;
    const valueInOtherCase = value === undefined ? keyInOtherCase(header, 'value') : undefined;
    if (name === undefined && value === undefined && (nameInOtherCase !== undefined || valueInOtherCase !== undefined)) {
      const written = [nameInOtherCase, valueInOtherCase].filter((key) => key !== undefined).map((key) => JSON.stringify(key)).join(' and ');
      ctx.report(rule, header, `This header's properties are written ${written}: write "name" and "value", in lower case; Outlook reads no other.`);
      continue;
    }
    if (name === undefined && value === undefined && firstKey !== undefined) {
      ctx.report(rule, header, `This header is written as {${JSON.stringify(firstKey)}: …}: write it as {"name": ${JSON.stringify(firstKey)}, "value": "…"}.`);
      continue;
    }
    // Property names are case-sensitive: {"Name": …} is no "name".
    const lowerCase = (written: string | undefined): string => (written === undefined ? '' : ` (in lower case: ${JSON.stringify(written)} is another property)`);
    if (name?.type !== 'string' || (name.value as string).trim() === '') {
      ctx.report(rule, name === undefined ? header : name, `A header needs a non-empty string "name"${name === undefined ? lowerCase(nameInOtherCase) : `, not ${describeValue(name)}`}.`);
    }
    if (value?.type !== 'string') {
      ctx.report(rule, value === undefined ? header : value,
        `A header needs a string "value"${value === undefined ? lowerCase(valueInOtherCase) : `, not ${describeValue(value)}`} (an empty string is allowed, e.g. to clear "Authorization").`);
    }
    if (value !== undefined) values.push(value);
  }
  return values;
}
