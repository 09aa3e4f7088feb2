// `amcard invoke`: runs one Action.Http of a card against the user's local service, as Outlook would send it (with
// its headers and a development token), and prints the answer (docs/action-tokens.md).
import {
  DEFAULT_ACTION_TIMEOUT_MS, MAX_RESPONSE_BODY_BYTES, formatActionResponse, httpActionsOf, invokeHttpAction, parseTargetPair
} from '../actions';
import { formatHttpRequest, initialInputValues, InputError, isJsonObject, parseJsonText, withGivenValues, type JsonObject } from '../card';
import { TOKEN_SHAPES, type TokenShape } from '../signing';
import { asUsageErrors } from './card-email-options';
import { cardToSend } from './card-to-send';
import { EXIT_FINDINGS, EXIT_OK, UsageError, parseCommandArgs, type Command } from './command';
import { DEFAULT_DEVELOPMENT_KEY_FILE, loadOrCreateDevelopmentKey } from './development-key-file';

const USAGE = `Usage: amcard invoke <card file> --action <id or title> --target <card host>=<local URL> --user <email>
         (--tenant <guid> --audience <app id|URI> | --token-shape legacy) [options]

Sends one Action.Http of the card as Outlook would: the card's method, URL, headers and body with every
{{id.value}} of an input of the card replaced by the input's value (its --input, else the value the card gives
it: its "value", a toggle's valueOn or valueOff, "" when it has none), plus Outlook's headers (Authorization:
Bearer <development token>, or Action-Authorization when the card sets Authorization to ""; Content-Type,
application/json by default; Card-Correlation-Id; a fresh Action-Request-Id). The request goes to the --target
that maps the card URL's host, never to the card's own host. Only loopback targets (127.0.0.1, ::1, localhost)
or URLs listed with --allow are contacted.

The token is a development token, signed by a local development key (not Microsoft's). The key is created on
first use in --dev-key (mode 0600, never printed) with its public JWKS beside it (<name>.jwks.json), which your
service trusts in development.

Options:
  --action <id|title>        The Action.Http to run: its id, or else its title (required when the card has several).
  --input <id>=<value>       An input's value, in place of the value the card gives it (repeatable).
  --target <host>=<url>      Map the card's host to a local URL, e.g. https://api.contoso.com=http://127.0.0.1:7071 (repeatable).
  --allow <url>              Allow a non-loopback target URL (repeatable).
  --token-shape <shape>      ${TOKEN_SHAPES.join(' or ')} (default entra): the claims of the token.
  --user <email>             The acting user (sub, or preferred_username and upn). Required.
  --sender <email>           Legacy: the mail's sender (the sender claim; default the acting user).
  --tenant <guid>            Entra ID: the tenant id. Required with the entra shape (the default).
  --audience <app id|URI>    Entra ID: your service's app id or App ID URI. Required with the entra shape.
  --scope <scope>            Entra ID: the scp claim (default user_impersonation).
  --dev-key <file>           The development key (default ${DEFAULT_DEVELOPMENT_KEY_FILE}).
  --data <file>              Template data, when the card is a template.
  --timeout <ms>             How long to wait for the answer (default ${DEFAULT_ACTION_TIMEOUT_MS}).
  --json                     Print the response envelope {"status", "headers", "body"} as JSON, with
                             "bodyCut" when the body was cut.
  -h, --help                 Show this help.

A response body over ${MAX_RESPONSE_BODY_BYTES / (1024 * 1024)} MiB is cut there, and a last line says so.

Exit status: 0 on a 2xx answer, 1 on any other status, 2 when the command line, the card or the target is wrong
or the service cannot be reached.
`;

const OPTIONS = {
  action: { type: 'string' },
  input: { type: 'string', multiple: true },
  target: { type: 'string', multiple: true },
  allow: { type: 'string', multiple: true },
  'token-shape': { type: 'string' },
  user: { type: 'string' },
  sender: { type: 'string' },
  tenant: { type: 'string' },
  audience: { type: 'string' },
  scope: { type: 'string' },
  'dev-key': { type: 'string' },
  data: { type: 'string' },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
} as const;

function inputValues(pairs: readonly string[]): Map<string, string> {
  return new Map(pairs.map((pair) => {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new UsageError(`amcard invoke: --input "${pair}" must be written <input id>=<value>.`);
    return [pair.slice(0, equals), pair.slice(equals + 1)];
  }));
}

