// What a text given to decode holds, for `amcard decode` and the Decode JWS command alike: one compact JWS, a
// JSON-LD signed-card envelope (docs/rules.md § AM095), or an email (HTML or a MIME message) whose every card is
// decoded; any other text is a problem that says what it is not.
import { extractCardsFromEmail, type ExtractedCard } from './extract';
import { MimeMessageError, looksLikeMimeMessage } from './message';
import { decodeCompactJws, signedEnvelopeToken } from '../card';

export type DecodeInput =
  | { readonly kind: 'jws'; readonly token: string }
  | { readonly kind: 'envelope'; readonly token: string }
  | { readonly kind: 'email'; readonly cards: readonly ExtractedCard[] }
  /** `message` completes "<where the text came from> …", e.g. "is empty: …". */
  | { readonly kind: 'problem'; readonly message: string };

const EXPECTED = 'expected a JWS, a signed-card envelope, an HTML email or an .eml message';

/**
 * Text that reads as a compact JWS, whole or damaged: segments separated by dots, of base64url characters or the
 * standard base64 ones a hand-made token slips in (the decoder says what is wrong with those). Anything else, a PEM
 * key or prose, is no JWS at all, and no signature verdict applies to it.
 */
const JWS_LIKE = /^[A-Za-z0-9_+/=-]+(?:\.[A-Za-z0-9_+/=-]*)+$/;

/** The problem of trimmed text that is not JWS_LIKE; a token wrapped over lines is told what to remove. */
function notAJws(trimmed: string): DecodeInput {
  if (decodeCompactJws(trimmed.replace(/\s+/g, '')).ok) {
    return { kind: 'problem', message: 'is not a JWS as it stands: it has line breaks or spaces inside, and a compact JWS (header.payload.signature) has none. Remove them.' };
  }
  return { kind: 'problem', message: `is not a JWS (header.payload.signature: base64url segments separated by dots): ${EXPECTED}.` };
}

function envelopeInput(json: string): DecodeInput {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { kind: 'problem', message: `starts like JSON but does not parse (${(error as Error).message}): ${EXPECTED}.` };
  }
  const token = signedEnvelopeToken(value);
  return token === undefined
    ? { kind: 'problem', message: 'holds JSON but no signed-card envelope with a JWS ("@type": "SignedAdaptiveCard" with a "signedAdaptiveCard" string); card JSON is checked by "amcard lint" and as you type.' }
    : { kind: 'envelope', token };
}

/** What `input` holds; an .eml file is best given as its bytes, which its charsets decode. */
export async function readDecodeInput(input: string | Uint8Array): Promise<DecodeInput> {
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'problem', message: `is empty: ${EXPECTED}.` };
  if (trimmed.startsWith('{')) return envelopeInput(trimmed);
  if (looksLikeMimeMessage(text) || trimmed.includes('<')) {
    let cards: ExtractedCard[];
    try {
      cards = await extractCardsFromEmail(input);
    } catch (error) {
      if (error instanceof MimeMessageError) return { kind: 'problem', message: `is a MIME message that cannot be read: ${error.message}.` };
      throw error;
    }
    return cards.length > 0
      ? { kind: 'email', cards }
      : { kind: 'problem', message: 'has no card: no <script type="application/adaptivecard+json"> or application/ld+json card, and no signedAdaptiveCard or signedMessageCard section.' };
  }
  return JWS_LIKE.test(trimmed) ? { kind: 'jws', token: trimmed } : notAJws(trimmed);
}
