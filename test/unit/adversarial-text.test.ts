// Adversarial text: 100 KB strings built to make a backtracking pattern retry at every character (runs of spaces,
// "<", "![", "@", ".", '"' and "{{", alone and with a tail that makes the match fail at the very end) go into every
// textual slot of every parser that reads user text: the rules (cards, MessageCards, signed payloads, settings), the
// addresses of `amcard eml`, the inputs of `amcard decode` and the Decode JWS command (tokens signed with a real key,
// emails, envelopes) and public key files. Each must cost a small multiple of tokenising the same text, and grow
// linearly: cpu-cost.ts says how costs are judged without a clock. docs/architecture.md § "No user text meets a
// backtracking pattern" is the rule this holds.
import assert from 'node:assert/strict';
import { createSign, generateKeyPairSync } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { InputError } from '../../server/src/card/errors';
import { emlMessage, parseMailbox } from '../../server/src/email/eml';
import { decodeReport } from '../../server/src/signing/decode-report';
import { readKey } from '../../server/src/signing/rsa-keys';
import type { ServiceSettings } from '../../server/src/rules/settings';
import { validateText } from '../../server/src/rules/validate';
import { cpuMsSince, GROWTH_CHECKED_FROM, RUNS_OVER_LIMIT, scanAll, SIXTEENTH_GROWTH_LIMIT } from './cpu-cost';
import { PROVIDER, REALISTIC_CARD } from './fuzz-inputs';

/** The length of each adversarial string; its growth is judged against sixteen strings of a sixteenth of it. */
const SIZE = 100 * 1024;
/**
 * What one run may cost: this many times the parser's cost on an ordinary input (the fixed part: schema, rule set,
 * key import) plus this many times jsonc-parser's scan of the same text. Linear code measured up to 50 scans here
 * (a 100 KB subject is encoded a character at a time, and plain text scans fast); the backtracking patterns this
 * test was written against cost thousands.
 */
const FIXED_ALLOWANCE = 20;
const SCAN_ALLOWANCE = 200;

interface Family {
  readonly name: string;
  /** The adversarial string, about `length` characters long. */
  readonly build: (length: number) => string;
}

/**
 * `unit` repeated to `length` characters and then `tail`, which makes a pattern fail at the very end; after a `head`
 * (a URL's scheme and host, an address's local part, a tag name) when a pattern must get that far first.
 */
function family(name: string, unit: string, tail: string, head = ''): Family {
  return { name, build: (length) => head + unit.repeat(Math.ceil(length / unit.length)) + tail };
}

const FAMILIES: readonly Family[] = [
  family('spaces', ' ', 'x'),
  family('less-than signs', '<', 'x'),
  family('image openers', '![', 'x'),
  family('at signs', '@', ' '),
  family('dots', '.', ' '),
  family('double quotes', '"', 'x'),
  family('token openers', '{{', 'a.value}'),
  family('a tag name and spaces, never closed', ' ', 'x', '<a'),
  family('image openers and an alt text that is never followed by a URL', '![a', ']x'),
  family('an image URL that is never closed', ' ', 'x', '![a]('),
  family('a URL host followed by spaces', ' ', 'x', 'https://a'),
  family('an IPv6 host followed by closing brackets and a line break', ']', '\nx', 'https://['),
  family('an address local part followed by dots', '.', ' ', 'a@'),
  family('a display name of spaces before a ">"', ' ', 'b>', 'a'),
  family('escaped quotes', '\\"', 'x'),
  family('token openers inside a URL', '{{', 'a.value', 'https://a/'),
];

interface Parser {
  readonly name: string;
  /** Runs the parser; an InputError (a message for the user) is an answer, anything else thrown fails the test. */
  readonly parse: (input: string) => unknown;
  /** An ordinary input: what the parser costs on it is its fixed cost. */
  readonly ordinary: string;
  /** Where the adversarial string goes: each slot makes the parser's input from it. */
  readonly slots: readonly Slot[];
}

interface Slot {
  readonly name: string;
  readonly place: (text: string) => string;
}

const SENDER = 'alerts@contoso.example';
const SETTINGS: ServiceSettings = { originator: PROVIDER, sender: SENDER, targetUrls: ['https://api.contoso.example'] };