function chooseAction(card: JsonObject, wanted: string | undefined): JsonObject {
  const actions = httpActionsOf(card);
  if (actions.length === 0) throw new UsageError('amcard invoke: the card has no Action.Http.');
  const label = (action: JsonObject): string => String(action['id'] ?? action['title'] ?? '(untitled)');
  if (wanted === undefined) {
    if (actions.length === 1) return actions[0]!;
    throw new UsageError(`amcard invoke: the card has ${actions.length} Action.Http actions; choose one with --action: ${actions.map(label).join(', ')}.`);
  }
  const found = actions.find((action) => action['id'] === wanted) ?? actions.find((action) => action['title'] === wanted);
  if (found === undefined) throw new UsageError(`amcard invoke: no Action.Http has the id or title "${wanted}"; the card has ${actions.map(label).join(', ')}.`);
  return found;
}

/** The --token-shape, with the flags its claims cannot do without, checked before a key is created or anything sent. */
function tokenShape(values: { 'token-shape'?: string; tenant?: string; audience?: string }): TokenShape {
  const value = values['token-shape'];
  const shape = TOKEN_SHAPES.find((candidate) => candidate === (value ?? 'entra'));
  if (shape === undefined) throw new UsageError(`amcard invoke: --token-shape must be ${TOKEN_SHAPES.join(' or ')}; got "${value}".`);
  if (shape === 'entra') {
    const missing = [
      values.tenant?.trim() ? undefined : '--tenant <guid>',
      values.audience?.trim() ? undefined : '--audience <app id|URI>',
    ].filter((flag) => flag !== undefined);
    if (missing.length > 0) {
      const chosen = value === undefined ? 'the default --token-shape' : '--token-shape entra';
      throw new UsageError(`amcard invoke: an Entra ID token (${chosen}) needs ${missing.join(' and ')}; or send a legacy token with --token-shape legacy.`);
    }
  }
  return shape;
}

function timeout(value: string | undefined): number {
  if (value === undefined) return DEFAULT_ACTION_TIMEOUT_MS;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms <= 0) throw new UsageError(`amcard invoke: --timeout must be a positive number of milliseconds; got "${value}".`);
  return ms;
}

async function runInvoke(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('invoke', args, OPTIONS);
  if (positionals.length !== 1) throw new UsageError('amcard invoke: give exactly one card file.\nRun "amcard invoke --help" for the options.');
  if (values.user === undefined) throw new UsageError('amcard invoke: --user <email> is required: the acting user the token names.');
  const shape = tokenShape(values);
  const targets = Object.fromEntries((values.target ?? []).map(parseTargetPair));
  if (Object.keys(targets).length === 0) throw new UsageError('amcard invoke: --target <card host>=<local URL> is required; nothing is sent without it.');
  const cardFile = positionals[0]!;
  const parsed = parseJsonText((await cardToSend('invoke', cardFile, values.data)).text);
  if (!parsed.ok) throw new UsageError(`amcard invoke: ${cardFile}: ${parsed.message}`);
  if (!isJsonObject(parsed.value)) throw new UsageError(`amcard invoke: ${cardFile} is not a card object.`);
  const card = parsed.value;
  const action = chooseAction(card, values.action);
  const inputs = await asUsageErrors('invoke', async () => withGivenValues(initialInputValues(card), inputValues(values.input ?? [])));
  const key = await loadOrCreateDevelopmentKey(values['dev-key'] ?? DEFAULT_DEVELOPMENT_KEY_FILE);
  const invoked = await invokeHttpAction({
    card, action, key, inputs,
    targets: { targets, allowedUrls: values.allow ?? [] },
    token: {
      shape, actingUser: values.user,
      ...(values.sender === undefined ? {} : { sender: values.sender }),
      ...(values.tenant === undefined ? {} : { tenant: values.tenant }),
      ...(values.audience === undefined ? {} : { audience: values.audience }),
      ...(values.scope === undefined ? {} : { scope: values.scope }),
    },
    timeoutMs: timeout(values.timeout),
  }).catch((error: unknown) => {
    if (error instanceof InputError) throw new UsageError(`amcard invoke: ${error.message}`);
    throw error;
  });
  process.stderr.write(`${formatHttpRequest(invoked.request)}\n\n(sent to ${invoked.sentTo})\n\n`);
  const { envelope, bodyCut } = invoked.response;
  const json = bodyCut === undefined ? envelope : { ...envelope, bodyCut };
  process.stdout.write(values.json === true ? `${JSON.stringify(json, null, 2)}\n` : `${formatActionResponse(invoked.response)}\n`);
  const { status } = envelope;
  return status >= 200 && status < 300 ? EXIT_OK : EXIT_FINDINGS;
}

export const invokeCommand: Command = {
  summary: "Send a card's Action.Http to your local service as Outlook would (development token)",
  usage: USAGE,
  run: runInvoke,
};
