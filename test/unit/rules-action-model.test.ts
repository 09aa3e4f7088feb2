// Spec §§ 5.3–5.4: action model and version gating (AM020–AM022), element and action types (AM030–AM036), input
// tokens in Action.Execute (AM037), and AM001 on Action.ShowCard cards.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/rules/finding';
import { card, covered, findings, ruleIds } from './helpers';

const HI = [{ type: 'TextBlock', text: 'Hi' }];
const HTTP_APPROVE = { type: 'Action.Http', title: 'Approve', method: 'POST', url: 'https://api.contoso.example/approve', body: '{}' };
const EXECUTE_APPROVE = { type: 'Action.Execute', title: 'Approve', verb: 'approve' };
const OPEN = { type: 'Action.OpenUrl', title: 'Open', url: 'https://contoso.example/' };

function showCard(body: unknown[], actions?: unknown[]): Record<string, unknown> {
  return { type: 'Action.ShowCard', title: 'More', card: { type: 'AdaptiveCard', body, ...(actions ? { actions } : {}) } };
}

/** [rule, covered text] of every finding, in report order. */
function report(text: string): Array<[string, string]> {
  return findings(text).map((f: Finding) => [f.rule, covered(text, f)]);
}

function only(text: string, rule: string): Finding {
  const matching = findings(text).filter((f) => f.rule === rule);
  assert.equal(matching.length, 1, `expected one ${rule}, got ${JSON.stringify(findings(text))}`);
  return matching[0]!;
}

describe('AM020 Action.Http in a 1.4 card', () => {
  it('reports each Action.Http on its type, wherever it is', () => {
    const text = card('1.4', [
      { type: 'Container', items: HI, selectAction: { type: 'Action.Http', method: 'GET', url: 'https://api.contoso.example/open' } },
      { type: 'ActionSet', actions: [HTTP_APPROVE] },
    ], { actions: [HTTP_APPROVE, showCard(HI, [HTTP_APPROVE])] });
    assert.deepEqual(ruleIds(text), ['AM020']);
    assert.deepEqual(report(text).map(([, c]) => c), Array(4).fill('"Action.Http"'));
    assert.match(only(card('1.4', HI, { actions: [HTTP_APPROVE] }), 'AM020').message, /Action\.Execute/);
  });

  it('reports an Action.Http autoInvokeAction and suggests refresh', () => {
    const text = card('1.4', HI, { autoInvokeAction: { type: 'Action.Http', method: 'POST', url: 'https://api.contoso.example/card', body: '' } });
    assert.deepEqual(ruleIds(text), ['AM020']);
    assert.match(only(text, 'AM020').message, /refresh/);
  });

  it('accepts Action.Execute in 1.4 and Action.Http in 1.0', () => {
    assert.deepEqual(ruleIds(card('1.4', HI, { actions: [EXECUTE_APPROVE] })), []);
    assert.deepEqual(ruleIds(card('1.0', HI, { actions: [HTTP_APPROVE] })), []);
  });
});

describe('AM021 Action.Execute or refresh below 1.4', () => {
  it('reports each Action.Execute, including selectAction and ShowCard cards', () => {
    const text = card('1.0', [{ type: 'Image', url: 'https://cdn.contoso.example/a.png', selectAction: EXECUTE_APPROVE }], {
      actions: [EXECUTE_APPROVE, showCard(HI, [EXECUTE_APPROVE])],
    });
    assert.deepEqual(ruleIds(text), ['AM021']);
    assert.deepEqual(report(text).map(([, c]) => c), Array(3).fill('"Action.Execute"'));
    assert.match(findings(text)[0]!.message, /"1\.4"/);
  });

  it('reports refresh once, on its key, and not its action', () => {
    const text = card('1.0', HI, { refresh: { action: { type: 'Action.Execute', verb: 'refresh' }, userIds: [] } });
    assert.deepEqual(report(text), [['AM021', '"refresh"']]);
  });

  it('reports Action.Execute at 1.3 together with AM004', () => {
    assert.deepEqual(ruleIds(card('1.3', HI, { actions: [EXECUTE_APPROVE] })), ['AM004', 'AM021']);
  });

  it('does not also report AM022 on the properties of a rejected Action.Execute', () => {
    const text = card('1.0', HI, { actions: [{ ...EXECUTE_APPROVE, tooltip: 'Approves it', isEnabled: true }] });
    assert.deepEqual(ruleIds(text), ['AM021']);
  });
});

