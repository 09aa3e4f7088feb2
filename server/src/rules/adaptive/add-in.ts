// docs/rules.md § "Outlook actions, refresh and Action.OpenUrl", AM050–AM052, for Action.InvokeAddInCommand.
import type { AdaptiveRule } from '../context';
import { typeNodeOf } from '../../card';
import { checkAddInCommand } from '../add-in-command';

const checkInvokeAddInCommands: AdaptiveRule = (model, ctx) => {
  const { actions } = model;
  for (let index = 0; index < actions.length; index++) {
    const action = actions[index]!;
    if (action.type !== 'Action.InvokeAddInCommand') continue;
    checkAddInCommand(action.node, typeNodeOf(action.node), 'Action.InvokeAddInCommand', ctx);
  }
};

export const addInRules: readonly AdaptiveRule[] = [checkInvokeAddInCommands];
