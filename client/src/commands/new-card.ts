import * as vscode from 'vscode';
import { CARD_TEMPLATES, templateText, type CardTemplate } from './card-templates';
import { CARD_LANGUAGE_ID } from '../../../server/src/language';
import { showNamedUntitled } from './editor-documents';
import { fileNameProblem, freeFileName, newCardFolder } from './new-card-location';
import { configuredOriginator } from './signing-settings';
import { UserFacingError } from './user-facing-error';

/** Arguments that let scripts and tests run the command without prompts. */
export interface NewCardOptions {
  /** A template id of CARD_TEMPLATES. */
  readonly template?: string;
  /** The folder to create the card in (a file's folder when it is a file). */
  readonly folder?: vscode.Uri;
  /** The file name; the suffix of the template is added when the name does not end in ".json". */
  readonly name?: string;
}

export interface NewCardResult {
  readonly uri: string;
}

function optionsOf(argument: unknown): NewCardOptions {
  if (argument instanceof vscode.Uri) return { folder: argument };
  return typeof argument === 'object' && argument !== null ? (argument as NewCardOptions) : {};
}

async function chooseTemplate(id: string | undefined): Promise<CardTemplate | undefined> {
  if (id !== undefined) {
    const template = CARD_TEMPLATES.find((candidate) => candidate.id === id);
    if (!template) throw new UserFacingError(`There is no card template "${id}": use one of ${CARD_TEMPLATES.map((t) => t.id).join(', ')}.`);
    return template;
  }
  const picked = await vscode.window.showQuickPick(
    CARD_TEMPLATES.map((template) => ({ label: template.label, detail: template.detail, template })),
    { title: 'New Actionable Message Card', placeHolder: 'Choose a template', matchOnDetail: true },
  );
  return picked?.template;
}

/** The file name for what was typed: the template's suffix is added unless the name is empty or ends in ".json". */
function fileNameOf(typed: string, suffix: string): string {
  const name = typed.trim();
  return name === '' || name.endsWith('.json') ? name : `${name}${suffix}`;
}

async function chooseName(folder: vscode.Uri, template: CardTemplate, given: string | undefined): Promise<string | undefined> {
  const typed = given ?? await vscode.window.showInputBox({
    title: 'New Actionable Message Card',
    prompt: `File name in ${vscode.workspace.asRelativePath(folder, true)}`,
    value: await freeFileName(folder, template.stem, template.suffix),
    valueSelection: [0, template.stem.length],
    validateInput: (value) => fileNameProblem(folder, fileNameOf(value, template.suffix)),
  });
  return typed === undefined ? undefined : fileNameOf(typed, template.suffix);
}

/** Creates `name` in `folder` holding `text`; refuses, never overwrites, when a file of that name exists (also one created meanwhile). */
async function createFile(folder: vscode.Uri, name: string, text: string): Promise<vscode.Uri> {
  const problem = await fileNameProblem(folder, name);
  if (problem) throw new UserFacingError(`Not created: ${problem}`);
  const uri = vscode.Uri.joinPath(folder, name);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
  const created = await vscode.workspace.applyEdit(edit).then((applied) => applied, () => false);
  if (!created) {
    throw new UserFacingError(`Not created: ${(await fileNameProblem(folder, name)) ?? `${vscode.workspace.asRelativePath(uri)} could not be created.`}`);
  }
  return uri;
}

/**
 * "New Actionable Message Card": a template from a Quick Pick, written to a new file beside the active file (or in
 * the folder a menu passed, or the first workspace folder), or into an untitled editor when no folder is open.
 * The originator comes from actionableMessages.originator; else its placeholder is selected, to be typed over.
 */
export async function newCard(argument: unknown): Promise<NewCardResult | undefined> {
  const options = optionsOf(argument);
  const template = await chooseTemplate(options.template);
  if (!template) return undefined;
  const folder = await newCardFolder(options.folder);
  const { text, placeholder } = templateText(template, configuredOriginator(folder));
  let document: vscode.TextDocument;
  if (folder === undefined) {
    document = await showNamedUntitled(template.stem, template.suffix, text, CARD_LANGUAGE_ID);
  } else {
    const name = await chooseName(folder, template, options.name);
    if (name === undefined) return undefined;
    document = await vscode.workspace.openTextDocument(await createFile(folder, name, text));
  }
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  if (placeholder) {
    const range = new vscode.Range(document.positionAt(placeholder.offset), document.positionAt(placeholder.offset + placeholder.length));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range);
  }
  return { uri: document.uri.toString() };
}
