import type * as vscode from 'vscode';

/**
 * SMTP passwords in VS Code's secret storage, one per user, host and port: a password is only ever sent to the server
 * it was typed for, even when the settings later name another server.
 */
export class SmtpPasswords {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  private static keyOf(account: SmtpAccount): string {
    return `actionableMessages.smtpPassword:${account.user}@${account.host}:${account.port}`;
  }

  get(account: SmtpAccount): Thenable<string | undefined> {
    return this.secrets.get(SmtpPasswords.keyOf(account));
  }

  store(account: SmtpAccount, password: string): Thenable<void> {
    return this.secrets.store(SmtpPasswords.keyOf(account), password);
  }

  forget(account: SmtpAccount): Thenable<void> {
    return this.secrets.delete(SmtpPasswords.keyOf(account));
  }
}

export interface SmtpAccount {
  readonly user: string;
  readonly host: string;
  readonly port: number;
}
