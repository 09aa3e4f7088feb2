// One error base with stable codes: every class whose message is written for people is an InputError, and the
// client's runner decides by that class alone what the user sees.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { messageForPeople, UserFacingError } from '../../client/src/commands/user-facing-error';
import * as actions from '../../server/src/actions';
import { ActionTargetError, resolveActionTarget } from '../../server/src/actions/action-target';
import * as card from '../../server/src/card';
import { InputError } from '../../server/src/card/errors';
import { TemplateError } from '../../server/src/card/template';
import { parseCommandArgs, UsageError } from '../../server/src/cli/command';
import { UnreadableInputError } from '../../server/src/cli/read-file';
import * as email from '../../server/src/email';
import { CardEmailError, cardEmailHtml } from '../../server/src/email/card-email';
import { emlMessage, EmlInputError } from '../../server/src/email/eml';
import { MimeMessageError } from '../../server/src/email/message';
import * as send from '../../server/src/send';
import { parseSmtpUrl, SendError } from '../../server/src/send';
import * as signing from '../../server/src/signing';
import { KeyFileError, writeKeyFile } from '../../server/src/signing/key-file';
import { developmentTokenClaims, DevelopmentTokenError } from '../../server/src/signing/development-token';
import { parseRsaKeyValueXml, XmlKeyError } from '../../server/src/signing/rsa-key-value-xml';
import { KeyFormatError, readKey } from '../../server/src/signing/rsa-keys';
import { buildSignedCardPayload, SigningInputError } from '../../server/src/signing/sign';

const repository = path.join(__dirname, '../../..');

/** The codes are a promise to scripts: a change here is a breaking change, not a refactoring. */
const ERROR_CLASSES: ReadonlyArray<readonly [typeof InputError, string, string]> = [
  [InputError, 'InputError', 'ERR_INPUT'],
  [KeyFormatError, 'KeyFormatError', 'ERR_KEY_FORMAT'],
  [KeyFileError, 'KeyFileError', 'ERR_KEY_FILE'],
  [XmlKeyError, 'XmlKeyError', 'ERR_XML_KEY'],
  [SigningInputError, 'SigningInputError', 'ERR_SIGNING_INPUT'],
  [EmlInputError, 'EmlInputError', 'ERR_EML_INPUT'],
  [CardEmailError, 'CardEmailError', 'ERR_CARD_EMAIL'],
  [MimeMessageError, 'MimeMessageError', 'ERR_MIME_MESSAGE'],
  [TemplateError, 'TemplateError', 'ERR_TEMPLATE'],
  [UsageError, 'UsageError', 'ERR_USAGE'],
  [DevelopmentTokenError, 'DevelopmentTokenError', 'ERR_DEVELOPMENT_TOKEN'],
  [ActionTargetError, 'ActionTargetError', 'ERR_ACTION_TARGET'],
  [UnreadableInputError, 'UnreadableInputError', 'ERR_UNREADABLE_INPUT'],
  [UserFacingError, 'UserFacingError', 'ERR_USER_FACING'],
  [SendError, 'SendError', 'ERR_SEND'],
];

/** The error each module really throws for a bad input of its kind, caught. */
function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  assert.fail('expected the input to be refused');
}

/** One real refusal per class that the server rooms throw, as the front ends receive it. */
function realRefusals(): ReadonlyArray<readonly [typeof InputError, unknown]> {
  const missingFolder = path.join(tmpdir(), `ams-errors-${process.pid}-missing`, 'key.pem');
  return [
    [KeyFormatError, thrownBy(() => readKey('', 'key.pem'))],
    [XmlKeyError, thrownBy(() => parseRsaKeyValueXml('<RSAKeyValue><Modulus>AQAB</RSAKeyValue>'))],
    [KeyFileError, thrownBy(() => writeKeyFile(missingFolder, 'text', { mode: 0o600, replace: false }))],
    [SigningInputError, thrownBy(() => buildSignedCardPayload({ cardText: '{', sender: 'a@contoso.example', recipients: ['b@contoso.example'] }))],
    [EmlInputError, thrownBy(() => emlMessage({ from: 'not an address', to: ['ana@contoso.example'], subject: 'Hi', html: '<p>Hi</p>' }))],
    [CardEmailError, thrownBy(() => cardEmailHtml({ cardText: '{"type": "AdaptiveCard"}', signedJws: 'not-a-jws' }))],
    [UsageError, thrownBy(() => parseCommandArgs('lint', ['--colour'], {}))],
    [DevelopmentTokenError, thrownBy(() => developmentTokenClaims({ shape: 'entra', targetUrl: 'https://api.contoso.example', actingUser: 'ana@contoso.example' }))],
    [ActionTargetError, thrownBy(() => resolveActionTarget('https://api.contoso.example/go', { targets: {}, allowedUrls: [] }))],
    [SendError, thrownBy(() => parseSmtpUrl('smtp://ana:hunter2@mail.contoso.example'))],
  ];
}

