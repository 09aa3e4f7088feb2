// Writes dist/amcard-config.schema.json, the JSON schema of an `amcard lint --config` file, from what the file takes:
// the VS Code settings of package.json named by LINT_CONFIG_KEYS, and, for "rules", one property per rule id of the
// catalog with its title. package.json's contributes.jsonValidation gives the schema to amcard.json and
// *.amcard.json, so such a file gets completion, hover and validation in VS Code. Run after tsc (it reads out/).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const { LINT_CONFIG_KEYS } = require(path.join(root, 'out/server/src/settings/read-settings.js'));
const { RULES } = require(path.join(root, 'out/server/src/rules/catalog.js'));
const outputPath = path.join(root, 'dist/amcard-config.schema.json');

const settings = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).contributes.configuration.properties;

/** The settings say where globs are read from in the editor; in a config file they are read from the file's folder. */
function forConfigFile(key, description) {
  const workspaceRelative = '(relative to the workspace folder)';
  if (key !== 'files' && key !== 'responseFiles') return description;
  if (!description.includes(workspaceRelative)) throw new Error(`config-schema: the description of actionableMessages.${key} no longer says "${workspaceRelative}"; update ${path.relative(root, import.meta.filename)}.`);
  return description.replace(workspaceRelative, '(relative to the folder of this config file)');
}

/** "rules" as the setting has it, with each rule id spelled out, so completion offers the ids and hover their titles. */
function rulesSchema(setting) {
  const [severity] = Object.values(setting.patternProperties);
  const properties = Object.fromEntries(Object.entries(RULES).map(([id, { severity: byDefault, title }]) => [
    id, { ...severity, markdownDescription: `${title}. Default: \`${byDefault}\`.` },
  ]));
  const { patternProperties: _, ...rest } = setting;
  return { ...rest, properties, additionalProperties: false };
}

const properties = {
  $schema: { type: 'string', description: 'The address of this JSON schema, for editors; amcard passes over it.' },
};
for (const key of LINT_CONFIG_KEYS) {
  const setting = settings[`actionableMessages.${key}`];
  if (setting === undefined) throw new Error(`config-schema: package.json has no setting actionableMessages.${key}.`);
  const { scope: _, markdownDescription, ...schema } = key === 'rules' ? rulesSchema(setting) : setting;
  properties[key] = { ...schema, markdownDescription: forConfigFile(key, markdownDescription) };
}

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'amcard lint --config file',
  description: 'How amcard lint checks cards: the actionableMessages settings of VS Code that it takes, as keys of one JSON object. Flags on the command line win over it.',
  type: 'object',
  properties,
  additionalProperties: false,
};
mkdirSync(path.dirname(outputPath), { recursive: true });
writeFileSync(outputPath, `${JSON.stringify(schema, null, 2)}\n`);
console.log(`config-schema: ${path.relative(root, outputPath)}`);