const adaptiveCard = (extra: Record<string, unknown>): string =>
  JSON.stringify({ type: 'AdaptiveCard', version: '1.0', originator: PROVIDER, body: [{ type: 'TextBlock', text: 'Hi' }], ...extra });
const withAction = (action: Record<string, unknown>): string => adaptiveCard({ actions: [{ title: 'Go', ...action }] });
const httpAction = (extra: Record<string, unknown>): Record<string, unknown> =>
  ({ type: 'Action.Http', method: 'POST', url: 'https://api.contoso.example/go', body: '{}', ...extra });

/** The adversarial string in every textual slot of an Adaptive Card, one slot per card. */
const CARD_SLOTS: readonly Slot[] = [
  { name: 'the whole document', place: (s) => s },
  { name: 'a JSON string document', place: (s) => JSON.stringify(s) },
  { name: 'Action.OpenUrl url', place: (s) => withAction({ type: 'Action.OpenUrl', url: s }) },
  { name: 'Action.Http url', place: (s) => withAction(httpAction({ url: s })) },
  { name: 'Action.Http body', place: (s) => withAction(httpAction({ body: s })) },
  { name: 'Action.Http method', place: (s) => withAction(httpAction({ method: s })) },
  { name: 'Action.Http header name and value', place: (s) => withAction(httpAction({ headers: [{ name: s, value: s }] })) },
  { name: 'action title and iconUrl', place: (s) => withAction({ type: 'Action.OpenUrl', url: 'https://contoso.example', title: s, iconUrl: s }) },
  { name: 'Action.Execute verb and data', place: (s) => JSON.stringify({ type: 'AdaptiveCard', version: '1.4', originator: PROVIDER, body: [], actions: [{ type: 'Action.Execute', title: 'Go', verb: s, data: s }] }) },
  { name: 'Action.InvokeAddInCommand', place: (s) => withAction({ type: 'Action.InvokeAddInCommand', addInId: s, desktopCommandId: s, initializationContext: s }) },
  { name: 'Action.ToggleVisibility targets', place: (s) => withAction({ type: 'Action.ToggleVisibility', targetElements: [s, { elementId: s }] }) },
  { name: 'Image url', place: (s) => adaptiveCard({ body: [{ type: 'Image', url: s }] }) },
  { name: 'Image size and colour', place: (s) => adaptiveCard({ body: [{ type: 'Image', url: 'https://contoso.example/a.png', width: s, height: s, backgroundColor: s }] }) },
  { name: 'Column width', place: (s) => adaptiveCard({ body: [{ type: 'ColumnSet', columns: [{ type: 'Column', width: s, items: [] }] }] }) },
  { name: 'backgroundImage', place: (s) => adaptiveCard({ backgroundImage: s }) },
  { name: 'TextBlock text', place: (s) => adaptiveCard({ body: [{ type: 'TextBlock', text: s }] }) },
  { name: 'RichTextBlock TextRun and its link', place: (s) => JSON.stringify({ type: 'AdaptiveCard', version: '1.2', originator: PROVIDER, body: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: s, selectAction: { type: 'Action.OpenUrl', url: s } }] }] }) },
  { name: 'expectedActors entry', place: (s) => adaptiveCard({ expectedActors: [s] }) },
  { name: 'originator', place: (s) => adaptiveCard({ originator: s }) },
  { name: 'correlationId, fallbackText and hideOriginalBody', place: (s) => adaptiveCard({ correlationId: s, fallbackText: s, hideOriginalBody: s }) },
  { name: 'version', place: (s) => adaptiveCard({ version: s }) },
  { name: '$schema', place: (s) => adaptiveCard({ $schema: s }) },
  { name: 'element and input ids', place: (s) => adaptiveCard({ body: [{ type: 'TextBlock', id: s, text: 'x' }, { type: 'Input.Text', id: s }, { type: 'Input.Text', id: `${s}x` }] }) },
  { name: 'Input.Text regex', place: (s) => JSON.stringify({ type: 'AdaptiveCard', version: '1.3', originator: PROVIDER, body: [{ type: 'Input.Text', id: 'a', label: 'A', regex: s, errorMessage: s }] }) },
  { name: 'an element type and a property name', place: (s) => adaptiveCard({ body: [{ type: s }, { type: 'TextBlock', text: 'x', [s]: s }] }) },
];

