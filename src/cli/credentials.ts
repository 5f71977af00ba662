/**
 * The connection flags every device-facing command shares (connect, discover, pair, op, monitor,
 * recover, bundle apply), and the one rule for where each device setting comes from: the command
 * line, else the pair file's per-device setting, else a prompt. A password is never a flag value
 * (it would land in shell history and `ps`): a prompt without echo, or the name of an environment
 * variable.
 */
import type { Command } from 'commander';
import { AppError } from '../core/base/errors';
import { hostPattern } from '../core/known-hosts';
import type { DeviceKey } from '../core/model/pair';
import type { ConnectAsk, LoginInput } from '../core/session/node/connect';
import { t } from './i18n';

export interface CliConnectFlags {
  user?: string;
  passwordEnv?: string;
  newPasswordEnv?: string;
  identity?: string;
  passphraseEnv?: string;
  acceptNewHostKey?: boolean;
  knownHosts?: string;
}

/** `--a/--b`: the devices of a pair-based command. */
export interface TargetFlags {
  a?: string;
  b?: string;
}

/** What a pair file (or a journal, or a bundle) says about one device. */
export interface DeviceSettings {
  connect?: string;
  passwordEnv?: string;
  identityFile?: string;
  /** A password sealed in a bundle: the file's own secret, so it ranks with the file. */
  password?: string;
}

/** One device's settings once the precedence rule is applied. */
export interface EffectiveSettings extends CliConnectFlags {
  url?: string;
  password?: string;
}

/** The precedence rule as printed in each command's --help; `source` is what names the devices (pair file, bundle, journal). */
export function precedenceHelp(source?: string): string {
  // a journal records only the devices' URLs; a pair file (and the one in a bundle) also their secrets' sources
  const src = sourceKey(source);
  const lines = [
    '',
    t('connect.precedence.title', { src }),
    ...(source ? [t('connect.precedence.connect', { src })] : []),
    t('connect.precedence.password', { src }),
    t('connect.precedence.key', { src }),
    t('connect.precedence.user'),
    t('connect.precedence.hostKey'),
  ];
  return lines.join('\n');
}

/** The catalogue's name for what names the devices ("pair file" → pairFile), "none" without one. */
const sourceKey = (source: string | undefined): string => (source === undefined ? 'none' : source === 'pair file' ? 'pairFile' : source);

/**
 * Adds the shared connection flags to a command, with the precedence rule in its --help; `source`
 * (the pair file, the journal, the bundle) adds `--a/--b` to replace that source's device URLs.
 */
export function addConnectOptions(cmd: Command, source?: string): Command {
  if (source) {
    const src = sourceKey(source);
    cmd.option('--a <URL>', t('connect.opt.a', { src })).option('--b <URL>', t('connect.opt.b', { src }));
  }
  return cmd
    .option('--user <NAME>', t('connect.opt.user'))
    .option('--password-env <NAME>', t('connect.opt.passwordEnv'))
    .option('--new-password-env <NAME>', t('connect.opt.newPasswordEnv'))
    .option('--identity <FILE>', t('connect.opt.identity'))
    .option('--passphrase-env <NAME>', t('connect.opt.passphraseEnv'))
    .option('--accept-new-host-key', t('connect.opt.acceptNewHostKey'))
    .option('--known-hosts <FILE>', t('connect.opt.knownHosts'))
    .addHelpText('after', precedenceHelp(source));
}

/**
 * The one precedence rule, per setting: command-line flag > the file's per-device setting >
 * (later, at connect time) a prompt. Every device-facing command goes through here.
 */
export function effectiveSettings(flags: CliConnectFlags & TargetFlags, file: DeviceSettings = {}, k?: DeviceKey): EffectiveSettings {
  const e: EffectiveSettings = {};
  for (const name of ['user', 'passwordEnv', 'newPasswordEnv', 'identity', 'passphraseEnv', 'acceptNewHostKey', 'knownHosts'] as const) {
    if (flags[name] !== undefined) Object.assign(e, { [name]: flags[name] });
  }
  const url = (k ? flags[k] : undefined) ?? file.connect;
  if (url !== undefined) e.url = url;
  if (flags.passwordEnv === undefined) {
    if (file.password !== undefined) e.password = file.password;
    else if (file.passwordEnv) e.passwordEnv = file.passwordEnv;
  }
  if (flags.identity === undefined && file.identityFile) e.identity = file.identityFile;
  return e;
}

