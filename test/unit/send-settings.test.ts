// The actionableMessages.send.* settings as Send Card to Myself reads them: defaults, and a bad value named by its key.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSendSettings } from '../../server/src/settings';

describe('readSendSettings', () => {
  it('gives Graph, yourself and STARTTLS on 587 when nothing is set', () => {
    assert.deepEqual(readSendSettings({}), {
      settings: {
        transport: 'graph', to: undefined, allowOtherRecipients: false, graphBaseUrl: undefined, graphClientId: undefined,
        smtp: { host: undefined, port: 587, security: 'starttls', user: undefined },
      },
      problems: [],
    });
  });

  it('reads the nested values as VS Code gives them', () => {
    const { settings, problems } = readSendSettings({
      send: { transport: 'smtp', to: ' lee@contoso.example ', allowOtherRecipients: true, smtp: { host: 'smtp.contoso.example', port: 465, security: 'tls', user: 'ana@contoso.example' } },
    });
    assert.deepEqual(problems, []);
    assert.equal(settings.transport, 'smtp');
    assert.equal(settings.to, 'lee@contoso.example');
    assert.equal(settings.allowOtherRecipients, true);
    assert.deepEqual(settings.smtp, { host: 'smtp.contoso.example', port: 465, security: 'tls', user: 'ana@contoso.example' });
  });

  it('names each bad value by its key and uses the default in its place', () => {
    const { settings, problems } = readSendSettings({ send: { transport: 'pigeon', smtp: { port: 70000, security: 'none' } } });
    assert.deepEqual(problems.map((problem) => problem.key), ['send.transport', 'send.smtp.port', 'send.smtp.security']);
    assert.match(problems[1]!.message, /"send\.smtp\.port" must be a whole number from 1 to 65535, not 70000/);
    assert.deepEqual([settings.transport, settings.smtp.port, settings.smtp.security], ['graph', 587, 'starttls']);
  });
});
