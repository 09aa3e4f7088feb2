// Spec §§ 5.1–5.2: version, content, $schema and the Outlook root properties (AM002–AM006, AM010–AM015).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/rules/finding';
import { parseJsonDocument } from '../../server/src/card/json-document';
import { checkAdaptiveCard } from '../../server/src/rules/registry';
import { isEmail, isGuid } from '../../server/src/card/formats';
import { validateText } from '../../server/src/rules/validate';
import { ORIGINATOR_PLACEHOLDER } from '../../server/src/language/code-actions';
import { card, covered, findings, ruleIds } from './helpers';

const ORIGINATOR = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';
const HI = [{ type: 'TextBlock', text: 'Hi' }];

/** The single finding of `rule` for `text`, failing when there is not exactly one. */
function single(text: string, rule: string): Finding {
  const matching = findings(text).filter((f) => f.rule === rule);
  assert.equal(matching.length, 1, `expected one ${rule}, got ${JSON.stringify(findings(text))}`);
  return matching[0]!;
}

function cardWithout(property: string, fields: Record<string, unknown>): string {
  const result: Record<string, unknown> = { type: 'AdaptiveCard', version: '1.0', originator: ORIGINATOR, body: HI, ...fields };
  delete result[property];
  return JSON.stringify(result);
}

describe('formats (spec § 0)', () => {
  it('accepts GUIDs in either case and rejects braces, short groups and padding', () => {
    assert.ok(isGuid(ORIGINATOR));
    assert.ok(isGuid(ORIGINATOR.toUpperCase()));
    assert.ok(!isGuid(`{${ORIGINATOR}}`));
    assert.ok(!isGuid('8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2'));
    assert.ok(!isGuid(` ${ORIGINATOR}`));
  });

  it('checks email addresses loosely', () => {
    assert.ok(isEmail('ana@contoso.example'));
    assert.ok(!isEmail('john'));
    assert.ok(!isEmail('ana@contoso'));
    assert.ok(!isEmail('ana smith@contoso.example'));
  });

  it('accepts exactly what the loose email pattern of spec § 0 accepts, without its backtracking', () => {
    const loosePattern = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
    const alphabet = ['a', '@', '.', ' '];
    const strings = ['']; // grows to every string of up to 7 characters of the alphabet
    for (const prefix of strings) if (prefix.length < 7) strings.push(...alphabet.map((c) => prefix + c));
    const unusual = ['ana@contoso.example\n', 'ana@contoso.\u00a0example', '\ufeffana@contoso.example', 'ana@contoso\u2028.example',
      'ä@ö.ü', 'a.b@c.d.e', '.@..a', 'a@.b.c', 'a@b..', 'a@b.c.'];
    for (const value of [...strings, ...unusual]) assert.equal(isEmail(value), loosePattern.test(value), JSON.stringify(value));
  });
});

