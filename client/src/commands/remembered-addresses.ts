// The sender and recipients typed at Sign Card's prompts, kept per workspace (workspaceState) so the next signing
// there asks again for neither. The settings still win over them; the user is offered to save them there too.
import * as vscode from 'vscode';
import { updateSetting } from './signing-settings';

const STATE_KEY = 'actionableMessages.signing.typedAddresses';

export interface TypedAddresses {
  readonly sender?: string;
  readonly recipients?: readonly string[];
}

export const SAVE_ADDRESSES_CHOICE = 'Save to Settings';

export class RememberedAddresses {
  constructor(private readonly workspaceState: vscode.Memento) {}

  get sender(): string | undefined {
    return this.typed.sender;
  }

  get recipients(): readonly string[] | undefined {
    return this.typed.recipients;
  }

  private get typed(): TypedAddresses {
    return this.workspaceState.get<TypedAddresses>(STATE_KEY) ?? {};
  }

  /**
   * Keeps what was just typed, then offers to save it to the settings. Resolves once the offer is answered or
   * dismissed (signing does not wait for it).
   */
  async remember(typed: TypedAddresses): Promise<void> {
    await this.workspaceState.update(STATE_KEY, { ...this.typed, ...typed });
    const what = [typed.sender !== undefined ? 'sender' : undefined, typed.recipients !== undefined ? 'recipients' : undefined]
      .filter((word) => word !== undefined).join(' and ');
    const choice = await vscode.window.showInformationMessage(
      `Sign Card keeps the ${what} you typed for this workspace, so it does not ask again here. Save to the settings too?`,
      SAVE_ADDRESSES_CHOICE);
    if (choice !== SAVE_ADDRESSES_CHOICE) return;
    if (typed.sender !== undefined) await updateSetting('sender', typed.sender);
    if (typed.recipients !== undefined) await updateSetting('recipients', typed.recipients);
  }
}