/** A MessageCard with `extra` replacing its own properties. */
const messageCard = (extra: Record<string, unknown>): string => JSON.stringify({
  '@type': 'MessageCard', '@context': 'https://schema.org/extensions', summary: 'Expenses', originator: PROVIDER, ...extra,
});
const httpPost = (extra: Record<string, unknown>): string =>
  messageCard({ potentialAction: [{ '@type': 'HttpPOST', name: 'Approve', target: 'https://api.contoso.example/approve', body: '{}', ...extra }] });

/** A well-formed signed-card payload, with `claims` replacing its own. */
const signedPayload = (claims: Record<string, unknown>): string => JSON.stringify({
  sender: SENDER, originator: PROVIDER, iat: 1, recipientsSerialized: JSON.stringify([SENDER]), adaptiveCardSerialized: adaptiveCard({}), ...claims,
});

const MESSAGE_AND_SIGNED_CARD_SLOTS: readonly Slot[] = [
  { name: 'MessageCard @context', place: (s) => messageCard({ '@context': s }) },
  { name: 'MessageCard summary, title, text and themeColor', place: (s) => messageCard({ summary: s, title: s, text: s, themeColor: s }) },
  { name: 'MessageCard originator', place: (s) => messageCard({ originator: s }) },
  { name: 'MessageCard section', place: (s) => messageCard({ sections: [{ activityTitle: s, text: s }] }) },
  { name: 'MessageCard OpenUri target', place: (s) => messageCard({ potentialAction: [{ '@type': 'OpenUri', name: s, targets: [{ os: 'default', uri: s }] }] }) },
  { name: 'MessageCard HttpPOST target and body', place: (s) => httpPost({ target: s, body: s }) },
  { name: 'MessageCard HttpPOST headers', place: (s) => httpPost({ headers: [{ name: s, value: s }] }) },
  { name: 'signed payload claims and its card', place: (s) => signedPayload({ sender: s, recipientsSerialized: JSON.stringify([s]), adaptiveCardSerialized: withAction({ type: 'Action.OpenUrl', url: s }) }) },
  { name: 'signed payload with text for recipientsSerialized and the card', place: (s) => signedPayload({ recipientsSerialized: s, adaptiveCardSerialized: s }) },
  { name: 'signed-card envelope token', place: (s) => JSON.stringify({ '@context': 'http://schema.org/extensions', '@type': 'SignedAdaptiveCard', signedAdaptiveCard: s }) },
];

/** A card with an image and both kinds of action URL, checked against settings that carry the string. */
const CARD_WITH_URLS = adaptiveCard({
  body: [{ type: 'Image', url: 'https://contoso.example/a.png' }],
  actions: [{ title: 'Send', ...httpAction({}) }, { type: 'Action.OpenUrl', title: 'Open', url: 'https://contoso.example/' }],
});

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PUBLIC_KEY_PEM = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** An RS256 compact JWS of `payload`, signed with the test key: a token `amcard decode --key` calls valid. */
function signedToken(payload: string): string {
  const signingInput = `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(payload).toString('base64url')}`;
  return `${signingInput}.${createSign('RSA-SHA256').update(signingInput).sign(keys.privateKey).toString('base64url')}`;
}