export interface PromptIo {
  isTTY: boolean;
  /** Asks without echo (passwords). */
  secret(question: string): Promise<string>;
  /** Asks with echo (user name, yes/no). */
  ask(question: string): Promise<string>;
  err(text: string): void;
}

function fromEnv(name: string, what: string): string {
  const v = process.env[name];
  if (v === undefined) throw new AppError('VALIDATION', t('connect.envNotSet', { what, name }));
  return v;
}

/** The login the settings name (environment variables read now); what is still missing is asked at connect time. */
export function loginInput(e: EffectiveSettings): LoginInput {
  const l: LoginInput = {};
  if (e.user) l.username = e.user;
  if (e.password !== undefined) l.password = e.password;
  else if (e.passwordEnv) l.password = fromEnv(e.passwordEnv, t('connect.password'));
  if (e.newPasswordEnv) l.newPassword = fromEnv(e.newPasswordEnv, '--new-password-env');
  if (e.identity) {
    l.identityFile = e.identity;
    if (e.passphraseEnv) l.passphrase = fromEnv(e.passphraseEnv, '--passphrase-env');
  }
  return l;
}

/**
 * The terminal's answers: prompts only on a terminal; host keys: accept-new for scripts, on a
 * terminal asked as OpenSSH asks, otherwise refused.
 */
export function terminalAsk(flags: CliConnectFlags, io: PromptIo): ConnectAsk {
  const ask: ConnectAsk = {
    missing: (what) =>
      what === 'username'
        ? new AppError('VALIDATION', t('connect.noUser'))
        : new AppError('VALIDATION', t('connect.noPassword')),
  };
  if (io.isTTY) {
    ask.askUsername = (q) => io.ask(q);
    ask.askPassword = (q) => io.secret(q);
  }
  if (flags.acceptNewHostKey) ask.confirmHostKey = async () => true;
  else if (io.isTTY) {
    ask.confirmHostKey = async ({ host, port, type, fingerprint }) => {
      io.err(`${t('connect.hostUnknown', { host: hostPattern(host, port), type, fingerprint })}\n`);
      const a = (await io.ask(t('connect.hostConfirm'))).trim().toLowerCase();
      return a === 'yes';
    };
  }
  return ask;
}

/** Terminal prompts on stdin/stderr; the secret prompt reads in raw mode so nothing is echoed. */
export function terminalPromptIo(): PromptIo {
  const stdin = process.stdin;
  const readLine = (question: string, echo: boolean) =>
    new Promise<string>((resolve, reject) => {
      process.stderr.write(question);
      let text = '';
      const wasRaw = stdin.isRaw;
      stdin.setRawMode?.(true);
      stdin.resume();
      const onData = (buf: Buffer) => {
        for (const ch of buf.toString('utf8')) {
          if (ch === '\r' || ch === '\n') return finish();
          if (ch === '\x03') return finish(new AppError('CANCELLED', t('connect.cancelled')));
          if (ch === '\x7f' || ch === '\b') {
            if (text && echo) process.stderr.write('\b \b');
            text = text.slice(0, -1);
          } else if (ch >= ' ') {
            text += ch;
            if (echo) process.stderr.write(ch);
          }
        }
      };
      const finish = (e?: AppError) => {
        stdin.off('data', onData);
        stdin.setRawMode?.(wasRaw);
        stdin.pause();
        process.stderr.write('\n');
        if (e) reject(e);
        else resolve(text);
      };
      stdin.on('data', onData);
    });
  return {
    isTTY: Boolean(process.stdin.isTTY && process.stderr.isTTY),
    secret: (q) => readLine(q, false),
    ask: (q) => readLine(q, true),
    err: (t) => process.stderr.write(t),
  };
}
