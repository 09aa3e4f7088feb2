// The card schema as the schema check validates it, and the ajv instance that compiles it: used by compile-schema.mjs
// (ajv's standalone code, ahead of time) and by the unit test that holds the compiled code to plain ajv.
//
// The schema serves completion and hover as written. For validation it is adjusted (forValidation):
//   - a subschema marked "x-rule" loses its assertions (type, enum, const, required, ...): the named Outlook rule
//     owns that value, and the schema check must not report it a second time; subschemas below it stay;
//   - string enums are compared case-insensitively, as Adaptive Card renderers parse them ("enumIgnoreCase");
//   - null is accepted wherever a type is asserted: an Outlook card treats a null property as absent
//     (docs/rules.md § "Conventions").
// Then, for speed only (withTypeCases), an "allOf" of `if "type" is X then S` items becomes one "typeCases" keyword.
import Ajv from 'ajv';
import { _, and } from 'ajv/dist/compile/codegen/index.js';

const ANNOTATIONS = ['markdownDescription', 'markdownEnumDescriptions', 'x-rule', 'x-since', 'x-until'];
const ASSERTIONS = ['type', 'enum', 'const', 'required', 'pattern', 'format', 'minItems', 'maxItems', 'minLength', 'maxLength', 'minimum', 'maximum'];
const SCHEMA_MAPS = ['properties', 'definitions', 'typeCases'];
const SCHEMA_VALUES = ['items', 'additionalProperties', 'if', 'then', 'else', 'not'];
const SCHEMA_ARRAYS = ['allOf', 'anyOf', 'oneOf'];

/** `schema` with `adjust` applied to it and, first, to every subschema in it (a copy; the input is not changed). */
function mapSchemas(schema, adjust) {
  if (typeof schema !== 'object' || schema === null) return schema;
  const result = { ...schema };
  for (const key of SCHEMA_MAPS) {
    if (result[key]) result[key] = Object.fromEntries(Object.entries(result[key]).map(([name, sub]) => [name, mapSchemas(sub, adjust)]));
  }
  for (const key of SCHEMA_VALUES) if (result[key] !== undefined) result[key] = mapSchemas(result[key], adjust);
  for (const key of SCHEMA_ARRAYS) if (result[key]) result[key] = result[key].map((sub) => mapSchemas(sub, adjust));
  adjust(result);
  return result;
}

/** The schema's assertions as the schema check makes them (see the top of this file). */
export function forValidation(schema) {
  return mapSchemas(schema, (result) => {
    if ('x-rule' in result) for (const keyword of ASSERTIONS) delete result[keyword];
    if (Array.isArray(result.enum) && result.enum.every((value) => typeof value === 'string')) {
      result.enumIgnoreCase = result.enum;
      delete result.enum;
    }
    if (result.type !== undefined) result.type = [...[result.type].flat(), 'null'];
  });
}

/** The `type` an "if" tests when it is exactly {properties: {type: {const: <string>}}, required: ["type"]}. */
function testedType(condition) {
  const keys = (value) => (typeof value === 'object' && value !== null ? Object.keys(value).sort().join() : '');
  if (keys(condition) !== 'properties,required' || JSON.stringify(condition.required) !== '["type"]') return undefined;
  if (keys(condition.properties) !== 'type' || keys(condition.properties.type) !== 'const') return undefined;
  const type = condition.properties.type.const;
  return typeof type === 'string' ? type : undefined;
}

/** {X: S, ...} for an "allOf" made only of {if: <"type" is X>, then: S} items, each X once; otherwise undefined. */
function typeCasesOf(allOf) {
  if (!Array.isArray(allOf) || allOf.length < 2) return undefined;
  const cases = {};
  for (const item of allOf) {
    const type = testedType(item.if);
    if (type === undefined || Object.keys(item).sort().join() !== 'if,then' || Object.hasOwn(cases, type)) return undefined;
    cases[type] = item.then;
  }
  return cases;
}

/**
 * The same assertions with each "allOf" of `if "type" is X then S` items (the schema's Element and Action) as one
 * "typeCases": {X: S, ...}. ajv's code for the "allOf" tries every "if" on every element, and each "if" that fails
 * allocates error objects only to drop them; "typeCases" reads "type" once and applies the one S it names.
 */
export function withTypeCases(schema) {
  return mapSchemas(schema, (result) => {
    const cases = typeCasesOf(result.allOf);
    if (cases === undefined) return;
    delete result.allOf;
    result.typeCases = cases;
  });
}

/**
 * "typeCases": {X: S, ...} gives exactly the errors, in the same order, of the "allOf" it replaces, less the "if"
 * errors that only say a "then" failed (the schema check skips them). An object whose "type" is X gets S, and one
 * whose "type" is none of them nothing, as there only X's "if" holds. A value that is no object meets no "if"
 * condition (both keywords apply to objects only), so every "then" applies to it, in order.
 */
function addTypeCasesKeyword(ajv) {
  ajv.addKeyword({
    keyword: 'typeCases',
    schemaType: 'object',
    code(cxt) {
      const { gen, data, schema } = cxt;
      const valid = gen.name('valid');
      const apply = (type) => {
        const caseCxt = cxt.subschema({ keyword: 'typeCases', schemaProp: type }, valid);
        cxt.ok(valid);
        cxt.mergeEvaluated(caseCxt);
      };
      const types = Object.keys(schema);
      gen.if(_`${data} && typeof ${data} == "object" && !Array.isArray(${data})`);
      const type = gen.const('type', _`${data}.type`);
      types.forEach((name, index) => {
        if (index === 0) gen.if(_`${type} === ${name}`);
        else gen.elseIf(_`${type} === ${name}`);
        apply(name);
      });
      gen.endIf();
      gen.else();
      types.forEach(apply);
      gen.endIf();
    },
  });
}

/** The ajv instance that compiles the validation schema; `code` goes to ajv's options (standalone source for the build). */
export function validationAjv(code = {}) {
  // strictTypes is off because containers are deliberately left untyped: a body item that is not an object is AM032's.
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strictTypes: false, messages: false, code });
  ajv.addVocabulary(ANNOTATIONS);
  ajv.addKeyword({
    keyword: 'enumIgnoreCase',
    type: 'string',
    schemaType: 'array',
    error: { message: 'must be one of the allowed values', params: ({ schemaCode }) => _`{allowedValues: ${schemaCode}}` },
    code(cxt) {
      const lower = cxt.gen.const('lower', _`${cxt.data}.toLowerCase()`);
      cxt.fail(and(...cxt.schema.map((value) => _`${lower} !== ${value.toLowerCase()}`)));
    },
  });
  addTypeCasesKeyword(ajv);
  return ajv;
}
