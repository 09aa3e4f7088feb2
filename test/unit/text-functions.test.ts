// {{DATE(…)}} and {{TIME(…)}} in the readable email body: written out as the card shows them (en-US, UTC), invalid
// tokens kept as written, and one linear pass over any text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cardEmailHtml } from '../../server/src/email/card-email';
import { formatTextFunctions } from '../../server/src/email/text-functions';
import { parsed, scriptCard, textOf } from './mail-parsing';

describe('formatTextFunctions', () => {
  it('writes out the documentation example: SHORT date and the time, in UTC', () => {
    assert.equal(
      formatTextFunctions('Your package will arrive on {{DATE(2017-02-14T06:00:00Z, SHORT)}} at {{TIME(2017-02-14T06:00:00Z)}}'),
      'Your package will arrive on Tue, Feb 14, 2017 at 6:00 AM UTC',
    );
  });

  it('has the COMPACT (default), SHORT and LONG date forms, with or without the space after the comma', () => {
    const at = '2026-06-03T09:30:00Z';
    assert.equal(formatTextFunctions(`{{DATE(${at})}}`), '6/3/2026');
    assert.equal(formatTextFunctions(`{{DATE(${at}, COMPACT)}}`), '6/3/2026');
    assert.equal(formatTextFunctions(`{{DATE(${at},SHORT)}}`), 'Wed, Jun 3, 2026');
    assert.equal(formatTextFunctions(`{{DATE(${at}, LONG)}}`), 'Wednesday, June 3, 2026');
    assert.equal(formatTextFunctions(`{{TIME(${at})}}`), '9:30 AM UTC');
    assert.equal(formatTextFunctions('{{TIME(2026-06-03T21:05:59Z)}}'), '9:05 PM UTC');
  });

  it('converts an offset to UTC, which can change the date', () => {
    assert.equal(formatTextFunctions('{{DATE(2017-02-14T23:30:00-07:00, LONG)}}'), 'Wednesday, February 15, 2017');
    assert.equal(formatTextFunctions('{{TIME(2017-02-14T23:30:00-07:00)}}'), '6:30 AM UTC');
    assert.equal(formatTextFunctions('{{TIME(2017-02-14T06:08:00+07:00)}}'), '11:08 PM UTC');
  });

  it('keeps invalid tokens as written: case, spaces, fractions, impossible dates and times, unknown forms, unclosed', () => {
    const invalid = [
      '{{date(2017-02-14T06:00:00Z)}}', '{{Date(2017-02-14T06:00:00Z)}}', '{{ DATE(2017-02-14T06:00:00Z)}}',
      '{{DATE( 2017-02-14T06:00:00Z)}}', '{{DATE(2017-02-14T06:00:00Z )}}', '{{DATE(2017-02-14T06:00:00Z) }}',
      '{{DATE(2017-02-14T06:00:00Z,  SHORT)}}', '{{DATE(2017-02-14T06:00:00Z, short)}}', '{{DATE(2017-02-14T06:00:00Z, MEDIUM)}}',
      '{{TIME(2017-02-14T06:00:00Z, SHORT)}}', '{{DATE(2017-02-14T06:00:00.000Z)}}', '{{DATE(2017-02-14T06:00Z)}}',
      '{{DATE(2017-02-14 06:00:00Z)}}', '{{DATE(2017-02-14T06:00:00)}}', '{{DATE(2017-02-14T06:00:00+0700)}}',
      '{{DATE(2017-02-29T06:00:00Z)}}', '{{DATE(2017-02-30T06:00:00Z)}}', '{{DATE(2017-13-01T06:00:00Z)}}',
      '{{DATE(2017-00-10T06:00:00Z)}}', '{{DATE(2017-04-31T06:00:00Z)}}', '{{TIME(2017-02-14T24:00:00Z)}}',
      '{{TIME(2017-02-14T06:60:00Z)}}', '{{TIME(2017-02-14T06:00:60Z)}}', '{{TIME(2017-02-14T06:00:00+24:00)}}',
      '{{TIME(2017-02-14T06:00:00-07:60)}}', '{{DATE(2017-02-14T06:00:00Z)}', '{{DATE(2017-02-14T06:00:00Z)', '{{DATE(',
      '{{TIME(2017-02-14T06:00:00Z}}', '{DATE(2017-02-14T06:00:00Z)}', '{{DATE(٢٠١٧-02-14T06:00:00Z)}}',
    ];
    for (const token of invalid) assert.equal(formatTextFunctions(`a ${token} b`), `a ${token} b`, token);
  });

  it('accepts 29 February in a leap year, and finds a token after a stray brace or a broken one', () => {
    assert.equal(formatTextFunctions('{{DATE(2016-02-29T00:00:00Z, LONG)}}'), 'Monday, February 29, 2016');
    assert.equal(formatTextFunctions('{{DATE(2000-02-29T00:00:00Z)}}'), '2/29/2000');
    assert.equal(formatTextFunctions('{{{DATE(2016-02-29T00:00:00Z)}}}'), '{2/29/2016}');
    assert.equal(formatTextFunctions('{{DATE(bad)}}{{TIME(2016-02-29T13:00:00Z)}}'), '{{DATE(bad)}}1:00 PM UTC');
  });

  it('leaves text without tokens, input tokens and other braces unchanged', () => {
    for (const text of ['', 'plain', '{{comment.value}}', '{{DATE}}', '${report.id}', '{{', '}}{{']) assert.equal(formatTextFunctions(text), text);
  });

  it('takes time in proportion to the text: 16 times the text costs far less than 256 times the time', () => {
    const families = ['{{', '{{DATE(', '{{DATE(2017-02-14T06:00:00Z, ', '{{TIME(2017-02-14T06:00:00Z', '{{DATE(2017-02-14T06:00:00Z)}}'];
    for (const family of families) {
      const cpuMs = (text: string) => {
        let least = Infinity;
        for (let run = 0; run < 3; run++) {
          const start = process.cpuUsage();
          formatTextFunctions(text);
          const used = process.cpuUsage(start);
          least = Math.min(least, (used.user + used.system) / 1000);
        }
        return least;
      };
      const large = family.repeat(Math.ceil(1_000_000 / family.length));
      const small = large.slice(0, large.length / 16);
      const [smallMs, largeMs] = [cpuMs(small), cpuMs(large)];
      // Below a few milliseconds the clock's resolution decides; a quadratic pass over 1 MB would take minutes.
      if (largeMs > 20) assert.ok(largeMs / Math.max(smallMs, 1) < 64, `${family}: ${smallMs} ms for 1/16, ${largeMs} ms for 1 MB`);
      assert.ok(largeMs < 5_000, `${family}: ${largeMs} ms of CPU for 1 MB`);
    }
  });
});

