// The check before a card leaves the machine, shared by amcard sign and send: the card's errors, listed as lint lists
// them, stop the command unless --force.
import { type Finding, validateText } from '../rules';
import { STANDARD_INPUT_NAME } from './inputs';
import { formatHuman, locateFindings } from './lint-report';
import { STANDARD_INPUT } from './read-file';

/**
 * The card's error findings. With an originator given for the payload, the card's own missing originator (AM010,
 * AM011) is no error: docs/rules.md § AM091 says the payload's claim satisfies them.
 */
function cardErrors(cardText: string, originator: string | undefined): Finding[] {
  const satisfiedByClaim = originator?.trim() ? ['AM010', 'AM011'] : [];
  return validateText(cardText, { originator }).findings
    .filter((finding) => finding.severity === 'error' && !satisfiedByClaim.includes(finding.rule));
}

export interface CardCheck {
  readonly command: string;
  /** The card file as the user named it (- for standard input). */
  readonly cardFile: string;
  /** The card as it is sent (a template expanded) and the data file it was expanded with. */
  readonly cardText: string;
  readonly dataFileName?: string;
  readonly originator?: string;
  readonly force: boolean;
  /** What the command does, in the message: `sign` gives "not signed" and "signing anyway". */
  readonly verb: { readonly past: string; readonly infinitive: string; readonly progressive: string };
}

/** Lists the card's errors on standard error; true when the command goes on (no errors, or --force). */
export function passesCardCheck({ command, cardFile, cardText, dataFileName, originator, force, verb }: CardCheck): boolean {
  const errors = cardErrors(cardText, originator);
  if (errors.length === 0) return true;
  // A template's findings are those of the card as sent, expanded with its data: their lines are of that text.
  const name = `${cardFile === STANDARD_INPUT ? STANDARD_INPUT_NAME : cardFile}${dataFileName === undefined ? '' : ` expanded with ${dataFileName}`}`;
  process.stderr.write(formatHuman([locateFindings({ name, text: cardText }, errors)]));
  if (!force) {
    process.stderr.write(`amcard ${command}: not ${verb.past}: the card has errors. Fix them, or pass --force to ${verb.infinitive} it anyway.\n`);
    return false;
  }
  process.stderr.write(`amcard ${command}: ${verb.progressive} anyway (--force).\n`);
  return true;
}