describe('AM002 version missing or malformed', () => {
  it('reports a missing version on the card type', () => {
    const text = cardWithout('version', {});
    assert.deepEqual(ruleIds(text), ['AM002']);
    assert.equal(covered(text, single(text, 'AM002')), '"AdaptiveCard"');
    assert.match(single(text, 'AM002').message, /"version": "1\.0"/);
  });

  it('reports a number version and tells the author to quote it', () => {
    const text = `{"type": "AdaptiveCard", "version": 1.0, "originator": "${ORIGINATOR}", "body": [{"type": "TextBlock", "text": "Hi"}]}`;
    assert.deepEqual(ruleIds(text), ['AM002']);
    const finding = single(text, 'AM002');
    assert.equal(covered(text, finding), '1.0');
    assert.match(finding.message, /"version": "1\.0"/);
    const integer = text.replace('1.0', '1');
    assert.match(single(integer, 'AM002').message, /"1\.0"/);
  });

  for (const version of ['1', 'v1.0', '1.0.0', '', ' 1.0']) {
    it(`reports the string ${JSON.stringify(version)}`, () => {
      const text = card(version, HI);
      assert.deepEqual(ruleIds(text), ['AM002']);
      assert.equal(covered(text, single(text, 'AM002')), JSON.stringify(version));
    });
  }

  it('treats null like a missing version', () => {
    const text = cardWithout('', { version: null });
    assert.deepEqual(ruleIds(text), ['AM002']);
    assert.equal(covered(text, single(text, 'AM002')), '"AdaptiveCard"');
  });

  it('suppresses the version-dependent rules AM003, AM004, AM020, AM021 and AM022', () => {
    const body = [{ type: 'TextBlock', text: 'Title', style: 'heading' }, { type: 'Input.Text', id: 'comment', label: 'Comment' }];
    const actions = [
      { type: 'Action.Http', title: 'Send', method: 'POST', url: 'https://api.contoso.example/c', body: '{{comment.value}}' },
      { type: 'Action.Execute', title: 'Approve', verb: 'approve' },
    ];
    for (const version of [1.4, 1.0, 1.6]) {
      const text = JSON.stringify({ type: 'AdaptiveCard', version, originator: ORIGINATOR, body, actions, refresh: { action: { type: 'Action.Execute' }, userIds: [] } });
      assert.deepEqual(ruleIds(text), ['AM002'], `version ${version}`);
    }
  });

  it('is not checked on Action.ShowCard cards', () => {
    const text = card('1.0', HI, { actions: [{ type: 'Action.ShowCard', title: 'More', card: { type: 'AdaptiveCard', body: HI } }] });
    assert.deepEqual(ruleIds(text), []);
  });
});

describe('AM003 version newer than 1.4', () => {
  for (const version of ['1.5', '1.6', '2.0', '1.10']) {
    it(`reports "${version}" on the version value`, () => {
      const text = card(version, HI);
      assert.deepEqual(ruleIds(text), ['AM003']);
      assert.equal(covered(text, single(text, 'AM003')), `"${version}"`);
    });
  }

  it('accepts 1.0 and 1.4', () => {
    assert.deepEqual(ruleIds(card('1.0', HI)), []);
    assert.deepEqual(ruleIds(card('1.4', HI)), []);
  });
});

describe('AM004 intermediate versions', () => {
  for (const version of ['1.1', '1.2', '1.3']) {
    it(`reports "${version}" and names the two versions Outlook renders`, () => {
      const text = card(version, HI);
      assert.deepEqual(ruleIds(text), ['AM004']);
      const finding = single(text, 'AM004');
      assert.equal(covered(text, finding), `"${version}"`);
      assert.match(finding.message, /"1\.0".*"1\.4"/);
    });
  }
});

describe('AM005 card without content', () => {
  it('reports a card that has only autoInvokeAction', () => {
    const text = cardWithout('body', { autoInvokeAction: { type: 'Action.Http', method: 'POST', url: 'https://api.contoso.example/card', body: '' } });
    assert.deepEqual(ruleIds(text), ['AM005']);
    assert.equal(covered(text, single(text, 'AM005')), '"AdaptiveCard"');
  });

  it('reports a 1.4 card that has only refresh (by analogy)', () => {
    const text = cardWithout('body', { version: '1.4', refresh: { action: { type: 'Action.Execute', verb: 'refresh' }, userIds: [] } });
    assert.deepEqual(ruleIds(text), ['AM005']);
  });

  it('reports empty body and actions arrays', () => {
    assert.deepEqual(ruleIds(card('1.0', [], { actions: [] })), ['AM005']);
  });

  it('accepts a card with only body elements or only actions', () => {
    assert.deepEqual(ruleIds(card('1.0', HI)), []);
    const actionsOnly = cardWithout('body', { actions: [{ type: 'Action.OpenUrl', title: 'Open', url: 'https://contoso.example/' }] });
    assert.deepEqual(ruleIds(actionsOnly), []);
  });
});

