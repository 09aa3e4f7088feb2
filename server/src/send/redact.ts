/** `text` (a server's answer) with every secret taken out, so that no message can repeat a password or token. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let redacted = text;
  for (const secret of secrets) if (secret) redacted = redacted.split(secret).join('[redacted]');
  return redacted;
}
