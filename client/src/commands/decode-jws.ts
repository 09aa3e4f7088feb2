import * as vscode from 'vscode';
import { CARD_LANGUAGE_ID } from '../../../server/src/language';
import {
  type DecodeProblem, type DecodeSubject, type IssuedAt, type ScriptEntry, type SignatureVerdict, type SignedEntry, decodeReport, verifiedOf
} from '../../../server/src/signing';
import { showNamedUntitled } from './editor-documents';
import { loadPublicKeys } from './signing-keys';
import { serviceSettingsFor } from './signing-settings';
import { UserFacingError } from './user-facing-error';

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

function claimValue(name: string, value: unknown, issuedAt: IssuedAt | undefined): string {
  if (name === 'iat' && issuedAt !== undefined) return `\`${issuedAt.seconds}\` (${issuedAt.date ?? 'not a date'})`;
  if ((name === 'adaptiveCardSerialized' || name === 'messageCardSerialized') && typeof value === 'string') {
    return `the serialized card, ${value.length} characters (opened in its own editor)`;
  }
  return `\`${markdownCell(typeof value === 'string' ? value : JSON.stringify(value))}\``;
}

function problemLine(problem: DecodeProblem): string {
  return `${problem.code} (${problem.severity}): ${problem.message}`;
}

function verdictOf(signature: SignatureVerdict, keyCount: number): string {
  switch (signature.status) {
    case 'valid':
      return `**valid**: the RS256 signature matches one of the ${keyCount} configured public key${keyCount === 1 ? '' : 's'}.`;
    case 'not-checked':
      return '**not checked**: no public key is configured (actionableMessages.signing.publicKeys).';
    case 'invalid':
      return `**invalid**: ${signature.reason}`;
  }
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

function problemsMarkdown(problems: readonly string[]): string[] {
  return ['### Problems', '', ...(problems.length > 0 ? problems.map((problem) => `- ${problem}`) : ['None.'])];
}

async function signedSection(entry: SignedEntry, origin: 'jws' | 'signed', keyCount: number): Promise<Section> {
  const problems = entry.problems.map(problemLine);
  const cardDocument = entry.card === undefined ? undefined : await openCard(entry.card.text);
  const markdown = [
    `Verification: ${verdictOf(entry.signature, keyCount)}`,
    '',
    cardDocument ? `Inner card (${entry.card?.kind === 'messageCard' ? 'MessageCard' : 'Adaptive Card'}): opened as \`${cardDocument.path}\`.` : 'No inner card could be read from the payload.',
    '',
    '### Header',
    '',
    '```json',
    JSON.stringify(entry.header, null, 2),
    '```',
    '',
    '### Claims',
    '',
    '| Claim | Value |',
    '|---|---|',
    ...Object.entries(entry.claims).map(([name, value]) => `| ${markdownCell(name)} | ${claimValue(name, value, entry.issuedAt)} |`),
    '',
    ...problemsMarkdown(problems),
  ];
  return { markdown, result: { origin, verified: verifiedOf(entry.signature), problems, cardDocument } };
}

async function scriptSection(entry: ScriptEntry): Promise<Section> {
  const problems = entry.problems.map(problemLine);
  const cardDocument = await openCard(entry.text);
  const markdown = [
    `Unsigned card from \`<script type="${entry.mediaType ?? 'application/adaptivecard+json'}">\`: nothing to verify.`,
    '',
    `Card: opened as \`${cardDocument.path}\`.`,
    '',
    ...problemsMarkdown(problems),
  ];
  return { markdown, result: { origin: 'script', verified: undefined, problems, cardDocument } };
}

/** "Decode JWS": a compact JWS, or every card of an email (HTML or .eml), reported in a new markdown editor. */
export async function decodeJws(argument: unknown): Promise<DecodeJwsResult | undefined> {
  // A file is decoded from its bytes, so that an .eml's own charsets decide its text.
  let subject: DecodeSubject | undefined;
  if (argument instanceof vscode.Uri) subject = { bytes: await vscode.workspace.fs.readFile(argument) };
  else if (argument && typeof (argument as DecodeJwsOptions).text === 'string') subject = { text: (argument as DecodeJwsOptions).text };
  else {
    const text = await inputText();
    subject = text === undefined ? undefined : { text };
  }
  if (subject === undefined) return undefined;
  const resource = argument instanceof vscode.Uri ? argument : vscode.window.activeTextEditor?.document.uri;
  const report = await decodeReport(subject, { publicKeys: () => loadPublicKeys(resource), settings: serviceSettingsFor(resource) });
  if (report.kind === 'problem') {
    throw new UserFacingError(`${argument instanceof vscode.Uri ? vscode.workspace.asRelativePath(argument, false) : 'The text'} ${report.message}`);
  }

  const sections: { title: string; section: Section }[] = [];
  for (const [index, entry] of report.entries.entries()) {
    const title = report.kind === 'email'
      ? `Card ${index + 1} of ${report.entries.length}: ${entry.kind === 'signed' ? 'signed-card section' : 'script'}`
      : report.kind === 'envelope' ? 'Signed-card envelope (JSON-LD)' : 'Signed card (JWS)';
    const section = entry.kind === 'signed'
      ? await signedSection(entry, report.kind === 'email' ? 'signed' : 'jws', report.keyCount)
      : await scriptSection(entry);
    sections.push({ title, section });
  }
  const markdown = sections.flatMap(({ title, section }) => [`## ${title}`, '', ...section.markdown, '']);
  const reportDocument = await showNamedUntitled('decoded-jws', '.md', ['# Decoded signed card', '', ...markdown].join('\n'), 'markdown');
  return { report: reportDocument.uri, cards: sections.map(({ section }) => section.result) };
}