describe('AM006 $schema', () => {
  it('reports a JSON Schema meta-schema URI on its value', () => {
    const text = card('1.0', HI, { $schema: 'http://json-schema.org/draft-07/schema#' });
    assert.deepEqual(ruleIds(text), ['AM006']);
    assert.equal(covered(text, single(text, 'AM006')), '"http://json-schema.org/draft-07/schema#"');
    assert.match(single(text, 'AM006').message, /https:\/\/adaptivecards\.io\/schemas\/adaptive-card\.json/);
  });

  for (const schema of [
    'https://adaptivecards.io/schemas/adaptive-card.json',
    'http://adaptivecards.io/schemas/adaptive-card.json',
    'https://adaptivecards.io/schemas/1.4.0/adaptive-card.json',
  ]) {
    it(`accepts ${schema}`, () => assert.deepEqual(ruleIds(card('1.0', HI, { $schema: schema })), []));
  }

  it('checks ShowCard cards too, and rejects non-strings', () => {
    const inner = { type: 'AdaptiveCard', $schema: 'adaptive-card.json', body: HI };
    const text = card('1.0', HI, { $schema: 42, actions: [{ type: 'Action.ShowCard', title: 'More', card: inner }] });
    assert.deepEqual(findings(text).map((f) => [f.rule, covered(text, f)]), [['AM006', '42'], ['AM006', '"adaptive-card.json"']]);
  });
});

describe('AM010 / AM011 originator missing', () => {
  it('reports AM010 on the card type of a card without originator', () => {
    const text = cardWithout('originator', {});
    assert.deepEqual(ruleIds(text), ['AM010']);
    assert.equal(covered(text, single(text, 'AM010')), '"AdaptiveCard"');
    assert.match(single(text, 'AM010').message, /provider id/);
  });

  for (const [label, value, cover] of [['null', null, 'null'], ['empty', '', '""'], ['whitespace', '  ', '"  "']] as const) {
    it(`reports a ${label} originator on its value`, () => {
      const text = cardWithout('', { originator: value });
      assert.deepEqual(ruleIds(text), ['AM010']);
      assert.equal(covered(text, single(text, 'AM010')), cover);
    });
  }

  it('names the configured provider id in the fix', () => {
    const text = cardWithout('originator', {});
    const [finding] = findings(text, { originator: ORIGINATOR });
    assert.match(finding!.message, new RegExp(`"${ORIGINATOR}"`));
  });

  it('reports AM011 instead of AM010 on a card with Action.Execute', () => {
    const text = JSON.stringify({ type: 'AdaptiveCard', version: '1.4', body: HI, actions: [{ type: 'Action.Execute', title: 'Approve', verb: 'approve' }] });
    assert.deepEqual(ruleIds(text), ['AM011']);
  });

  it('reports AM011 on a card with refresh, and with an Action.Execute only in a ShowCard', () => {
    const refresh = cardWithout('originator', { version: '1.4', refresh: { action: { type: 'Action.Execute', verb: 'refresh' }, userIds: [] } });
    assert.deepEqual(ruleIds(refresh), ['AM011']);
    const nested = cardWithout('originator', {
      version: '1.4',
      actions: [{ type: 'Action.ShowCard', title: 'More', card: { type: 'AdaptiveCard', body: HI, actions: [{ type: 'Action.Execute', title: 'Go' }] } }],
    });
    assert.deepEqual(ruleIds(nested), ['AM011']);
  });

  it('reports AM010, not AM011, below 1.4, where the Action.Execute is AM021 and the card is no UAM card', () => {
    // The shape of a real 1.2 lunch-order card: Action.Execute and Action.Http side by side, no originator.
    const execute = { type: 'Action.Execute', title: 'Order', verb: 'order' };
    const text = cardWithout('originator', { version: '1.2', actions: [execute, { type: 'Action.Http', title: 'Cancel', method: 'GET', url: 'https://api.contoso.example/cancel' }] });
    assert.deepEqual(ruleIds(text), ['AM004', 'AM010', 'AM021']);
    assert.deepEqual(ruleIds(cardWithout('originator', { version: '1.0', actions: [execute] })), ['AM010', 'AM021']);
    assert.deepEqual(ruleIds(cardWithout('originator', { version: '1.0', refresh: { action: execute, userIds: [] } })), ['AM010', 'AM021']);
    // Corrected to a 1.4 card with an originator: nothing left.
    assert.deepEqual(ruleIds(card('1.4', HI, { actions: [execute] })), []);
  });

  it('is satisfied by the originator claim of a signed payload', () => {
    const runWith = (payloadHasOriginator: boolean): string[] => {
      const reported: string[] = [];
      const root = parseJsonDocument(cardWithout('originator', { version: '1.4', actions: [{ type: 'Action.Execute', title: 'Go' }] })).root!;
      checkAdaptiveCard(root, { settings: {}, report: (rule) => reported.push(rule) }, payloadHasOriginator);
      return reported;
    };
    assert.deepEqual(runWith(true), []);
    assert.deepEqual(runWith(false), ['AM011']);
  });
});

