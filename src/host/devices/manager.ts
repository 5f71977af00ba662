/**
 * The devices the pairing wizard connected, held by the host between steps (connect → discover →
 * plan → push), opened through the app's side of the device connector (connect.ts) like the
 * console's. Credentials stay in this process's memory for as long as the connection is held,
 * because a rollback may have to log in again; they are never written to disk, logged, or sent
 * back to a renderer.
 */
import { AppError } from '../../core/base/errors';
import { compareFacts, type FactMismatch } from '../../core/discover/compare';
import { discover } from '../../core/discover/discover';
import type { ConnectTarget } from '../../core/model/connect';
import type { DeviceFacts } from '../../core/model/facts';
import type { DeviceKey } from '../../core/model/pair';
import { comware7 } from '../../core/platforms/comware7';
import { transcriptLabel, type DeviceCredentials } from '../../core/session/node/open';
import type { Session } from '../../core/session/types';
import type { StepReport } from '../progress-step';
import type { ConnectOutput, ParsedInput } from '../../contract/index';
import { borrowed } from './borrowed';
import { reopenDevice, resolveDevice, type OpenDeviceDeps, type OpenDeviceOptions } from './connect';
import { knownFingerprint } from './host-keys';
import { TeeTranscriptSink } from './tee-sink';

interface Held {
  target: ConnectTarget;
  credentials: DeviceCredentials;
  session: Session;
  info: ConnectOutput;
  facts?: DeviceFacts;
}

export interface DeviceManagerOptions {
  /** The host's connector, saved logins and lab login (shared with the console). */
  connect: OpenDeviceDeps;
  /** Redacted device text for the live console (the caller batches it). */
  output(device: DeviceKey, text: string): void;
}

const up = (k: DeviceKey) => k.toUpperCase();

export class DeviceManager {
  private readonly held: Partial<Record<DeviceKey, Held>> = {};
  private readonly busy = new Map<DeviceKey, string>();

  constructor(private readonly o: DeviceManagerOptions) {}

  async connect(input: ParsedInput<'devices.connect'>, signal: AbortSignal, status: StepReport): Promise<ConnectOutput> {
    const k = input.device;
    const { target, credentials } = await resolveDevice(input, this.o.connect).catch((e: unknown) => {
      if (!(e instanceof AppError && e.code === 'VALIDATION')) throw e;
      // The fix is the inner error's; with its key, the reader's language says the device's part too.
      const inner = (part: 'message' | 'fix') => ({ sep: 'comma' as const, items: [{ code: `${e.said!.key}.${part}`, ...(e.said!.params ? { params: e.said!.params } : {}) }] });
      const said = e.said ? { key: 'host.device-prefixed', params: { device: up(k), reason: inner('message'), ...(e.fix ? { fix: inner('fix') } : {}) } } : undefined;
      throw new AppError('VALIDATION', `Device ${up(k)}: ${e.message}`, { ...(e.fix ? { fix: e.fix } : {}), ...(said ? { message: said } : {}) });
    });
    this.claim(k, 'connecting');
    try {
      await this.drop(k); // a reconnect replaces the old session
      const s = await reopenDevice(target, credentials, this.o.connect, this.openOptions(k, target, signal, status), input.acceptHostKey);
      const info: ConnectOutput = {
        device: k,
        kind: target.kind,
        label: s.transport.label,
        prompt: s.session.prompt.text,
        sysname: s.session.prompt.hostname,
        transcript: s.transcriptPath,
        ...(s.baud !== undefined ? { baud: s.baud, autoBaud: target.kind === 'serial' && target.baud === undefined } : {}),
        ...(target.kind === 'ssh' ? { fingerprint: await knownFingerprint(this.o.connect.connector.knownHosts, target.host, target.port) } : {}),
      };
      this.held[k] = { target, credentials, session: s.session, info };
      return info;
    } finally {
      this.release(k);
    }
  }

