/**
 * Opens a logged-in DeviceSession from a connect target and resolved credentials: SSH (known
 * hosts checked) or a console port (auto-baud when no speed is given), with a transcript. Callers
 * that start from a user's login go through connect.ts (DeviceConnector); the monitor's polls
 * come here directly with their own (discarded) transcript.
 */
import { FileTranscriptSink } from '../../channel/node/file-transcript';
import { compilePack } from '../../channel/patterns';
import { TranscriptRecorder, type TranscriptSink } from '../../channel/transcript';
import type { HostKeyPolicy, KnownHostsStore } from '../../known-hosts';
import type { ConnectTarget } from '../../model/connect';
import { comware7 } from '../../platforms/comware7';
import type { PlatformPack } from '../../platforms/pack';
import { autoBaud, AUTOBAUD_PER_TRY_MS } from '../../transport/autobaud';
import { openKnownHosts } from '../../transport/node/known-hosts-file';
import { SerialTransport } from '../../transport/node/serial';
import { SshTransport } from '../../transport/node/ssh';
import type { Transport } from '../../transport/types';
import type { Message } from '../../base/message';
import { COMMON_BAUDS } from '../../model/connect';
import { DeviceSession, type SessionTimeouts } from '../session';

export interface DeviceCredentials {
  username?: string;
  password?: string;
  newPassword?: string;
  privateKey?: string | Buffer;
  passphrase?: string;
}

export interface OpenSessionOptions {
  target: ConnectTarget;
  credentials: DeviceCredentials;
  hostKeyPolicy?: HostKeyPolicy;
  knownHosts?: KnownHostsStore;
  pack?: PlatformPack;
  /** Names the transcript; defaults to the host or port. */
  deviceLabel?: string;
  transcriptDir?: string;
  transcriptSink?: TranscriptSink;
  signal?: AbortSignal;
  timeouts?: Partial<SessionTimeouts>;
  readyTimeoutMs?: number;
  /** Progress for the user ("trying 9600 baud…"). */
  /** `said` is the status as a message of the core catalogue, for the reader's language. */
  onStatus?: (message: string, said?: Message) => void;
}

export interface OpenedSession {
  session: DeviceSession;
  transport: Transport;
  transcriptPath: string;
  /** Serial: the speed in use (chosen by auto-baud when none was given). */
  baud?: number;
}

export function makeTransport(o: OpenSessionOptions): Transport {
  const t = o.target;
  if (t.kind === 'ssh') {
    return new SshTransport({
      host: t.host,
      port: t.port,
      username: t.username ?? o.credentials.username ?? 'admin',
      ...(o.credentials.password !== undefined ? { password: o.credentials.password } : {}),
      ...(o.credentials.privateKey !== undefined ? { privateKey: o.credentials.privateKey } : {}),
      ...(o.credentials.passphrase !== undefined ? { passphrase: o.credentials.passphrase } : {}),
      knownHosts: o.knownHosts ?? openKnownHosts(),
      hostKeyPolicy: o.hostKeyPolicy ?? {},
      ...(o.readyTimeoutMs !== undefined ? { readyTimeoutMs: o.readyTimeoutMs } : {}),
    });
  }
  return new SerialTransport({ path: t.path, baud: t.baud ?? COMMON_BAUDS[0], dataBits: t.dataBits, parity: t.parity, stopBits: t.stopBits, flowControl: t.flowControl });
}

/**
 * Transcript name: the port too, since lab pairs and NAT'd sites put two devices on one address,
 * and two transcripts started in the same second would otherwise share (and interleave in) one file.
 */
export function transcriptLabel(t: ConnectTarget): string {
  return t.kind === 'ssh' ? (t.port === 22 ? t.host : `${t.host}-${t.port}`) : (t.path.split('/').pop() ?? t.path);
}

export async function openSession(o: OpenSessionOptions): Promise<OpenedSession> {
  const pack = o.pack ?? comware7;
  const t = o.target;
  const label = o.deviceLabel ?? transcriptLabel(t);
  const sink = o.transcriptSink ?? new FileTranscriptSink(label, o.transcriptDir ? { dir: o.transcriptDir } : {});
  const rec = new TranscriptRecorder(sink);
  const transport = makeTransport(o);
  let baud: number | undefined;
  if (transport instanceof SerialTransport) {
    await transport.open(o.signal);
    if (t.kind === 'serial' && t.baud === undefined) {
      const limit = ((COMMON_BAUDS.length * AUTOBAUD_PER_TRY_MS) / 1000).toFixed(1);
      o.onStatus?.(`auto-baud: trying ${COMMON_BAUDS.join(', ')} (gives up after ${limit} s)`, { code: 'host.status.autobaud-trying', params: { bauds: COMMON_BAUDS.join(', '), limit } });
      try {
        const r = await autoBaud(transport, compilePack(pack), o.signal ? { signal: o.signal } : {});
        rec.note(`auto-baud: ${r.tried.map((x) => `${x.baud} ${x.outcome}`).join(', ')}`);
        o.onStatus?.(`auto-baud: using ${r.baud} baud`, { code: 'host.status.autobaud-using', params: { baud: String(r.baud) } });
      } catch (e) {
        await transport.close();
        await rec.close();
        throw e;
      }
    }
    baud = transport.baud;
  }
  const creds = { ...o.credentials };
  if (t.kind === 'ssh' && t.username) creds.username = t.username;
  const session = await DeviceSession.connect({
    pack,
    transport,
    transcript: rec,
    credentials: creds,
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.timeouts ? { timeouts: o.timeouts } : {}),
    ...(baud !== undefined ? { baud } : {}),
  });
  return { session, transport, transcriptPath: sink.location, ...(baud !== undefined ? { baud } : {}) };
}

