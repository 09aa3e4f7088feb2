import type { KeyObject } from 'crypto';
import * as vscode from 'vscode';
import { readDecodeInput } from '../../../server/src/email';
import { CARD_LANGUAGE_ID } from '../../../server/src/language';
import { type DecodedSignedCard, decodeSignedCard } from '../../../server/src/signing';
import { type Finding, validateText } from '../../../server/src/rules';
import { UserFacingError } from './command-runner';
import { showNamedUntitled, showUntitled } from './editor-documents';
import { loadPublicKeys } from './signing-keys';
import { configuredPublicKeyEntries, configuredSender, serviceSettingsFor } from './signing-settings';

export const DECODE_JWS_COMMAND = 'actionableMessages.decodeJws';

const COMPACT_JWS = /^[A-Za-z0-9_=+/-]*\.[A-Za-z0-9_=+/-]*\.[A-Za-z0-9_=+/-]*$/;
const EMAIL_MARKERS = /<html|<script|itemtype\s*=|SignedAdaptiveCard|SignedMessageCard|^MIME-Version:|^Content-Type:/im;

/** Arguments for scripts and tests: the text to decode (a JWS or a whole email), instead of selection/clipboard/prompt. */
export interface DecodeJwsOptions {
  readonly text: string;
}

export interface DecodedCardResult {
  readonly origin: 'jws' | 'script' | 'signed';
  /** true valid, false invalid, null not checked (no public key), undefined for unsigned (script) cards. */
  readonly verified: boolean | null | undefined;
  readonly problems: string[];
  readonly cardDocument: vscode.Uri | undefined;
}

export interface DecodeJwsResult {
  readonly report: vscode.Uri;
  readonly cards: DecodedCardResult[];
}

function looksLikeJws(text: string): boolean {
  return COMPACT_JWS.test(text.trim()) && text.trim().length > 10;
}

function looksLikeEmail(text: string): boolean {
  return EMAIL_MARKERS.test(text);
}

/** The text to decode: the selection, else the clipboard when it holds a JWS or an email, else what the user types. */
async function inputText(): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
  if (selected.trim()) return selected;
  const clipboard = await vscode.env.clipboard.readText();
  if (looksLikeJws(clipboard) || looksLikeEmail(clipboard)) return clipboard;
  return vscode.window.showInputBox({
    title: 'Decode JWS',
    prompt: 'A signed card (compact JWS: header.payload.signature); select an email\'s text, or copy it, to decode all of its cards',
    ignoreFocusOut: true,
  });
}

function markdownCell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function claimValue(name: string, value: unknown): string {
  if (name === 'iat' && typeof value === 'number' && Number.isFinite(value)) {
    const date = new Date(value * 1000);
    return `\`${value}\` (${Number.isNaN(date.getTime()) ? 'not a date' : date.toISOString()})`;
  }
  if ((name === 'adaptiveCardSerialized' || name === 'messageCardSerialized') && typeof value === 'string') {
    return `the serialized card, ${value.length} characters (opened in its own editor)`;
  }
  return `\`${markdownCell(typeof value === 'string' ? value : JSON.stringify(value))}\``;
}

function findingLine(finding: Finding): string {
  return `${finding.rule} (${finding.severity}): ${finding.message}`;
}

function verdictOf(decoded: DecodedSignedCard, keyCount: number): string {
  if (decoded.verified === true) return `**valid**: the RS256 signature matches one of the ${keyCount} configured public key${keyCount === 1 ? '' : 's'}.`;
  if (decoded.verified === null) return '**not checked**: no public key is configured (actionableMessages.signing.publicKeys).';
  const why = decoded.problems.filter((problem) => problem.code.startsWith('jws-')).map((problem) => problem.message).join(' ');
  return `**invalid**: ${why || 'the signature does not verify.'}`;
}

function prettyCard(cardText: string): string {
  try {
    return `${JSON.stringify(JSON.parse(cardText), null, 2)}\n`;
  } catch {
    return cardText;
  }
}

async function openCard(cardText: string): Promise<vscode.Uri> {
  return (await showNamedUntitled('decoded-card', '.card.json', prettyCard(cardText), CARD_LANGUAGE_ID)).uri;
}

interface Section {
  readonly markdown: string[];
  readonly result: DecodedCardResult;
}

