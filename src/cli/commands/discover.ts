import type { Command } from 'commander';
import { toErrorInfo, type ErrorInfo } from '../../core/base/errors';
import { discover, type DiscoverSession } from '../../core/discover/discover';
import { formatFacts } from '../../core/discover/format';
import { connectUrlError, formatConnectTarget, parseConnectUrl, type ConnectTarget } from '../../core/model/connect';
import type { DeviceFacts } from '../../core/model/facts';
import { openCliSession } from '../connect-session';
import { addConnectOptions, type CliConnectFlags } from '../credentials';
import { t } from '../i18n';
import { errorLines } from '../error-text';
import { cliCore } from '../../i18n/node/cli-core';

/** Exit codes of `hotpair discover`: scripts branch on them. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface DiscoverFlags extends CliConnectFlags {
  json?: boolean;
}

export interface OpenedSession {
  session: DiscoverSession;
  /** Where the transcript was written, shown so the engineer can attach it to a report. */
  transcript?: string;
  close(): Promise<void>;
}

/** Opens a logged-in session to the target; injected so tests (and the host) can pass a fake. */
export type OpenSession = (target: ConnectTarget, flags: DiscoverFlags, signal: AbortSignal) => Promise<OpenedSession>;

export interface DiscoverIo {
  out(text: string): void;
  err(text: string): void;
}

function errorText(e: ErrorInfo): string {
  return errorLines(e, { command: 'discover', coded: true });
}

/**
 * Connects, discovers and prints. JSON mode prints the house Result envelope
 * (`{ok: true, data: facts}` / `{ok: false, error}`) on stdout, so scripts read one shape.
 */
export async function runDiscover(url: string, flags: DiscoverFlags, io: DiscoverIo, open: OpenSession, signal: AbortSignal): Promise<number> {
  const fail = (error: ErrorInfo, code: number): number => {
    if (flags.json) io.out(`${JSON.stringify({ ok: false, error }, null, 2)}\n`);
    else io.err(errorText(error));
    return code;
  };
  const parsed = parseConnectUrl(url);
  if (!parsed.ok) return fail(connectUrlError(parsed).toInfo(), EXIT_USAGE);
  let opened: OpenedSession | undefined;
  let facts: DeviceFacts;
  try {
    if (!flags.json) io.err(`${t('connecting', { target: formatConnectTarget(parsed.target) })}\n`);
    opened = await open(parsed.target, flags, signal);
    facts = await discover(opened.session, {
      signal,
      onStep: ({ command, index, total }) => {
        if (!flags.json) io.err(`[${index + 1}/${total}] ${command}\n`);
      },
    });
  } catch (e) {
    return fail(toErrorInfo(e), EXIT_FAILED);
  } finally {
    // Closing a session that failed half-way must not hide the error that ended it.
    await opened?.close().catch(() => undefined);
  }
  if (flags.json) io.out(`${JSON.stringify({ ok: true, data: facts }, null, 2)}\n`);
  else {
    io.out(formatFacts(facts, cliCore()));
    if (opened?.transcript) io.err(`${t('transcript', { path: opened.transcript })}\n`);
  }
  return EXIT_OK;
}

/** The real opener: the shared connection flags, known hosts, login and transcript (connect-session.ts). */
export const openWithFlags: OpenSession = async (target, flags, signal) => {
  const opened = await openCliSession(target, flags, signal);
  return { session: opened.session, transcript: opened.transcript, close: () => opened.close() };
};

export function registerDiscover(program: Command): void {
  const cmd = program
    .command('discover')
    .description(t('discover.desc'))
    .argument('<url>', t('discover.url'))
    .option('--json', t('discover.json'));
  addConnectOptions(cmd).action(async (url: string, flags: DiscoverFlags) => {
    const ctrl = new AbortController();
    const onSigint = () => ctrl.abort();
    process.once('SIGINT', onSigint);
    try {
      const io = { out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s) };
      process.exitCode = await runDiscover(url, flags, io, openWithFlags, ctrl.signal);
    } finally {
      process.off('SIGINT', onSigint);
    }
  });
}
