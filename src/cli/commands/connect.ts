/**
 * `hotpair connect <url>`: log in and either run commands (--exec, repeatable) or hand the
 * terminal over as a raw console (keys go straight to the device; Ctrl+] then q quits, then b
 * sends a break). A pulled console cable is waited for, not fatal.
 */
import type { Command } from 'commander';
import { AppError, toErrorInfo } from '../../core/base/errors';
import { formatConnectTarget, parseConnectUrl } from '../../core/model/connect';
import { SerialTransport } from '../../core/transport/node/serial';
import { openCliSession, type CliOpenedSession } from '../connect-session';
import { addConnectOptions, type CliConnectFlags } from '../credentials';
import { t } from '../i18n';
import { connectUrlRefusal, errorLines, errorMessage } from '../error-text';

interface ConnectFlags extends CliConnectFlags {
  exec?: string[];
}

const ESCAPE = '\x1d'; // Ctrl+], as telnet
const REPLUG_WAIT_MS = 10 * 60_000;

export async function runConnect(url: string, flags: ConnectFlags, signal: AbortSignal): Promise<number> {
  const parsed = parseConnectUrl(url);
  if (!parsed.ok) {
    process.stderr.write(`${t('commandError', { command: 'connect', message: connectUrlRefusal(parsed) })}\n`);
    return 2;
  }
  let opened: CliOpenedSession | undefined;
  try {
    process.stderr.write(`${t('connecting', { target: formatConnectTarget(parsed.target) })}\n`);
    opened = await openCliSession(parsed.target, flags, signal);
    if (opened.baud) process.stderr.write(`${t('connectCmd.lineSpeed', { baud: String(opened.baud) })}\n`);
    process.stderr.write(`${t('transcript', { path: opened.transcript })}\n`);
    if (flags.exec?.length) {
      for (const cmd of flags.exec) {
        const r = await opened.session.exec(cmd, { signal });
        process.stdout.write(`${r.output}${r.output ? '\n' : ''}`);
      }
      return 0;
    }
    await interactive(opened, signal);
    return 0;
  } catch (e) {
    const info = toErrorInfo(e);
    const d = info.details ?? {};
    // the device's own picture of the mistake: the command line and the caret under it
    const caret = typeof d.caret === 'string' && typeof d.echo === 'string' ? `${d.echo}\n${d.caret}\n` : '';
    process.stderr.write(`${caret}${errorLines(info, { command: 'connect', coded: true })}`);
    return 1;
  } finally {
    await opened?.close().catch(() => undefined);
  }
}

/** Raw passthrough until Ctrl+] q, end of input or abort. */
async function interactive(opened: CliOpenedSession, signal: AbortSignal): Promise<void> {
  const { session, transport } = opened;
  const ch = session.channel;
  process.stderr.write(`${t('connectCmd.connected')}\n`);
  process.stdout.write(session.prompt.text);
  const textSub = ch.onText((t) => process.stdout.write(t));
  const stdin = process.stdin;
  if (stdin.isTTY) stdin.setRawMode(true);
  stdin.resume();
  let escaped = false;
  await new Promise<void>((resolve) => {
    const finish = () => {
      stdin.off('data', onKey);
      stdin.off('end', finish);
      signal.removeEventListener('abort', finish);
      closeSub.dispose();
      if (stdin.isTTY) stdin.setRawMode(false);
      stdin.pause();
      resolve();
    };
    const onKey = (buf: Buffer) => {
      let text = buf.toString('utf8');
      if (escaped || text.includes(ESCAPE)) {
        const after = escaped ? text : text.slice(text.indexOf(ESCAPE) + 1);
        text = escaped ? '' : text.slice(0, text.indexOf(ESCAPE));
        escaped = after === '';
        if (/^[q.]/i.test(after)) return finish();
        if (/^b/i.test(after)) void transport.sendBreak?.().catch(() => undefined);
      }
      if (text) {
        session.invalidateView();
        void ch.write(text).catch(() => undefined);
      }
    };
    const closeSub = transport.onClose((e) => {
      if (transport instanceof SerialTransport && e.error) {
        process.stderr.write(`\r\n${t('connectCmd.waiting', { message: errorMessage(e.error), path: transport.path })}\r\n`);
        transport.reconnect({ timeoutMs: REPLUG_WAIT_MS, signal }).then(
          () => {
            ch.reattach();
            process.stderr.write(`\r\n${t('connectCmd.reconnected')}\r\n`);
            session.invalidateView();
            void ch.write('\r').catch(() => undefined);
          },
          (err: unknown) => {
            process.stderr.write(`\r\n${err instanceof AppError ? errorMessage(err) : String(err)}\r\n`);
            finish();
          },
        );
        return;
      }
      process.stderr.write(`\r\n${e.error ? errorMessage(e.error) : t('connectCmd.closed')}\r\n`);
      finish();
    });
    stdin.on('data', onKey);
    stdin.on('end', finish);
    signal.addEventListener('abort', finish, { once: true });
  });
  textSub.dispose();
}

export function registerConnect(program: Command): void {
  const cmd = program
    .command('connect')
    .description(t('connectCmd.desc'))
    .argument('<url>', t('connectCmd.url'))
    .option('--exec <command>', t('connectCmd.exec'), (v: string, prev: string[] = []) => [...prev, v]);
  addConnectOptions(cmd).action(async (url: string, flags: ConnectFlags) => {
    const ctrl = new AbortController();
    const onSigint = () => ctrl.abort();
    process.once('SIGINT', onSigint);
    try {
      process.exitCode = await runConnect(url, flags, ctrl.signal);
    } finally {
      process.off('SIGINT', onSigint);
    }
  });
}