const PARSERS: readonly Parser[] = [
  {
    name: 'the rules (validateText) on cards',
    parse: (text) => validateText(text, SETTINGS),
    ordinary: REALISTIC_CARD,
    slots: CARD_SLOTS,
  },
  {
    name: 'the rules (validateText) on MessageCards and signed cards',
    parse: (text) => validateText(text, SETTINGS),
    ordinary: REALISTIC_CARD,
    slots: MESSAGE_AND_SIGNED_CARD_SLOTS,
  },
  {
    name: 'the rules (validateText) with the string as the settings',
    parse: (text) => validateText(CARD_WITH_URLS, { originator: text, sender: text, targetUrls: [text, `https://${text}`] }),
    ordinary: SENDER,
    slots: [{ name: 'sender, originator and target URLs', place: (s) => s }],
  },
  {
    name: 'amcard eml addresses (parseMailbox)',
    parse: (text) => parseMailbox(text, 'The From address'),
    ordinary: 'Ana Lima <ana@contoso.example>',
    slots: [
      { name: 'the address', place: (s) => s },
      { name: 'a display name', place: (s) => `${s} <ana@contoso.example>` },
      { name: 'a quoted display name', place: (s) => `"${s}" <ana@contoso.example>` },
      { name: 'an address in angle brackets', place: (s) => `Ana <${s}>` },
      { name: 'after a name, before a final ">"', place: (s) => `Ana${s}>` },
      { name: 'the local part', place: (s) => `${s}@contoso.example` },
      { name: 'the domain', place: (s) => `ana@${s}` },
    ],
  },
  {
    name: 'amcard eml message (emlMessage)',
    parse: (text) => emlMessage({ from: SENDER, to: [SENDER], subject: text, html: text }),
    ordinary: 'Expense report #4711',
    slots: [{ name: 'the subject and the HTML', place: (s) => s }],
  },
  {
    name: 'amcard decode and Decode JWS (decodeReport, with a key)',
    parse: (text) => decodeReport({ text }, { publicKeys: [keys.publicKey], settings: { sender: SENDER } }),
    ordinary: signedToken(signedPayload({})),
    slots: [
      { name: 'the text', place: (s) => s },
      { name: 'the payload segment', place: (s) => `eyJhbGciOiJSUzI1NiJ9.${s}.` },
      { name: 'a base64url payload that is not JSON, and a bad last character', place: (s) => `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(s).toString('base64url')}.AAAA!` },
      { name: 'an HTML email', place: (s) => `<html><body>${s}<script type="application/adaptivecard+json">${s}</script></body></html>` },
      { name: 'a MIME message', place: (s) => `MIME-Version: 1.0\r\nContent-Type: text/html\r\nSubject: ${s}\r\n\r\n<p>${s}</p>` },
      { name: 'a signed-card envelope', place: (s) => JSON.stringify({ '@type': 'SignedAdaptiveCard', signedAdaptiveCard: s }) },
      // One place per token, so that a token stays under the decoder's limit of 256 KiB (but for escaped quotes).
      { name: 'the sender claim of a validly signed token', place: (s) => signedToken(signedPayload({ sender: s })) },
      { name: 'the recipients of a validly signed token', place: (s) => signedToken(signedPayload({ recipientsSerialized: JSON.stringify([s]) })) },
      { name: 'a URL in the card of a validly signed token', place: (s) => signedToken(signedPayload({ adaptiveCardSerialized: withAction({ type: 'Action.OpenUrl', url: s }) })) },
      { name: 'the text in the card of a validly signed token', place: (s) => signedToken(signedPayload({ adaptiveCardSerialized: adaptiveCard({ body: [{ type: 'TextBlock', text: s }] }) })) },
    ],
  },
  {
    name: 'key files (readKey)',
    parse: (text) => readKey(text, 'key.pem'),
    ordinary: PUBLIC_KEY_PEM,
    slots: [
      { name: 'the text', place: (s) => s },
      { name: 'a PEM body', place: (s) => `-----BEGIN PUBLIC KEY-----\n${s}\n-----END PUBLIC KEY-----\n` },
      { name: 'a PEM label', place: (s) => `-----BEGIN ${s}-----\nAAAA\n-----END ${s}-----\n` },
      { name: 'a JWK member', place: (s) => JSON.stringify({ kty: 'RSA', n: s, e: s }) },
      { name: 'an RSAKeyValue part', place: (s) => `<RSAKeyValue><Modulus>${s}</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>` },
      { name: 'an RSAKeyValue attribute', place: (s) => `<RSAKeyValue xmlns="${s}` },
      { name: 'an RSAKeyValue tag', place: (s) => `<RSAKeyValue ${s}>` },
      { name: 'an XML declaration and comment', place: (s) => `<?xml ${s}?><!--${s}` },
    ],
  },
];

/** Runs the parser; a promise is awaited, an InputError is the parser's answer to bad input. */
async function parseOnce(parser: Parser, input: string): Promise<void> {
  try {
    await parser.parse(input);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
  }
}

/** The CPU time of `times` runs of the parser on `input`, measured as one. */
async function cpuMsOf(parser: Parser, input: string, times = 1): Promise<number> {
  const start = process.cpuUsage();
  for (let time = 0; time < times; time++) await parseOnce(parser, input);
  return cpuMsSince(start);
}

/** The floor: jsonc-parser's scan of the same text, the least of three. */
function scanMs(text: string): number {
  let least = Infinity;
  for (let measurement = 0; measurement < 3; measurement++) {
    const start = process.cpuUsage();
    scanAll(text);
    least = Math.min(least, cpuMsSince(start));
  }
  return least;
}