describe('AM022 property beyond Outlook\'s 1.4, or input validation below 1.3', () => {
  it('reports the spec example (isRequired in a 1.0 card) on the "isRequired" key, and not its label', () => {
    const text = card('1.0', [{ type: 'Input.Text', id: 'name', label: 'Your name', isRequired: true }]);
    assert.deepEqual(report(text), [['AM022', '"isRequired"']]);
    assert.match(findings(text)[0]!.message, /validation.*"1\.0".*"1\.4"/);
  });

  it('accepts the corrected spec example: the same input in a 1.4 card', () => {
    const text = card('1.4', [{ type: 'Input.Text', id: 'name', label: 'Your name', isRequired: true }], { actions: [EXECUTE_APPROVE] });
    assert.deepEqual(ruleIds(text), []);
  });

  it('accepts a 1.0 form with labels, a data: image, shown-card styles and the 1.1–1.3 display properties Outlook renders', () => {
    // The shape of the real cards that revision 2 stopped flagging: a Graph survey and a training lab's ticket card
    // (1.0, with labels and a data: logo), and Microsoft's samples (action styles, fallback, minHeight).
    const text = card('1.0', [
      { type: 'Image', url: 'data:image/png;base64,iVBORw0KGgo=', height: '32px', fallback: 'drop' },
      { type: 'Container', minHeight: '40px', bleed: true, backgroundImage: { url: 'https://cdn.contoso.example/bg.png' }, items: HI },
      { type: 'ColumnSet', style: 'emphasis', columns: [{ type: 'Column', items: [{ type: 'TextBlock', text: 'Hi', fontType: 'Monospace', height: 'stretch' }] }] },
      { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Due', underline: true }] },
      { type: 'Media', sources: [{ mimeType: 'video/mp4', url: 'https://cdn.contoso.example/v.mp4' }] },
      { type: 'Input.Text', id: 'comment', label: 'Comment', inlineAction: OPEN },
      { type: 'Input.Toggle', id: 'agree', title: 'Agree', label: 'Terms', wrap: true },
      { type: 'Input.ChoiceSet', id: 'mood', label: 'Mood', wrap: true, choices: [{ title: 'Good', value: 'good' }] },
    ], {
      authentication: { text: 'Sign in' },
      actions: [{ ...HTTP_APPROVE, style: 'positive', iconUrl: 'data:image/png;base64,AA==' }, showCard(HI)],
    });
    assert.deepEqual(findings(text), []);
  });

  it('accepts the Outlook 1.0 extensions of spec § 3 and the Outlook designer properties', () => {
    const text = card('1.0', [
      { type: 'TextBlock', id: 'more', text: 'Details', isVisible: false },
      { type: 'ActionSet', actions: [{ type: 'Action.ToggleVisibility', title: 'Toggle', targetElements: ['more'] }] },
      {
        type: 'Container', padding: 'None', backgroundImage: 'https://cdn.contoso.example/bg.png', verticalContentAlignment: 'Center',
        selectAction: OPEN, items: HI,
      },
      {
        type: 'ColumnSet', selectAction: OPEN, padding: { top: 'Small', bottom: 'None', left: 'Default', right: 'Default' },
        columns: [
          { type: 'Column', width: '50px', backgroundImage: 'https://cdn.contoso.example/c.png', verticalContentAlignment: 'Bottom', selectAction: OPEN, items: HI },
          { width: '2*', items: [{ type: 'Image', url: 'https://cdn.contoso.example/a.png', width: '40px', height: '40px', backgroundColor: '#FFFFFF', selectAction: OPEN }] },
        ],
      },
    ], { actions: [{ ...HTTP_APPROVE, isPrimary: true }] });
    assert.deepEqual(findings(text), []);
  });

  const after14: Array<[string, Record<string, unknown>, string, Record<string, unknown>?]> = [
    ['rtl on a Container (1.5)', { type: 'Container', rtl: true, items: HI }, '"rtl"'],
    ['rtl on a Column (1.5)', { type: 'ColumnSet', columns: [{ type: 'Column', rtl: false, items: HI }] }, '"rtl"'],
    ['style on TextBlock (1.5)', { type: 'TextBlock', text: 'Title', style: 'heading' }, '"style"'],
    ['tooltip on an action (1.5)', { type: 'ActionSet', actions: [{ ...OPEN, tooltip: 'Opens the site' }] }, '"tooltip"'],
    ['isEnabled on an action (1.5)', { type: 'ActionSet', actions: [{ ...OPEN, isEnabled: false }] }, '"isEnabled"'],
    ['mode on an action (1.5)', { type: 'ActionSet', actions: [{ ...OPEN, mode: 'secondary' }] }, '"mode"'],
    ['rtl on the card (1.5)', { type: 'TextBlock', text: 'Hi' }, '"rtl"', { rtl: true }],
    ['metadata on the card (1.6)', { type: 'TextBlock', text: 'Hi' }, '"metadata"', { metadata: { webUrl: 'https://contoso.example/' } }],
  ];
  for (const version of ['1.0', '1.4']) {
    for (const [name, element, cover, extra] of after14) {
      it(`reports ${name} in a ${version} card, saying Outlook stops at 1.4`, () => {
        const text = card(version, [element], extra);
        assert.deepEqual(report(text), [['AM022', cover]]);
        assert.match(findings(text)[0]!.message, /at most 1\.4/);
      });
    }
  }

  it('reports a 1.5 property in a 1.5 card too, besides AM003: Outlook renders at most 1.4', () => {
    assert.deepEqual(ruleIds(card('1.5', [{ type: 'TextBlock', text: 'Title', style: 'heading' }])), ['AM003', 'AM022']);
  });

  const validation: Array<[string, Record<string, unknown>, string[]]> = [
    ['isRequired and errorMessage on an Input.Number', { type: 'Input.Number', id: 'n', label: 'N', isRequired: true, errorMessage: 'Required' }, ['"isRequired"', '"errorMessage"']],
    ['errorMessage on an Input.Date', { type: 'Input.Date', id: 'd', errorMessage: 'Pick a date' }, ['"errorMessage"']],
    ['regex on an Input.Text', { type: 'Input.Text', id: 'zip', regex: '^[0-9]{5}$' }, ['"regex"']],
    ['isRequired: false on an Input.Toggle', { type: 'Input.Toggle', id: 't', title: 'Agree', isRequired: false }, ['"isRequired"']],
  ];
  for (const [name, element, cover] of validation) {
    for (const version of ['1.0', '1.2']) {
      it(`reports ${name} in a ${version} card`, () => {
        const text = card(version, [element]);
        assert.deepEqual(report(text).filter(([rule]) => rule === 'AM022'), cover.map((c) => ['AM022', c]));
      });
    }
    it(`accepts ${name} in a 1.3 and a 1.4 card`, () => {
      assert.deepEqual(ruleIds(card('1.3', [element])), ['AM004']);
      assert.deepEqual(ruleIds(card('1.4', [element])), []);
    });
  }

  it('reports input validation in ShowCard cards and columns', () => {
    const text = card('1.0', [
      { type: 'ColumnSet', columns: [{ type: 'Column', items: [{ type: 'Input.Text', id: 'a', regex: 'x' }] }] },
    ], { actions: [showCard([{ type: 'Input.Date', id: 'b', errorMessage: 'Pick one' }])] });
    assert.deepEqual(report(text).map(([, c]) => c), ['"regex"', '"errorMessage"']);
  });

  it('reports refresh.expires (1.6) in a 1.4 card and says Outlook stops at 1.4', () => {
    const text = card('1.4', HI, { refresh: { action: { type: 'Action.Execute', verb: 'refresh' }, userIds: [], expires: '2026-07-01T00:00:00Z' } });
    assert.deepEqual(report(text), [['AM022', '"expires"']]);
    assert.match(findings(text)[0]!.message, /at most 1\.4/);
  });

  it('does not walk fallback content', () => {
    const text = card('1.4', [{ type: 'TextBlock', text: 'Hi', fallback: { type: 'TextBlock', text: 'Hi', style: 'heading', rtl: true } }]);
    assert.deepEqual(ruleIds(text), []);
  });

  it('does not check the properties of nodes another rule rejects', () => {
    assert.deepEqual(ruleIds(card('1.0', [{ type: 'Input.Time', id: 'start', isRequired: true }])), ['AM031']);
    assert.deepEqual(ruleIds(card('1.0', HI, { actions: [{ type: 'Action.Submit', title: 'Send', tooltip: 'Sends it' }] })), ['AM030']);
    assert.deepEqual(ruleIds(card('1.0', [{ type: 'Table', rows: [], rtl: true }])), ['AM032']);
  });

  it('treats null values as absent', () => {
    assert.deepEqual(ruleIds(card('1.0', [{ type: 'Input.Text', id: 'name', isRequired: null }, { type: 'TextBlock', text: 'Hi', style: null }])), []);
  });
});

describe('AM030 Action.Submit', () => {
  it('reports it on its type and names the replacement for the card version', () => {
    const at10 = card('1.0', HI, { actions: [{ type: 'Action.Submit', title: 'Send' }] });
    assert.deepEqual(report(at10), [['AM030', '"Action.Submit"']]);
    assert.match(findings(at10)[0]!.message, /Use Action\.Http/);
    const at14 = card('1.4', HI, { actions: [{ type: 'Action.Submit', title: 'Send' }] });
    assert.match(only(at14, 'AM030').message, /Use Action\.Execute/);
  });

  it('reports it in ShowCard cards, ActionSets and selectAction, even with a fallback of its own', () => {
    const submit = { type: 'Action.Submit', title: 'Send', fallback: 'drop' };
    const text = card('1.4', [{ type: 'Container', items: HI, selectAction: submit }, { type: 'ActionSet', actions: [submit] }], { actions: [showCard(HI, [submit])] });
    assert.deepEqual(ruleIds(text), ['AM030']);
    assert.equal(findings(text).length, 3);
  });

  it('accepts Action.Submit as the fallback of an Action.Execute', () => {
    const text = card('1.4', HI, { actions: [{ ...EXECUTE_APPROVE, fallback: { type: 'Action.Submit', title: 'Approve' } }, { ...EXECUTE_APPROVE, title: 'Ok', fallback: 'Action.Submit' }] });
    assert.deepEqual(findings(text), []);
  });
});

describe('AM031 Input.Time', () => {
  it('reports it on its type and suggests Input.Text', () => {
    const text = card('1.0', [{ type: 'Input.Time', id: 'start' }]);
    assert.deepEqual(report(text), [['AM031', '"Input.Time"']]);
    assert.match(findings(text)[0]!.message, /Input\.Text/);
    assert.deepEqual(ruleIds(card('1.0', [{ type: 'Input.Text', id: 'start', placeholder: 'HH:MM' }])), []);
  });
});

describe('AM032 unknown element type', () => {
  it('reports Table as a 1.5 element', () => {
    const text = card('1.4', [{ type: 'Table', rows: [] }]);
    assert.deepEqual(report(text), [['AM032', '"Table"']]);
    assert.match(findings(text)[0]!.message, /1\.5/);
  });

  it('suggests the right case for a case typo and does not look inside the rejected element', () => {
    const text = card('1.0', [{ type: 'container', items: [{ type: 'Bogus' }] }]);
    assert.deepEqual(report(text), [['AM032', '"container"']]);
    assert.match(findings(text)[0]!.message, /write "Container"/);
  });

  it('reports an element without type on the object, and a non-object element on itself', () => {
    const text = card('1.0', [{ text: 'Hi' }, 'Hi', { type: 'TextBlock', text: 'ok' }]);
    assert.deepEqual(report(text), [['AM032', '{"text":"Hi"}'], ['AM032', '"Hi"']]);
  });

  it('reports a Column in body, a column of another type and an ImageSet entry that is not an Image', () => {
    const text = card('1.0', [
      { type: 'Column', items: HI },
      { type: 'ColumnSet', columns: [{ type: 'Container', items: HI }] },
      { type: 'ImageSet', images: [{ type: 'TextBlock', text: 'Hi' }] },
    ]);
    assert.deepEqual(report(text), [['AM032', '"Column"'], ['AM032', '"Container"'], ['AM032', '"TextBlock"']]);
    assert.match(findings(text)[1]!.message, /"Column"/);
  });

  it('reports a column or ImageSet image whose type is present but no string; a null type is left out', () => {
    const text = card('1.0', [
      { type: 'ColumnSet', columns: [{ type: 5, items: HI }, { type: null, items: HI }] },
      { type: 'ImageSet', images: [{ type: true, url: 'https://a.example/i.png' }] },
    ]);
    assert.deepEqual(report(text), [['AM032', '5'], ['AM032', 'true']]);
    assert.match(findings(text)[0]!.message, /set "type" to "Column" or leave it out, not the number 5\.$/);
    assert.match(findings(text)[1]!.message, /set "type" to "Image" or leave it out, not the boolean true\.$/);
  });

  it('skips an unknown element that has a fallback, and its fallback content', () => {
    const text = card('1.4', [{ type: 'Table', rows: [], fallback: { type: 'Carousel', pages: [] } }]);
    assert.deepEqual(findings(text), []);
  });
});

describe('AM033 unknown action type', () => {
  it('reports Action.Transaction as removed', () => {
    const text = card('1.0', HI, { actions: [{ type: 'Action.Transaction', title: 'Pay' }] });
    assert.deepEqual(report(text), [['AM033', '"Action.Transaction"']]);
    assert.match(findings(text)[0]!.message, /removed/);
  });

  it('suggests the right case and reports untyped and non-object actions', () => {
    const text = card('1.0', HI, { actions: [{ type: 'Action.openUrl', title: 'Open', url: 'https://contoso.example/' }, { title: 'No type' }, 42] });
    assert.deepEqual(report(text), [['AM033', '"Action.openUrl"'], ['AM033', '{"title":"No type"}'], ['AM033', '42']]);
    assert.match(findings(text)[0]!.message, /write "Action\.OpenUrl"/);
  });

  it('skips an unknown action with a fallback', () => {
    const text = card('1.4', HI, { actions: [{ type: 'Action.Popover', title: 'More', fallback: OPEN }] });
    assert.deepEqual(findings(text), []);
  });
});

describe('AM034 Action.ShowCard as selectAction', () => {
  it('reports it on its type and does not walk its card', () => {
    const text = card('1.0', [{ type: 'Container', items: HI, selectAction: showCard(HI, [{ type: 'Action.Submit', title: 'x' }]) }]);
    assert.deepEqual(report(text), [['AM034', '"Action.ShowCard"']]);
    assert.match(findings(text)[0]!.message, /ActionSet/);
  });

  it('reports it as an inlineAction', () => {
    const text = card('1.4', [{ type: 'Input.Text', id: 'q', inlineAction: showCard(HI) }]);
    assert.deepEqual(report(text), [['AM034', '"Action.ShowCard"']]);
    assert.match(findings(text)[0]!.message, /an inlineAction/);
  });

  it('accepts Action.ShowCard in actions and ActionSets', () => {
    assert.deepEqual(ruleIds(card('1.0', [{ type: 'ActionSet', actions: [showCard(HI)] }], { actions: [showCard(HI)] })), []);
  });
});

describe('AM035 nested Action.ShowCard', () => {
  it('reports the inner ShowCard at every level below the first', () => {
    const text = card('1.0', HI, { actions: [showCard(HI, [showCard(HI, [showCard(HI)])])] });
    assert.deepEqual(report(text), [['AM035', '"Action.ShowCard"'], ['AM035', '"Action.ShowCard"']]);
    const inner = findings(text)[0]!;
    assert.ok(inner.offset > text.indexOf('"Action.ShowCard"'), 'the outer ShowCard is not reported');
  });

  it('reports one in an ActionSet of a ShowCard card', () => {
    const text = card('1.0', HI, { actions: [showCard([{ type: 'ActionSet', actions: [showCard(HI)] }])] });
    assert.deepEqual(ruleIds(text), ['AM035']);
  });
});

describe('AM036 more than 5 actions', () => {
  const openUrls = (n: number): unknown[] => Array.from({ length: n }, (_, i) => ({ ...OPEN, title: String(i + 1) }));

  it('reports an actions array of 6 on the array', () => {
    const text = card('1.0', HI, { actions: openUrls(6) });
    assert.deepEqual(report(text), [['AM036', JSON.stringify(openUrls(6))]]);
    assert.match(findings(text)[0]!.message, /6 actions.*at most 5/);
  });

  it('accepts 5, and counts each set separately', () => {
    assert.deepEqual(ruleIds(card('1.0', [{ type: 'ActionSet', actions: openUrls(5) }], { actions: openUrls(5) })), []);
  });

  it('reports ActionSets and ShowCard card actions too', () => {
    const text = card('1.0', [{ type: 'ActionSet', actions: openUrls(7) }], { actions: [showCard(HI, openUrls(6))] });
    assert.deepEqual(findings(text).map((f) => f.rule), ['AM036', 'AM036']);
  });
});

describe('AM037 input token in Action.Execute', () => {
  const COMMENT = [{ type: 'Input.Text', id: 'comment', label: 'Comment' }];
  const execute = (extra: Record<string, unknown>): Record<string, unknown> => ({ ...EXECUTE_APPROVE, ...extra });

  it('reports a {{id.value}} in a data object value, on the token, with what to do', () => {
    const text = card('1.4', COMMENT, { actions: [execute({ data: { comment: '{{comment.value}}' } })] });
    assert.deepEqual(report(text), [['AM037', '{{comment.value}}']]);
    assert.match(only(text, 'AM037').message, /\{\{comment\.value\}\} in the data of an Action\.Execute reaches your service as written.*sends the value of input "comment" by itself.*remove the token/);
  });

  it('says so when the token names no input of the card (ids compared in any case, as tokens are)', () => {
    const missing = card('1.4', COMMENT, { actions: [execute({ data: { reason: '{{reason.value}}' } })] });
    assert.match(only(missing, 'AM037').message, /The card has no input "reason", and Action\.Execute sends the values of the inputs it has by itself: remove the token\.$/);
    const otherCase = card('1.4', COMMENT, { actions: [execute({ data: { comment: '{{Comment.value}}' } })] });
    assert.match(only(otherCase, 'AM037').message, /sends the value of input "Comment" by itself/);
  });

  it('reports a token inside a data string as Microsoft\'s project-management sample writes it, without the closing brace', () => {
    const text = card('1.4', [{ type: 'Input.Text', id: 'AddComment', label: 'Comment' }], {
      actions: [{ type: 'Action.ShowCard', title: 'Comment', card: { type: 'AdaptiveCard', body: HI, actions: [execute({ verb: 'comment', data: '{Reason: {{AddComment.value}}}' })] } }],
    });
    assert.deepEqual(report(text), [['AM037', '{{AddComment.value}}']]);
    assert.match(only(text, 'AM037').message, /adds the input values only to a "data" object, under their ids: make "data" an object and remove the token/);
  });

  it('reports tokens in the verb and anywhere in nested data, malformed ones included, each on its own', () => {
    const data = { ticket: 7, answer: { text: 'Reason: {{comment.value}}', tags: ['{{Comment.VALUE}}', 'fixed'] }, raw: '{{comment}}' };
    const text = card('1.4', COMMENT, { actions: [execute({ verb: 'approve-{{comment.value}}', data })] });
    assert.deepEqual(report(text), [
      ['AM037', '{{comment.value}}'], ['AM037', '{{comment.value}}'], ['AM037', '{{Comment.VALUE}}'], ['AM037', '{{comment}}'],
    ]);
  });

  it('reports Action.Execute in every slot but autoInvokeAction, and inside ShowCard cards', () => {
    const token = { data: { c: '{{comment.value}}' } };
    const text = card('1.4', [
      { type: 'Input.Text', id: 'comment', label: 'Comment', inlineAction: execute(token) },
      { type: 'Container', items: HI, selectAction: execute(token) },
    ], { actions: [showCard(HI, [execute(token)])] });
    assert.deepEqual(findings(text).filter((f) => f.rule === 'AM037').length, 3);
  });

  it('leaves text functions, Action.Http and refresh.action alone', () => {
    const text = card('1.4', COMMENT, {
      refresh: { action: execute({ data: { c: '{{comment.value}}' } }), userIds: [] },
      actions: [execute({ data: { due: '{{DATE(2026-06-03T09:30:00Z, SHORT)}}', at: '{{TIME(2026-06-03T09:30:00Z)}}', note: 'a { b } {{ c' } })],
    });
    assert.deepEqual(ruleIds(text), []);
    const http = card('1.0', [{ type: 'Input.Text', id: 'comment' }], { actions: [{ ...HTTP_APPROVE, body: '{"comment": "{{comment.value}}"}' }] });
    assert.deepEqual(ruleIds(http), []);
  });

  it('accepts the corrected card: static data, the input sent under its id', () => {
    assert.deepEqual(ruleIds(card('1.4', COMMENT, { actions: [execute({ data: { ticket: 7 } })] })), []);
  });

  it('reports in a card below 1.4 too, next to AM021', () => {
    assert.deepEqual(ruleIds(card('1.0', [{ type: 'Input.Text', id: 'comment' }], { actions: [execute({ data: '{{comment.value}}' })] })), ['AM021', 'AM037']);
  });

  it('covers the token in the JSON text when the string has escapes before it', () => {
    const text = card('1.4', COMMENT, { actions: [execute({ data: { c: '\u00e9 "quoted" {{comment.value}}' } })] }).replace('é', '\\u00e9');
    assert.deepEqual(report(text), [['AM037', '{{comment.value}}']]);
  });
});

describe('AM001 on Action.ShowCard cards', () => {
  const withCard = (shown: unknown): string => card('1.0', HI, { actions: [{ type: 'Action.ShowCard', title: 'More', card: shown }] });

  it('reports "@type" instead of "type" on the key', () => {
    const text = withCard({ '@type': 'AdaptiveCard', body: HI });
    assert.deepEqual(report(text), [['AM001', '"@type"']]);
    assert.match(findings(text)[0]!.message, /"type": "AdaptiveCard"/);
  });

  it('reports a misspelt type on its value and does not walk the card', () => {
    const text = withCard({ type: 'Adaptivecard', body: [{ type: 'Bogus' }], actions: [{ type: 'Action.Submit' }] });
    assert.deepEqual(report(text), [['AM001', '"Adaptivecard"']]);
  });

  it('reports a missing, null, non-object or untyped card', () => {
    const missing = card('1.0', HI, { actions: [{ type: 'Action.ShowCard', title: 'More' }] });
    assert.deepEqual(report(missing), [['AM001', '"Action.ShowCard"']]);
    assert.deepEqual(report(withCard(null)), [['AM001', 'null']]);
    assert.deepEqual(report(withCard('card')), [['AM001', '"card"']]);
    assert.deepEqual(report(withCard({ body: HI })), [['AM001', JSON.stringify({ body: HI })]]);
  });

  it('accepts a ShowCard card without version', () => {
    assert.deepEqual(findings(withCard({ type: 'AdaptiveCard', body: HI })), []);
  });
});