describe('AM012 originator not a GUID', () => {
  it('reports the value', () => {
    const text = card('1.0', HI, { originator: 'contoso-provider' });
    assert.deepEqual(ruleIds(text), ['AM012']);
    assert.equal(covered(text, single(text, 'AM012')), '"contoso-provider"');
  });

  it('says to write a GUID in brackets without them', () => {
    for (const written of [`{${ORIGINATOR}}`, `<${ORIGINATOR}>`, `{ ${ORIGINATOR.toUpperCase()} }`]) {
      const text = card('1.0', HI, { originator: written });
      assert.deepEqual(ruleIds(text), ['AM012'], written);
      const inner = written.replace(/[{}<> ]/g, '');
      assert.equal(single(text, 'AM012').message, `"originator" must be the GUID without brackets: write "${inner}".`);
    }
  });

  it('calls any other value in brackets a placeholder to replace with the provider id, brackets included', () => {
    for (const placeholder of ['{your-provider-id}', '<provider id>', '{{originator}}', '[PROVIDER ID]', ORIGINATOR_PLACEHOLDER]) {
      const text = card('1.0', HI, { originator: placeholder });
      const { message } = single(text, 'AM012');
      assert.equal(message,
        `"originator" is still the placeholder ${JSON.stringify(placeholder)}: replace the whole value with the provider id (a GUID) from the Actionable Email Developer Dashboard.`);
      assert.doesNotMatch(message, /remove|without (braces|brackets)/, placeholder);
    }
  });

  it('names the configured provider id as the placeholder\'s replacement', () => {
    const text = card('1.0', HI, { originator: '{your-provider-id}' });
    assert.match(findings(text, { originator: ORIGINATOR })[0]!.message, new RegExp(`replace the whole value with "${ORIGINATOR}"\\.$`));
  });

  it('gives other values, unbalanced brackets too, the plain GUID message', () => {
    for (const value of ['YOUR_ORIGINATOR', '{your-provider-id', '<a>b>c', '${originator}']) {
      assert.match(single(card('1.0', HI, { originator: value }), 'AM012').message,
        /^"originator" must be the provider id GUID from the Actionable Email Developer Dashboard \(like 8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a\), not the string "/, value);
    }
  });

  it('reports a non-string originator', () => {
    const text = card('1.0', HI, { originator: 42 });
    assert.deepEqual(ruleIds(text), ['AM012']);
    assert.equal(covered(text, single(text, 'AM012')), '42');
  });

  it('accepts an upper-case GUID', () => {
    assert.deepEqual(ruleIds(card('1.0', HI, { originator: ORIGINATOR.toUpperCase() })), []);
  });
});

describe('AM013 / AM014 / AM015 Outlook root properties', () => {
  it('reports hideOriginalBody "true" and says to drop the quotes', () => {
    const text = card('1.0', HI, { hideOriginalBody: 'true' });
    assert.deepEqual(ruleIds(text), ['AM013']);
    const finding = single(text, 'AM013');
    assert.equal(covered(text, finding), '"true"');
    assert.match(finding.message, /write true without quotes/);
  });

  it('reports a non-string correlationId and a non-array or non-string expectedActors', () => {
    for (const [fields, cover] of [
      [{ correlationId: 42 }, '42'],
      [{ expectedActors: 'ana@contoso.example' }, '"ana@contoso.example"'],
      [{ expectedActors: ['ana@contoso.example', 7] }, '7'],
      [{ hideOriginalBody: 1 }, '1'],
    ] as const) {
      const text = card('1.0', HI, fields);
      assert.deepEqual(ruleIds(text), ['AM013'], JSON.stringify(fields));
      assert.equal(covered(text, single(text, 'AM013')), cover);
    }
  });

  it('accepts well-typed values and null', () => {
    const good = { hideOriginalBody: true, correlationId: '0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f', expectedActors: ['ana@contoso.example', 'ben@contoso.example'] };
    assert.deepEqual(ruleIds(card('1.0', HI, good)), []);
    assert.deepEqual(ruleIds(card('1.0', HI, { hideOriginalBody: null, correlationId: null, expectedActors: null })), []);
    assert.deepEqual(ruleIds(card('1.0', HI, { expectedActors: [] })), []);
  });

  it('reports a correlationId that is not a UUID (AM014)', () => {
    const text = card('1.0', HI, { correlationId: 'order-42' });
    assert.deepEqual(ruleIds(text), ['AM014']);
    assert.equal(covered(text, single(text, 'AM014')), '"order-42"');
    assert.match(single(text, 'AM014').message, /UUID/);
  });

  it('reports each expectedActors entry that is not an email address (AM015)', () => {
    const text = card('1.0', HI, { expectedActors: ['john', 'ana@contoso.example', 'ben at contoso'] });
    assert.deepEqual(findings(text).map((f) => [f.rule, covered(text, f)]), [['AM015', '"john"'], ['AM015', '"ben at contoso"']]);
  });

  it('checks root properties only on the top-level card', () => {
    const inner = { type: 'AdaptiveCard', originator: 'x', hideOriginalBody: 'yes', correlationId: 'c', expectedActors: ['john'], body: HI };
    assert.deepEqual(ruleIds(card('1.0', HI, { actions: [{ type: 'Action.ShowCard', title: 'More', card: inner }] })), []);
  });
});

// Spec § 8: cards Outlook accepts must produce no diagnostics at any severity, from the whole service.
describe('realistic good cards produce no findings at all', () => {
  const httpApprovalCard = {
    $schema: 'https://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.0',
    originator: ORIGINATOR,
    hideOriginalBody: true,
    correlationId: '5b0c2f7e-9d41-4a8e-b6a3-2f1d0c9e8b7a',
    expectedActors: ['ana.lopez@contoso.example'],
    padding: 'None',
    autoInvokeAction: { type: 'Action.Http', method: 'POST', url: 'https://api.contoso.example/expenses/4711/card', body: '', headers: [{ name: 'Authorization', value: '' }] },
    body: [
      {
        type: 'Container',
        style: 'emphasis',
        padding: { top: 'Default', bottom: 'Default', left: 'Default', right: 'Default' },
        backgroundImage: 'https://cdn.contoso.example/cards/banner.png',
        verticalContentAlignment: 'Center',
        items: [
          {
            type: 'ColumnSet',
            columns: [
              { type: 'Column', width: '40px', items: [{ type: 'Image', url: 'https://cdn.contoso.example/cards/logo.png', width: '32px', height: '32px', backgroundColor: '#FFFFFF', altText: 'Contoso' }] },
              { type: 'Column', width: 'stretch', verticalContentAlignment: 'Center', items: [{ type: 'TextBlock', text: '**Expense report 4711** awaits your approval', size: 'Medium', weight: 'Bolder', wrap: true }] },
            ],
          },
        ],
      },
      {
        type: 'ColumnSet',
        columns: [
          { width: '2*', items: [{ type: 'FactSet', facts: [{ title: 'Submitted by', value: 'Ben Smith' }, { title: 'Amount', value: 'EUR 1,240.50' }, { title: 'Cost centre', value: 'CC-3301' }] }] },
          { width: 1, selectAction: { type: 'Action.OpenUrl', title: 'Receipt', url: 'https://expenses.contoso.example/4711/receipt' }, items: [{ type: 'Image', url: 'https://cdn.contoso.example/cards/receipt-thumb.png', size: 'Medium' }] },
        ],
      },
      { type: 'TextBlock', id: 'details', text: 'Flight LHR–SEA, 3 nights hotel, taxi.\n- Flight: EUR 820.00\n- Hotel: EUR 390.00', wrap: true, isVisible: false },
      {
        type: 'ActionSet',
        actions: [{ type: 'Action.ToggleVisibility', title: 'Show details', targetElements: ['details'] }],
      },
      { type: 'Input.Text', id: 'comment', placeholder: 'Add a comment for Ben', isMultiline: true, maxLength: 500 },
      { type: 'Input.ChoiceSet', id: 'reason', style: 'compact', value: 'policy', choices: [{ title: 'Within policy', value: 'policy' }, { title: 'Exception approved', value: 'exception' }] },
      { type: 'Input.Date', id: 'payDate', value: '2026-07-01', min: '2026-06-01' },
      { type: 'Input.Number', id: 'approvedAmount', placeholder: 'Approved amount', min: 0, max: 5000, value: 1240.5 },
      { type: 'Input.Toggle', id: 'notify', title: 'Notify Ben by email', value: 'true', valueOn: 'true', valueOff: 'false' },
    ],
    actions: [
      {
        type: 'Action.Http',
        title: 'Approve',
        isPrimary: true,
        method: 'POST',
        url: 'https://api.contoso.example/expenses/4711/approve?reason={{reason.value}}',
        body: '{"comment": "{{comment.value}}", "payDate": "{{payDate.value}}", "amount": "{{approvedAmount.value}}", "notify": "{{notify.value}}"}',
        headers: [{ name: 'Content-Type', value: 'application/json' }],
      },
      {
        type: 'Action.ShowCard',
        title: 'Reject',
        card: {
          type: 'AdaptiveCard',
          body: [{ type: 'Input.Text', id: 'rejectReason', placeholder: 'Why is it rejected?', isMultiline: true }],
          actions: [{ type: 'Action.Http', title: 'Send rejection', method: 'POST', url: 'https://api.contoso.example/expenses/4711/reject', body: '{"reason": "{{rejectReason.value}}"}' }],
        },
      },
      { type: 'Action.OpenUrl', title: 'Open in Expenses', url: 'https://expenses.contoso.example/4711' },
    ],
  };

  const uamApprovalCard = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    originator: ORIGINATOR,
    refresh: { action: { type: 'Action.Execute', title: 'Refresh', verb: 'refreshCard', data: { requestId: 'PR-2931' } }, userIds: [] },
    body: [
      {
        type: 'Container',
        style: 'accent',
        bleed: true,
        minHeight: '48px',
        backgroundImage: { url: 'https://cdn.contoso.example/cards/header.png', fillMode: 'cover' },
        items: [{ type: 'TextBlock', text: 'Purchase request PR-2931', size: 'Large', weight: 'Bolder', fontType: 'Default', wrap: true }],
      },
      {
        type: 'ColumnSet',
        style: 'emphasis',
        columns: [
          { type: 'Column', width: 'auto', items: [{ type: 'Image', url: 'https://cdn.contoso.example/people/ana.png', style: 'Person', size: 'Small', altText: 'Ana Lopez' }] },
          { type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: 'Requested by Ana Lopez on {{DATE(2026-06-03T09:00:00Z, SHORT)}}', wrap: true, isSubtle: true }] },
        ],
      },
      { type: 'FactSet', facts: [{ title: 'Item', value: '3 × 27" monitor' }, { title: 'Total', value: 'USD 1,047.00' }, { title: 'Vendor', value: 'Fabrikam' }] },
      { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Budget: ', weight: 'Bolder' }, { type: 'TextRun', text: 'within Q3 allowance', underline: true }] },
      { type: 'Input.Text', id: 'comment', label: 'Comment', placeholder: 'Optional note to Ana', isMultiline: true },
      { type: 'Input.Text', id: 'poNumber', label: 'PO number', isRequired: true, regex: '^PO-[0-9]{6}$', errorMessage: 'Use the form PO-123456' },
      { type: 'Input.ChoiceSet', id: 'priority', label: 'Priority', style: 'expanded', wrap: true, value: 'normal', choices: [{ title: 'Normal', value: 'normal' }, { title: 'Urgent', value: 'urgent' }] },
    ],
    actions: [
      { type: 'Action.Execute', title: 'Approve', verb: 'approve', style: 'positive', data: { requestId: 'PR-2931' }, fallback: 'Action.Submit' },
      { type: 'Action.Execute', title: 'Reject', verb: 'reject', style: 'destructive', data: { requestId: 'PR-2931' }, fallback: { type: 'Action.Submit', title: 'Reject' } },
      {
        type: 'Action.ShowCard',
        title: 'Ask a question',
        card: {
          type: 'AdaptiveCard',
          body: [{ type: 'Input.Text', id: 'question', label: 'Question for Ana', isMultiline: true }],
          actions: [{ type: 'Action.Execute', title: 'Send', verb: 'ask', iconUrl: 'https://cdn.contoso.example/icons/send.png' }],
        },
      },
      { type: 'Action.OpenUrl', title: 'Open request', url: 'https://purchasing.contoso.example/requests/PR-2931' },
    ],
  };

  for (const [name, good] of [['1.0 Action.Http approval card', httpApprovalCard], ['1.4 Universal Action Model card with refresh', uamApprovalCard]] as const) {
    it(name, () => {
      const text = JSON.stringify(good, null, 2);
      assert.deepEqual(validateText(text, {}).findings, []);
    });
  }
});

