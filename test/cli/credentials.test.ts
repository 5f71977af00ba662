import { afterEach, describe, expect, it } from 'vitest';
import { effectiveSettings, loginInput, terminalAsk, type PromptIo } from '../../src/cli/credentials';

const file = { connect: 'ssh://admin@192.0.2.11:22', passwordEnv: 'SITE_PW', identityFile: '/keys/site' };

describe('the precedence rule: command-line flag > pair file > prompt', () => {
  it('takes the flag over the file for the URL, the password source and the key', () => {
    const e = effectiveSettings({ a: 'ssh://admin@127.0.0.1:2201', passwordEnv: 'MY_PW', identity: '/keys/mine' }, file, 'a');
    expect(e).toMatchObject({ url: 'ssh://admin@127.0.0.1:2201', passwordEnv: 'MY_PW', identity: '/keys/mine' });
  });

  it('falls back to the file per setting, each on its own', () => {
    expect(effectiveSettings({ identity: '/keys/mine' }, file, 'a')).toMatchObject({ url: file.connect, passwordEnv: 'SITE_PW', identity: '/keys/mine' });
    expect(effectiveSettings({ passwordEnv: 'MY_PW' }, file, 'a')).toMatchObject({ passwordEnv: 'MY_PW', identity: '/keys/site' });
  });

  it('reads --a only for device A and --b only for device B', () => {
    expect(effectiveSettings({ b: 'serial:///dev/ttyUSB1' }, file, 'a').url).toBe(file.connect);
    expect(effectiveSettings({ b: 'serial:///dev/ttyUSB1' }, file, 'b').url).toBe('serial:///dev/ttyUSB1');
  });

  it('leaves to the prompt what neither names', () => {
    const e = effectiveSettings({}, { connect: file.connect }, 'a');
    expect(e.passwordEnv).toBeUndefined();
    expect(e.password).toBeUndefined();
    expect(e.identity).toBeUndefined();
  });

  it("ranks a bundle's sealed password with the file: over its passwordEnv, under --password-env", () => {
    expect(effectiveSettings({}, { ...file, password: 'sealed' }, 'a')).toMatchObject({ password: 'sealed' });
    expect(effectiveSettings({}, { ...file, password: 'sealed' }, 'a').passwordEnv).toBeUndefined();
    const flagged = effectiveSettings({ passwordEnv: 'MY_PW' }, { ...file, password: 'sealed' }, 'a');
    expect(flagged.password).toBeUndefined();
    expect(flagged.passwordEnv).toBe('MY_PW');
  });
});

describe('login from the settings', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('reads the named environment variables, and refuses one that is not set', () => {
    process.env.HP_T_PW = 'pw1';
    process.env.HP_T_NEW = 'pw2';
    expect(loginInput({ user: 'ops', passwordEnv: 'HP_T_PW', newPasswordEnv: 'HP_T_NEW' })).toEqual({ username: 'ops', password: 'pw1', newPassword: 'pw2' });
    delete process.env.HP_T_PW;
    expect(() => loginInput({ passwordEnv: 'HP_T_PW' })).toThrow(/HP_T_PW is not set/);
  });

  it('without a terminal asks nothing: missing values are refused naming the flag, unknown host keys too', () => {
    const io: PromptIo = { isTTY: false, secret: async () => 'x', ask: async () => 'x', err: () => undefined };
    const ask = terminalAsk({}, io);
    expect(ask.askPassword).toBeUndefined();
    expect(ask.confirmHostKey).toBeUndefined();
    expect(ask.missing('password', { kind: 'ssh', host: 'h', port: 22 }).message).toMatch(/--password-env/);
    expect(terminalAsk({ acceptNewHostKey: true }, io).confirmHostKey).toBeDefined();
  });
});
