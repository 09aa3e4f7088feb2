// Signed cards: RSA keys in every format the dashboard and openssl use, signing (RS256 JWS with Outlook's claims) and
// verifying, and the one decode report the Decode JWS command and `amcard decode` render; development action tokens
// and the action token inspector. Imports card/, rules/ and email/.
export { KeyFileError, PRIVATE_KEY_FILE_MODE, PUBLIC_KEY_FILE_MODE, writeKeyFile } from './key-file';
export {
  KeyFormatError, generateKeyPair, readKey, readPrivateKey, readPublicKey, writePrivateKey, writePublicKey,
  type KeyFormat
} from './rsa-keys';
export { SigningInputError, buildSignedCardPayload, signCard, signPayload } from './sign';
export {
  decodeReport, issuedAtOf, type DecodeReport, type DecodeReportOptions, type DecodeSubject, type DecodedCard, type IssuedAt,
  type ScriptEntry, type SignatureVerdict, type SignedEntry, verifiedOf
} from './decode-report';
export { type DecodeProblem } from './verify';
export {
  ACTIONS_APP_ID, DEFAULT_ENTRA_SCOPE, DevelopmentTokenError, LEGACY_ISSUER, TOKEN_SHAPES, baseUrlOf, createDevelopmentKey, developmentJwks,
  developmentTokenClaims, entraIssuer, readDevelopmentKey, serializeDevelopmentKey, signDevelopmentToken, type DevelopmentKey,
  type DevelopmentTokenRequest, type TokenShape
} from './development-token';
export {
  formatInspection, inspectToken, inspectionFails, parseJwks, tokenText, type ClaimVerdict, type TokenExpectations, type TokenInspection,
  type TokenKind, type TokenReading, type VerificationKeys
} from './token-inspector';
