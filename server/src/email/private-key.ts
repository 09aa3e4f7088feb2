// Key material that must never go into an email: the card or body file given may be a key file, or hold one, and
// sending the message would publish the key. The three formats amcard and the extension read and write.

/** A JWK's "kty" member, also inside a JSON string (`\"kty\"`). */
const JWK_KEY_TYPE = /\\?"kty\\?"\s*:/;
/** The member only a private JWK has (RSA, EC and OKP keys alike): "d" with a base64url value. */
const JWK_PRIVATE_MEMBER = /\\?"d\\?"\s*:\s*\\?"[A-Za-z0-9_-]/;

/**
 * What private key `text` holds, if any ("a PEM private key …"), in PEM, RSAKeyValue XML or JWK. No search can
 * backtrack beyond the run of white space after a name it found, so no text makes them slow.
 */
export function privateKeyIn(text: string): string | undefined {
  if (/-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----/.test(text)) return 'a PEM private key ("PRIVATE KEY" block)';
  const xmlKey = text.indexOf('<RSAKeyValue>');
  if (xmlKey !== -1 && text.indexOf('<D>', xmlKey) !== -1) return 'an RSAKeyValue private key (with <D>)';
  if (JWK_KEY_TYPE.test(text) && JWK_PRIVATE_MEMBER.test(text)) return 'a JWK private key (with "d")';
  return undefined;
}