const fixedCosts = new Map<Parser, number>();
/** The median CPU time of the parser on its ordinary input, once warmed up. */
async function fixedCostMs(parser: Parser): Promise<number> {
  let cost = fixedCosts.get(parser);
  if (cost === undefined) {
    const times: number[] = [];
    for (let measurement = 0; measurement < 21; measurement++) times.push(await cpuMsOf(parser, parser.ordinary));
    cost = times.slice(10).sort((a, b) => a - b)[5]!;
    fixedCosts.set(parser, cost);
  }
  return cost;
}

/** The measurement closest to its limit, printed with AMS_ADVERSARIAL_VERBOSE=1. */
let closest = { share: 0, text: '' };
function account(share: number, text: string): void {
  if (share > closest.share) closest = { share, text };
}
after(() => {
  if (process.env.AMS_ADVERSARIAL_VERBOSE === '1') console.log(`closest to a limit (${(100 * closest.share).toFixed(0)} %): ${closest.text}`);
});

/**
 * What is wrong with the cost of the parser on the family's string in the slot, or undefined. Over the budget, or
 * growing past the limit, a measurement is repeated (up to RUNS_OVER_LIMIT) in case a collection inflated it.
 */
async function costProblem(parser: Parser, slot: Slot, family: Family): Promise<string | undefined> {
  const input = slot.place(family.build(SIZE));
  const fixedMs = await fixedCostMs(parser);
  const floorMs = scanMs(input);
  const budgetMs = FIXED_ALLOWANCE * fixedMs + SCAN_ALLOWANCE * floorMs;
  let fullMs = Infinity;
  for (let measurement = 0; measurement < RUNS_OVER_LIMIT && fullMs > budgetMs; measurement++) fullMs = Math.min(fullMs, await cpuMsOf(parser, input));
  const where = `${parser.name}, ${slot.name}, ${family.name}`;
  account(fullMs / budgetMs, `${where}: ${fullMs.toFixed(1)} ms, budget ${budgetMs.toFixed(1)} ms (${(fullMs / floorMs).toFixed(0)} scans)`);
  if (fullMs > budgetMs) {
    return `took ${fullMs.toFixed(1)} ms of CPU on ${input.length} characters; its budget is ${budgetMs.toFixed(1)} ms ` +
      `(${FIXED_ALLOWANCE} × ${fixedMs.toFixed(3)} ms on an ordinary input + ${SCAN_ALLOWANCE} × ${floorMs.toFixed(3)} ms to scan the text)`;
  }
  if (fullMs < GROWTH_CHECKED_FROM * fixedMs) return undefined;
  // Sixteen runs at a sixteenth of the size, measured as one, cost as much as the full-size run: equally noisy.
  const growthLimit = SIXTEENTH_GROWTH_LIMIT / 16;
  const smallMs = await cpuMsOf(parser, slot.place(family.build(SIZE / 16)), 16);
  for (let measurement = 1; measurement < RUNS_OVER_LIMIT && fullMs > growthLimit * smallMs; measurement++) {
    fullMs = Math.min(fullMs, await cpuMsOf(parser, input));
  }
  account(fullMs / (growthLimit * smallMs), `${where}: ${fullMs.toFixed(1)} ms, ${(fullMs / smallMs).toFixed(2)} times sixteen runs at a sixteenth`);
  if (fullMs > growthLimit * smallMs) {
    return `grows faster than linearly: one run on ${input.length} characters took ${fullMs.toFixed(1)} ms of CPU, ` +
      `${(fullMs / smallMs).toFixed(1)} times sixteen runs on a sixteenth of it (${smallMs.toFixed(1)} ms; limit ${growthLimit}, ` +
      `a ${SIXTEENTH_GROWTH_LIMIT}-fold growth per sixteenfold size)`;
  }
  return undefined;
}

for (const parser of PARSERS) {
  describe(`adversarial text: ${parser.name} stays linear`, () => {
    for (const family of FAMILIES) {
      it(`100 KB of ${family.name}`, async () => {
        const problems: string[] = [];
        for (const slot of parser.slots) {
          const problem = await costProblem(parser, slot, family);
          if (problem !== undefined) problems.push(`${slot.name}: ${problem}`);
        }
        assert.deepEqual(problems, []);
      });
    }
  });
}