describe('InputError', () => {
  for (const [kind, name, code] of ERROR_CLASSES) {
    it(`${name} is an InputError with the stable code ${code} on the class and the instance, and its own name`, () => {
      const error = new kind('The key.pem file is empty.');
      assert.ok(error instanceof InputError);
      assert.ok(error instanceof Error);
      assert.equal(error.code, code);
      assert.equal(kind.code, code);
      assert.equal(error.name, name);
      assert.equal(error.message, 'The key.pem file is empty.');
      assert.equal(String(error), `${name}: The key.pem file is empty.`);
    });
  }

  it('gives every class a code of its own', () => {
    const codes = ERROR_CLASSES.map(([, , code]) => code);
    assert.equal(new Set(codes).size, codes.length);
  });

  it('keeps the cause it was given', () => {
    const cause = new Error('EACCES');
    assert.equal(new KeyFileError('key.pem: cannot write: permission denied.', { cause }).cause, cause);
  });

  it('is the class every error of the room facades extends', () => {
    const exported = [card, email, signing, actions, send].flatMap((facade) => Object.values(facade));
    const errorClasses = exported.filter((value) => typeof value === 'function' && value.prototype instanceof Error);
    assert.ok(errorClasses.length >= 5, `found only ${errorClasses.length} error classes in the facades`);
    const known = new Set<unknown>(ERROR_CLASSES.map(([kind]) => kind));
    for (const kind of errorClasses) {
      assert.ok(known.has(kind) && (kind === InputError || kind.prototype instanceof InputError), `${(kind as { name: string }).name} is not an InputError with a tested code`);
    }
  });

  it('is the only class in server/src and client/src that extends Error directly', () => {
    const direct: string[] = [];
    for (const root of ['server/src', 'client/src']) {
      for (const entry of readdirSync(path.join(repository, root), { recursive: true, encoding: 'utf8' })) {
        if (!entry.endsWith('.ts')) continue;
        const text = readFileSync(path.join(repository, root, entry), 'utf8');
        for (const match of text.matchAll(/class (\w+) extends Error\b/g)) direct.push(`${root}/${entry}: ${match[1]}`);
      }
    }
    assert.deepEqual(direct, ['server/src/card/errors.ts: InputError']);
  });

  it('is what the modules really throw for bad input, each with its own code', () => {
    for (const [kind, error] of realRefusals()) {
      assert.ok(error instanceof kind, `expected a ${kind.name}, got ${String(error)}`);
      assert.ok(error instanceof InputError);
      assert.equal(error.code, kind.code);
    }
  });
});

describe('messageForPeople (what a failed command shows)', () => {
  it('shows the message of every InputError as is, EmlInputError, XmlKeyError and KeyFileError included', () => {
    for (const [kind, error] of realRefusals()) {
      assert.ok(error instanceof Error);
      assert.equal(messageForPeople(error), error.message, kind.name);
    }
  });

  it('shows the client\'s own UserFacingError as is', () => {
    assert.equal(messageForPeople(new UserFacingError('card.json exists already.')), 'card.json exists already.');
  });

  it('reports anything else as unexpected, with its message and without its stack', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'body')");
    assert.equal(messageForPeople(bug), "Unexpected error: Cannot read properties of undefined (reading 'body')");
    assert.equal(messageForPeople('no error object'), 'Unexpected error: no error object');
  });

  it('decides by the class, not by a look-alike that carries a code', () => {
    const lookAlike = Object.assign(new Error('The From address is empty.'), { code: 'ERR_EML_INPUT', name: 'EmlInputError' });
    assert.equal(messageForPeople(lookAlike), 'Unexpected error: The From address is empty.');
  });
});
