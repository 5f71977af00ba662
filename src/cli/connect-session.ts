/**
 * Opens a logged-in session for a CLI command from a URL's target and the shared flags
 * (credentials.ts): SSH with known hosts, console with auto-baud, transcript in the data dir.
 */
import { openKnownHosts } from '../core/transport/node/known-hosts-file';
import type { ConnectTarget } from '../core/model/connect';
import { openSession, type OpenedSession as CoreOpened } from '../core/session/node/open';
import type { DeviceSession } from '../core/session/session';
import { hostKeyPolicy, resolveCredentials, terminalPromptIo, type CliConnectFlags, type PromptIo } from './credentials';

export type { CliConnectFlags } from './credentials';

export interface CliOpenedSession {
  session: DeviceSession;
  transport: CoreOpened['transport'];
  transcript: string;
  baud?: number;
  close(): Promise<void>;
}

export async function openCliSession(target: ConnectTarget, flags: CliConnectFlags, signal: AbortSignal, io: PromptIo = terminalPromptIo()): Promise<CliOpenedSession> {
  const credentials = await resolveCredentials(target, flags, io);
  const opened = await openSession({
    target,
    credentials,
    knownHosts: flags.knownHosts ? openKnownHosts(flags.knownHosts) : openKnownHosts(),
    hostKeyPolicy: hostKeyPolicy(flags, io),
    signal,
    onStatus: (m) => io.err(`${m}\n`),
  });
  return {
    session: opened.session,
    transport: opened.transport,
    transcript: opened.transcriptPath,
    ...(opened.baud !== undefined ? { baud: opened.baud } : {}),
    close: () => opened.session.close(),
  };
}
