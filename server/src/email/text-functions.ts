// Adaptive Cards' date and time text functions, `{{DATE(…)}}` and `{{TIME(…)}}`, written out for the readable body of
// an email, where no card renderer runs. The grammar is that of the Adaptive Cards JS renderer (its text formatters)
// and of the rules on learn.microsoft.com/adaptive-cards/authoring-cards/text-features: upper case, no space inside
// the braces or parentheses (one optional space after the comma), an RFC 3339 date-time with seconds and `Z` or
// `±hh:mm`, an optional COMPACT (the default), SHORT or LONG for DATE, and a valid date and time. A token that breaks
// a rule is left as written, as Outlook shows it.
//
// Outlook formats in the reader's locale and time zone, which are unknown when an email is written. So the body uses
// one fixed choice: en-US, the locale of the documentation's examples, and UTC, named after each time ("6:00 AM UTC")
// so that no reader takes it for their local time.

const LOCALE = 'en-US';
const TIME_ZONE = 'UTC';

type DateForm = 'COMPACT' | 'SHORT' | 'LONG';

/** The renderer's options for each form: COMPACT "2/14/2017", SHORT "Tue, Feb 14, 2017", LONG "Tuesday, February 14, 2017". */
const DATE_FORMATS: Readonly<Record<DateForm, Intl.DateTimeFormat>> = {
  COMPACT: new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, year: 'numeric', month: 'numeric', day: 'numeric' }),
  SHORT: new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' }),
  LONG: new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }),
};

/** Hours and minutes, as the renderer shows them: "6:00 AM", here with the zone after it. */
const TIME_FORMAT = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });

const DATE_FORMS: readonly DateForm[] = ['COMPACT', 'SHORT', 'LONG'];

/** `pattern` is a template of the text at `at`: `9` stands for a digit, every other character for itself. */
function fits(text: string, at: number, pattern: string): boolean {
  if (at + pattern.length > text.length) return false;
  for (let index = 0; index < pattern.length; index++) {
    const expected = pattern[index]!;
    const actual = text.charCodeAt(at + index);
    if (expected === '9' ? actual < 48 || actual > 57 : actual !== expected.charCodeAt(0)) return false;
  }
  return true;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

const DATE_TIME = '9999-99-99T99:99:99';

/** The instant of the RFC 3339 date-time at `at` and where it ends, or undefined when there is none or it is invalid. */
function readDateTime(text: string, at: number): { instant: Date; end: number } | undefined {
  if (!fits(text, at, DATE_TIME)) return undefined;
  const zoneAt = at + DATE_TIME.length;
  const end = text[zoneAt] === 'Z' ? zoneAt + 1
    : fits(text, zoneAt, '+99:99') || fits(text, zoneAt, '-99:99') ? zoneAt + 6 : undefined;
  if (end === undefined) return undefined;
  const number = (offset: number, length: number) => Number(text.slice(at + offset, at + offset + length));
  const [year, month, day, hour, minute, second] = [number(0, 4), number(5, 2), number(8, 2), number(11, 2), number(14, 2), number(17, 2)];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  if (end === zoneAt + 6 && (number(20, 2) > 23 || number(23, 2) > 59)) return undefined;
  return { instant: new Date(Date.parse(text.slice(at, end))), end };
}

/** The token starting at `at` (which holds `{{`) written out, and where it ends; undefined when it is not a valid one. */
function readToken(text: string, at: number): { formatted: string; end: number } | undefined {
  const isDate = text.startsWith('{{DATE(', at);
  if (!isDate && !text.startsWith('{{TIME(', at)) return undefined;
  const dateTime = readDateTime(text, at + '{{DATE('.length);
  if (dateTime === undefined) return undefined;
  let position = dateTime.end;
  let form: DateForm = 'COMPACT';
  if (isDate && text[position] === ',') {
    position += text[position + 1] === ' ' ? 2 : 1;
    const named = DATE_FORMS.find((candidate) => text.startsWith(candidate, position));
    if (named === undefined) return undefined;
    form = named;
    position += named.length;
  }
  if (!text.startsWith(')}}', position)) return undefined;
  const formatted = isDate ? DATE_FORMATS[form].format(dateTime.instant) : TIME_FORMAT.format(dateTime.instant);
  return { formatted, end: position + ')}}'.length };
}

/**
 * `text` with each valid `{{DATE(…)}}` and `{{TIME(…)}}` written out (en-US, UTC); anything else as written. One pass
 * from left to right: each `{{` is looked at once, and a token is at most a few dozen characters long.
 */
export function formatTextFunctions(text: string): string {
  let result = '';
  let copiedUpTo = 0;
  let at = text.indexOf('{{');
  while (at >= 0) {
    const token = readToken(text, at);
    if (token === undefined) {
      at = text.indexOf('{{', at + 1);
      continue;
    }
    result += text.slice(copiedUpTo, at) + token.formatted;
    copiedUpTo = token.end;
    at = text.indexOf('{{', token.end);
  }
  return result + text.slice(copiedUpTo);
}
