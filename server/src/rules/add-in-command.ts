// docs/rules.md § "Outlook actions, refresh and Action.OpenUrl", AM050–AM052, shared by Action.InvokeAddInCommand
// (Adaptive Card) and the legacy InvokeAddInCommand.
import { describeValue, isGuid, isMissing, type JsonNode, presentValue, propertyValue } from '../card';
import type { RuleContext } from './context';

const REQUIRED_IDS = [
  { name: 'addInId', meaning: 'the add-in\'s id (the <Id> of its XML manifest, or "id" of its unified manifest)' },
  { name: 'desktopCommandId', meaning: 'the id of the add-in button that opens the task pane (its manifest <Control> id)' },
] as const;

/**
 * Checks one add-in command action. `typeNode` is where whole-action problems go (the `type` or `@type` value),
 * `typeName` how messages name the action.
 */
export function checkAddInCommand(action: JsonNode, typeNode: JsonNode, typeName: string, ctx: RuleContext): void {
  const missing = REQUIRED_IDS.filter(({ name }) => isMissing(propertyValue(action, name)));
  if (missing.length > 0) {
    const names = missing.map(({ name }) => `"${name}"`).join(' and ');
    const how = missing.map(({ name, meaning }) => `"${name}" is ${meaning}`).join('; ');
    ctx.report('AM050', typeNode, `${typeName} needs ${names}; without ${missing.length > 1 ? 'them' : 'it'} Outlook cannot start the add-in. ${how}.`);
  }

  const desktopCommandId = presentValue(action, 'desktopCommandId');
  if (desktopCommandId !== undefined && desktopCommandId.type !== 'string') {
    ctx.report('AM050', desktopCommandId, `"desktopCommandId" must be a string (the manifest id of the add-in button), not ${describeValue(desktopCommandId)}.`);
  }

  const addInId = presentValue(action, 'addInId');
  if (addInId !== undefined && !isMissing(addInId) && !(addInId.type === 'string' && isGuid(addInId.value as string))) {
    ctx.report('AM051', addInId, `"addInId" must be the add-in's GUID (the <Id> of its manifest, like 0e6b9f21-c4d8-47a3-9b5e-8f2a1d6c3e70), not ${describeValue(addInId)}.`);
  }

  const initializationContext = presentValue(action, 'initializationContext');
  if (initializationContext !== undefined && initializationContext.type !== 'object') {
    const quotedJson = initializationContext.type === 'string' && /^\s*\{[\s\S]*\}\s*$/.test(initializationContext.value as string)
      ? ' Write the object itself, not a string containing it: remove the quotes and escapes.' : '';
    ctx.report('AM052', initializationContext, `"initializationContext" must be a JSON object (it is passed to the add-in as is), not ${describeValue(initializationContext)}.${quotedJson}`);
  }
}
