// Signed cards: RSA keys in every format the dashboard and openssl use, signing (RS256 JWS with Outlook's claims) and
// verifying. Imports card/, rules/ and email/.
export { KeyFileError, PRIVATE_KEY_FILE_MODE, PUBLIC_KEY_FILE_MODE, writeKeyFile } from './key-file';
export {
  KeyFormatError, generateKeyPair, readKey, readPrivateKey, readPublicKey, writePrivateKey, writePublicKey,
  type KeyFormat
} from './rsa-keys';
export { SigningInputError, buildSignedCardPayload, signCard, signPayload } from './sign';
export { decodeSignedCard, type DecodeProblem, type DecodedSignedCard } from './verify';
