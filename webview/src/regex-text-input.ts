// Input.Text as the preview validates it: adaptivecards would run the card's `regex` with the browser's backtracking
// RegExp when an action is clicked and on every keystroke, and one pattern can freeze the page for seconds. This
// input checks its value with input-regex.ts instead, in bounded time. A value the check cannot decide (a
// backreference, a lookaround, a check past its time budget) counts as valid, so the action still runs and shows its
// request; a note under the input and in the action's log entry says that the value was not checked, and why.
import * as Adaptive from 'adaptivecards';
import { element } from './dom';
import { testInputRegex } from './input-regex';

export class RegexBoundedTextInput extends Adaptive.TextInput {
  /** Why the last value validated was not checked against the regex; undefined when it was, or needed no check. */
  notCheckedReason: string | undefined;
  private note: HTMLElement | undefined;

  override isValid(): boolean {
    // as adaptivecards: an empty value, or an input without a regex, is valid
    const verdict = this.value && this.regex ? testInputRegex(this.regex, this.value) : undefined;
    this.showNotChecked(verdict?.kind === 'notChecked' ? verdict.reason : undefined);
    return verdict?.kind !== 'noMatch';
  }

  private showNotChecked(reason: string | undefined): void {
    this.notCheckedReason = reason;
    this.note?.remove();
    this.note = undefined;
    if (reason !== undefined && this.renderedElement) {
      this.note = element('p', { className: 'regex-not-checked', attributes: { role: 'status' } },
        `Not checked against this input's regex: ${reason}. The preview treats the value as valid.`);
      this.renderedElement.append(this.note);
    }
  }
}

/** For the log entry of an action: each of its inputs whose value was not checked, and why. */
export function notCheckedInputs(inputs: readonly Adaptive.Input[]): string[] {
  return inputs.flatMap((input) => input instanceof RegexBoundedTextInput && input.notCheckedReason !== undefined
    ? [`input "${input.id ?? ''}": ${input.notCheckedReason}`]
    : []);
}
