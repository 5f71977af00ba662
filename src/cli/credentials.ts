/**
 * The connection flags every device-facing command shares (connect, discover, pair, op, bundle
 * apply, monitor): where the password comes from, the SSH key, host-key policy. A password is
 * never a flag value (it would land in shell history and `ps`): a prompt without echo, or the
 * name of an environment variable.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../core/base/errors';
import type { HostKeyPolicy } from '../core/known-hosts';
import type { ConnectTarget } from '../core/model/connect';
import type { DeviceCredentials } from '../core/session/node/open';

export interface CliConnectFlags {
  user?: string;
  passwordEnv?: string;
  newPasswordEnv?: string;
  identity?: string;
  passphraseEnv?: string;
  acceptNewHostKey?: boolean;
  knownHosts?: string;
}

/** Adds the shared connection flags to a command. */
export function addConnectOptions(cmd: Command): Command {
  return cmd
    .option('--user <NAME>', 'login user (console); for SSH put it in the URL: ssh://admin@host')
    .option('--password-env <NAME>', 'read the password from this environment variable (else: prompt without echo)')
    .option('--new-password-env <NAME>', 'new password for a forced first-login password change')
    .option('--identity <FILE>', 'SSH private key file')
    .option('--passphrase-env <NAME>', 'passphrase of the --identity key, from this environment variable')
    .option('--accept-new-host-key', 'record a first-seen SSH host key (a changed key is still refused)')
    .option('--known-hosts <FILE>', 'known-hosts file (default: in the HotPair data directory)');
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
  if (v === undefined) throw new AppError('VALIDATION', `${what}: environment variable ${name} is not set.`);
  return v;
}

export async function resolveCredentials(target: ConnectTarget, flags: CliConnectFlags, io: PromptIo): Promise<DeviceCredentials> {
  const c: DeviceCredentials = {};
  const user = target.kind === 'ssh' ? (target.username ?? flags.user) : flags.user;
  if (user) c.username = user;
  else if (io.isTTY) c.username = (await io.ask('login: ')).trim();
  else throw new AppError('VALIDATION', 'No user name: put it in the URL (ssh://admin@host) or pass --user NAME.');
  if (flags.identity) {
    try {
      c.privateKey = readFileSync(flags.identity);
    } catch (e) {
      throw new AppError('VALIDATION', `Cannot read the key file ${flags.identity}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    if (flags.passphraseEnv) c.passphrase = fromEnv(flags.passphraseEnv, '--passphrase-env');
  }
  if (flags.passwordEnv) c.password = fromEnv(flags.passwordEnv, '--password-env');
  else if (!flags.identity || target.kind === 'serial') {
    if (!io.isTTY) throw new AppError('VALIDATION', 'No password: not on a terminal to ask, so pass --password-env NAME.');
    c.password = await io.secret(`${c.username}'s password: `);
  }
  if (flags.newPasswordEnv) c.newPassword = fromEnv(flags.newPasswordEnv, '--new-password-env');
  return c;
}

/** accept-new for scripts; on a terminal, ask as OpenSSH does; otherwise refuse unknown keys. */
export function hostKeyPolicy(flags: CliConnectFlags, io: PromptIo): HostKeyPolicy {
  if (flags.acceptNewHostKey) return { acceptNew: true };
  if (!io.isTTY) return {};
  return {
    confirmNew: async ({ host, port, type, fingerprint }) => {
      io.err(`The authenticity of host '${port === 22 ? host : `[${host}]:${port}`}' can't be established.\n${type} key fingerprint is ${fingerprint}.\n`);
      const a = (await io.ask('Are you sure you want to continue connecting (yes/no)? ')).trim().toLowerCase();
      return a === 'yes';
    },
  };
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
          if (ch === '\x03') return finish(new AppError('CANCELLED', 'Cancelled by the user.'));
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
