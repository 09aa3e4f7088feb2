// Deterministic generator of realistic Outlook actionable-message cards (Adaptive Card 1.0, Action.Http model)
// of roughly a requested size, for the benchmarks. The same size always gives the same text; the words of each
// section vary with a hash of its index and position, so no two sections are alike.

const WORDS = [
  'expense', 'report', 'approval', 'invoice', 'travel', 'budget', 'quarter', 'review', 'manager', 'contoso',
  'pending', 'submitted', 'meeting', 'project', 'deadline', 'customer', 'order', 'shipment', 'ticket', 'priority',
];

const ORIGINATOR = '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a';

/** lowbias32, an integer hash with good avalanche: neighbouring inputs give unrelated outputs. */
function hash(x) {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

export function makeSection(index) {
  let draw = 0;
  const pick = (items) => items[hash(index * 1000 + draw++) % items.length];
  const sentence = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const id = (prefix) => `${prefix}${index}`;
  const httpAction = (title, inputIds) => ({
    type: 'Action.Http',
    title,
    method: 'POST',
    url: `https://api.contoso.example/items/${index}/${title.toLowerCase()}`,
    body: JSON.stringify(Object.fromEntries(inputIds.map((input) => [input, `{{${input}.value}}`]))),
    headers: [{ name: 'Content-Type', value: 'application/json' }],
  });
  const inputs = [
    { type: 'Input.Text', id: id('comment'), placeholder: sentence(4), isMultiline: true, maxLength: 500 },
    { type: 'Input.Number', id: id('amount'), placeholder: 'Amount', min: 0, max: 100000 },
    { type: 'Input.Date', id: id('due'), placeholder: 'Due date' },
    {
      type: 'Input.ChoiceSet', id: id('decision'), style: 'compact', value: 'approve',
      choices: ['approve', 'reject', 'defer'].map((value) => ({ title: value[0].toUpperCase() + value.slice(1), value })),
    },
    { type: 'Input.Toggle', id: id('notify'), title: 'Notify the requester', valueOn: 'true', valueOff: 'false' },
  ];
  const inputIds = inputs.map((input) => input.id);
  return {
    type: 'Container',
    id: id('section'),
    style: index % 2 === 0 ? 'emphasis' : 'default',
    items: [
      { type: 'TextBlock', text: `${sentence(3)} #${index}`, weight: 'bolder', size: 'medium', wrap: true },
      {
        type: 'ColumnSet',
        columns: [
          {
            type: 'Column', width: 'auto',
            items: [{ type: 'Image', url: `https://cdn.contoso.example/avatars/${index}.png`, size: 'small', style: 'person', altText: 'Requester' }],
          },
          {
            type: 'Column', width: 'stretch',
            items: [
              { type: 'TextBlock', text: sentence(12), wrap: true },
              { type: 'TextBlock', text: `Submitted ${index % 28 + 1} June`, isSubtle: true, spacing: 'none', wrap: true },
            ],
          },
        ],
      },
      { type: 'FactSet', facts: Array.from({ length: 4 }, (_, f) => ({ title: `${pick(WORDS)}:`, value: sentence(3) + ` ${f}` })) },
      ...inputs,
      {
        type: 'ActionSet',
        actions: [
          httpAction('Approve', inputIds),
          httpAction('Reject', inputIds.slice(0, 1)),
          {
            type: 'Action.ShowCard',
            title: 'Details',
            card: {
              type: 'AdaptiveCard',
              body: [
                { type: 'TextBlock', text: sentence(20), wrap: true },
                { type: 'Input.Text', id: id('reason'), placeholder: 'Reason' },
              ],
              actions: [httpAction('Send', [id('reason')])],
            },
          },
          { type: 'Action.OpenUrl', title: 'Open', url: `https://contoso.example/items/${index}` },
        ],
      },
    ],
  };
}

/** A pretty-printed card of about `targetBytes` bytes (never smaller), made of repeated, varied sections. */
export function generateCard(targetBytes) {
  const card = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.0',
    originator: ORIGINATOR,
    hideOriginalBody: true,
    body: [{ type: 'TextBlock', text: 'Pending approvals', size: 'large', weight: 'bolder' }],
    actions: [{ type: 'Action.OpenUrl', title: 'Open the portal', url: 'https://contoso.example/approvals' }],
  };
  const overhead = JSON.stringify(card, null, 2).length;
  let size = overhead;
  for (let index = 0; size < targetBytes; index++) {
    const section = makeSection(index);
    card.body.push(section);
    const sectionText = JSON.stringify(section, null, 2);
    // Inside body every line of the section is indented by four more spaces, and a comma and newline precede it.
    size += sectionText.length + 4 * sectionText.split('\n').length + 2;
  }
  return JSON.stringify(card, null, 2);
}