async function decodeToken(token: string, origin: 'jws' | 'signed', publicKeys: readonly KeyObject[], resource: vscode.Uri | undefined): Promise<Section> {
  // The decoder runs the signed-card rules (AM090-AM095 and the inner card's) on the payload itself.
  const decoded = await decodeSignedCard(token, { publicKeys, sender: configuredSender(resource) });
  const problems = decoded.problems.map((problem) => `${problem.code} (${problem.severity}): ${problem.message}`);
  const cardDocument = decoded.cardText === undefined ? undefined : await openCard(decoded.cardText);
  const markdown = [
    `Verification: ${verdictOf(decoded, publicKeys.length)}`,
    '',
    cardDocument ? `Inner card (${decoded.cardKind === 'messageCard' ? 'MessageCard' : 'Adaptive Card'}): opened as \`${cardDocument.path}\`.` : 'No inner card could be read from the payload.',
    '',
    '### Header',
    '',
    '```json',
    JSON.stringify(decoded.header, null, 2),
    '```',
    '',
    '### Claims',
    '',
    '| Claim | Value |',
    '|---|---|',
    ...Object.entries(decoded.payload).map(([name, value]) => `| ${markdownCell(name)} | ${claimValue(name, value)} |`),
    '',
    '### Problems',
    '',
    ...(problems.length > 0 ? problems.map((problem) => `- ${problem}`) : ['None.']),
  ];
  return { markdown, result: { origin, verified: decoded.verified, problems, cardDocument } };
}

async function scriptCard(cardText: string, mediaType: string | undefined, resource: vscode.Uri | undefined): Promise<Section> {
  const problems = validateText(cardText, serviceSettingsFor(resource)).findings.map(findingLine);
  const cardDocument = await openCard(cardText);
  const markdown = [
    `Unsigned card from \`<script type="${mediaType ?? 'application/adaptivecard+json'}">\`: nothing to verify.`,
    '',
    `Card: opened as \`${cardDocument.path}\`.`,
    '',
    '### Problems',
    '',
    ...(problems.length > 0 ? problems.map((problem) => `- ${problem}`) : ['None.']),
  ];
  return { markdown, result: { origin: 'script', verified: undefined, problems, cardDocument } };
}

/** "Decode JWS": a compact JWS, or every card of an email (HTML or .eml), reported in a new markdown editor. */
export async function decodeJws(argument: unknown): Promise<DecodeJwsResult | undefined> {
  let text: string | undefined;
  if (argument instanceof vscode.Uri) text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(argument));
  else if (argument && typeof (argument as DecodeJwsOptions).text === 'string') text = (argument as DecodeJwsOptions).text;
  else text = await inputText();
  if (text === undefined) return undefined;
  const read = readDecodeInput(text);
  if (read.kind === 'problem') {
    throw new UserFacingError(`${argument instanceof vscode.Uri ? vscode.workspace.asRelativePath(argument, false) : 'The text'} ${read.message}`);
  }
  const resource = argument instanceof vscode.Uri ? argument : vscode.window.activeTextEditor?.document.uri;
  const publicKeys = configuredPublicKeyEntries(resource).length > 0 ? await loadPublicKeys(resource) : [];

  const sections: { title: string; section: Section }[] = [];
  if (read.kind === 'email') {
    for (const [index, card] of read.cards.entries()) {
      const where = `Card ${index + 1} of ${read.cards.length}: ${card.kind === 'signed' ? 'signed-card section' : 'script'}`;
      const section = card.kind === 'signed'
        ? await decodeToken(card.text, 'signed', publicKeys, resource)
        : await scriptCard(card.text, card.mediaType, resource);
      sections.push({ title: where, section });
    }
  } else {
    const title = read.kind === 'envelope' ? 'Signed-card envelope (JSON-LD)' : 'Signed card (JWS)';
    sections.push({ title, section: await decodeToken(read.token, 'jws', publicKeys, resource) });
  }
  const report = sections.flatMap(({ title, section }) => [`## ${title}`, '', ...section.markdown, '']);
  const reportDocument = await showUntitled(['# Decoded signed card', '', ...report].join('\n'), 'markdown');
  return { report: reportDocument.uri, cards: sections.map(({ section }) => section.result) };
}
