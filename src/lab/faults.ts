import net from 'node:net';
import { LineDecoder, encodeLine } from './rbm/framing';
import { readState } from './state-dir';

export const FAULT_KINDS = [
  'link-down',
  'link-up',
  'track-negative',
  'track-positive',
  'power-off',
  'power-on',
  'cut-control-channel',
  'heal',
  'reboot',
  'traffic',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const ARG: Partial<Record<FaultKind, string>> = {
  'link-down': 'interface',
  'link-up': 'interface',
  'track-negative': 'track id',
  'track-positive': 'track id',
  traffic: 'sessions per second',
};

export function isFaultKind(s: string): s is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(s);
}

/** Checks a fault's argument; returns an error text or undefined. */
export function checkFaultArg(kind: FaultKind, arg: string | undefined): string | undefined {
  const what = ARG[kind];
  if (!what) return arg === undefined ? undefined : `${kind} takes no argument`;
  if (arg === undefined || arg === '') return `${kind} needs ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what}`;
  if ((kind.startsWith('track') || kind === 'traffic') && !/^\d+$/.test(arg)) return `${kind}: ${what} must be a whole number`;
  return undefined;
}

interface FaultRequest {
  t: 'fault';
  token: string;
  device: string;
  kind: string;
  arg?: string;
}
type FaultReply = { t: 'reply'; ok: true; message: string } | { t: 'reply'; ok: false; error: string };

/** Waiting for a running lab's answer; a fault is applied at once, so this only guards against a hung lab. */
export const FAULT_REPLY_TIMEOUT_MS = 10_000;

export type FaultHandler = (device: string, kind: FaultKind, arg: string | undefined) => string | Promise<string>;

/** The running lab's fault socket: loopback only, one JSON line per request, token-checked. */
export async function startFaultServer(token: string, handle: FaultHandler): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    const dec = new LineDecoder();
    s.on('data', async (chunk: Buffer) => {
      let reqs: { t: string }[];
      try {
        reqs = dec.feed(chunk);
      } catch {
        return void s.destroy();
      }
      for (const r of reqs as FaultRequest[]) s.write(encodeLine(await answer(r)));
    });
  });
  const answer = async (r: FaultRequest): Promise<FaultReply> => {
    if (r.t !== 'fault' || r.token !== token) return { t: 'reply', ok: false, error: 'not authorised (stale state file?)' };
    if (!isFaultKind(r.kind)) return { t: 'reply', ok: false, error: `unknown fault ${r.kind}; one of: ${FAULT_KINDS.join(', ')}` };
    try {
      return { t: 'reply', ok: true, message: await handle(r.device, r.kind, r.arg) };
    } catch (e) {
      return { t: 'reply', ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** `hotpair lab fault …`: finds the running lab through its state dir and sends one fault. */
export async function sendFault(stateDir: string, device: string, kind: string, arg?: string): Promise<string> {
  const st = readState(stateDir);
  if (!st) throw new Error(`no running lab found in ${stateDir} (start one with: hotpair lab)`);
  return new Promise<string>((resolve, reject) => {
    const s = net.connect({ host: '127.0.0.1', port: st.controlPort });
    const timer = setTimeout(() => {
      s.destroy();
      reject(new Error(`the lab (pid ${st.pid}) did not answer within ${FAULT_REPLY_TIMEOUT_MS} ms`));
    }, FAULT_REPLY_TIMEOUT_MS);
    const dec = new LineDecoder();
    const done = (f: () => void): void => {
      clearTimeout(timer);
      s.destroy();
      f();
    };
    s.on('error', (e) => done(() => reject(new Error(`cannot reach the lab (pid ${st.pid}) on port ${st.controlPort}: ${e.message}`))));
    s.on('connect', () => s.write(encodeLine({ t: 'fault', token: st.token, device, kind, ...(arg !== undefined ? { arg } : {}) })));
    s.on('data', (chunk: Buffer) => {
      const [r] = dec.feed(chunk) as FaultReply[];
      if (!r) return;
      done(() => (r.ok ? resolve(r.message) : reject(new Error(r.error))));
    });
  });
}