describe('duplicate property names: the rules read the last, as JSON.parse and Outlook do', () => {
  const http = { type: 'Action.Http', title: 'Go', method: 'POST', url: 'https://api.contoso.example/x', body: '{}' };

  it('a card written "version": "1.0" and later "version": "1.4" is a 1.4 card: its Action.Http is AM020', () => {
    const text = `{"type":"AdaptiveCard","version":"1.0","originator":"${ORIGINATOR}","body":${JSON.stringify(HI)},"actions":[${JSON.stringify(http)}],"version":"1.4"}`;
    assert.equal((JSON.parse(text) as { version: string }).version, '1.4');
    assert.ok(ruleIds(text).includes('AM020'), JSON.stringify(findings(text)));
    // and the other way round, the card Outlook reads as 1.0 is clean
    assert.deepEqual(ruleIds(text.replace('"version":"1.0"', '"version":"1.9"').replace('"version":"1.4"', '"version":"1.0"')), []);
  });

  it('an element written "type": "TextBlock" and later "type": "Input.Time" is an Input.Time (AM031)', () => {
    const text = `{"type":"AdaptiveCard","version":"1.0","originator":"${ORIGINATOR}","body":[{"type":"TextBlock","text":"hi","type":"Input.Time","id":"t"}]}`;
    assert.ok(ruleIds(text).includes('AM031'), JSON.stringify(findings(text)));
  });
});