  private openOptions(k: DeviceKey, target: ConnectTarget, signal: AbortSignal, status: StepReport): OpenDeviceOptions {
    return {
      signal,
      onStatus: status,
      label: `wizard-${k}-${transcriptLabel(target)}`,
      tee: (file) => new TeeTranscriptSink(file, { live: (text) => this.o.output(k, text) }),
    };
  }

  /** A logged-in session for the workflow: the live one lent, or a fresh login if it died. */
  async sessionFor(k: DeviceKey, signal: AbortSignal): Promise<Session> {
    const h = this.held[k];
    if (!h) throw notConnected(k);
    if (!h.session.closed) return borrowed(h.session);
    const opened = await reopenDevice(h.target, h.credentials, this.o.connect, this.openOptions(k, h.target, signal, () => undefined));
    h.session = opened.session;
    return borrowed(h.session);
  }

  async discover(keys: readonly DeviceKey[], signal: AbortSignal, step: StepReport): Promise<{ facts: Partial<Record<DeviceKey, DeviceFacts>>; mismatches?: FactMismatch[] }> {
    for (const k of keys) if (!this.held[k]) throw notConnected(k);
    await this.exclusive(keys, 'reading', () =>
      Promise.all(
        keys.map(async (k) => {
          const s = await this.sessionFor(k, signal);
          this.held[k]!.facts = await discover(s, { signal, pack: comware7, onStep: ({ command, index, total }) =>
              step(`device ${up(k)}: ${index + 1}/${total} ${command}`, { code: 'host.status.reading', params: { device: up(k), index: String(index + 1), total: String(total), command } }),
          });
        }),
      ),
    );
    const facts = { a: this.held.a?.facts, b: this.held.b?.facts };
    return { facts: strip(facts), ...(facts.a && facts.b ? { mismatches: compareFacts(facts.a, facts.b) } : {}) };
  }

  facts(k: DeviceKey): DeviceFacts | undefined {
    return this.held[k]?.facts;
  }

  connected(k: DeviceKey): boolean {
    return this.held[k] !== undefined;
  }

  /** Runs `f` with both devices reserved, so a push never interleaves with a discovery on the same CLI. */
  async exclusive<T>(keys: readonly DeviceKey[], what: string, f: () => Promise<T>): Promise<T> {
    keys.forEach((k) => this.claim(k, what));
    try {
      return await f();
    } finally {
      keys.forEach((k) => this.release(k));
    }
  }

  async disconnect(k: DeviceKey): Promise<boolean> {
    if (this.busy.has(k)) throw new AppError('CONFLICT', `Device ${up(k)} is busy (${this.busy.get(k)}).`, {
        fix: 'Wait for it to finish or cancel it first.',
        message: { key: 'host.device-busy', params: { device: up(k), doing: this.busy.get(k) ?? '' } },
      });
    return this.drop(k);
  }

  async dispose(): Promise<void> {
    await Promise.all((['a', 'b'] as const).map((k) => this.drop(k)));
  }

  private async drop(k: DeviceKey): Promise<boolean> {
    const h = this.held[k];
    if (!h) return false;
    delete this.held[k];
    await h.session.close().catch(() => undefined);
    return true;
  }

  private claim(k: DeviceKey, what: string): void {
    const now = this.busy.get(k);
    if (now) throw new AppError('CONFLICT', `Device ${up(k)} is busy (${now}).`, {
        fix: 'Wait for it to finish or cancel it, then try again.',
        message: { key: 'host.device-busy-retry', params: { device: up(k), doing: now } },
      });
    this.busy.set(k, what);
  }

  private release(k: DeviceKey): void {
    this.busy.delete(k);
  }
}

function notConnected(k: DeviceKey): AppError {
  return new AppError('DISCONNECTED', `Device ${up(k)} is not connected.`, { fix: `Connect device ${up(k)} in step 1 of the wizard.`, message: { key: 'host.not-connected-wizard', params: { device: up(k) } } });
}

function strip<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