describe('the readable email body writes out dates and times', () => {
  const card = {
    type: 'AdaptiveCard', version: '1.0', originator: '8f14e45f-ceea-467f-a0e6-3c1c0c3e1b2a',
    body: [
      { type: 'TextBlock', text: 'Due {{DATE(2026-06-03T09:30:00Z, SHORT)}} at {{TIME(2026-06-03T09:30:00Z)}}' },
      { type: 'FactSet', facts: [{ title: 'Submitted', value: '{{DATE(2026-06-01T17:00:00+02:00, LONG)}}' }] },
      { type: 'RichTextBlock', inlines: ['On ', { type: 'TextRun', text: '{{DATE(2026-06-03T09:30:00Z)}}' }, ' {{TIME(bad)}}'] },
    ],
  };

  it('in TextBlocks, facts and rich text runs, while the card in the script keeps its tokens', () => {
    const { html } = cardEmailHtml({ cardText: JSON.stringify(card) });
    const text = textOf(parsed(html).body);
    for (const expected of ['Due Wed, Jun 3, 2026 at 9:30 AM UTC', 'Monday, June 1, 2026', 'On 6/3/2026 {{TIME(bad)}}']) {
      assert.ok(text.includes(expected), `body has ${JSON.stringify(expected)}:\n${text}`);
    }
    assert.ok(!text.includes('{{DATE('), text);
    assert.deepEqual(scriptCard(html).value, card, 'Outlook formats the card itself, for its reader');
  });
});
