import { AppError } from '../base/errors';
import type { Message, MessageParams } from '../base/message';

/** Where a device is reached: parsed from the pair file's `connect` URL or a `--a/--b` flag. */
export type ConnectTarget =
  | { kind: 'ssh'; host: string; port: number; username?: string }
  | {
      kind: 'serial';
      path: string;
      /** Absent means auto-baud. */
      baud?: number;
      dataBits: 5 | 6 | 7 | 8;
      parity: 'none' | 'even' | 'odd';
      stopBits: 1 | 2;
      flowControl: 'none' | 'rtscts' | 'xonxoff';
    };

export const COMMON_BAUDS = [9600, 115200, 38400, 19200, 57600] as const;

/** Why a connect URL was refused: core's English sentence (what is wrong and what to write instead) and the same as a core message. */
export interface ConnectUrlRefusal {
  ok: false;
  message: string;
  said: Message;
}

/** Each refusal's message is `error.connect-url.<why>`; what the user typed is a param, shown as typed. */
const refuse = (why: string, message: string, params?: MessageParams): ConnectUrlRefusal => ({
  ok: false,
  message,
  said: { code: `error.connect-url.${why}`, ...(params ? { params } : {}) },
});

/** Parse a connect URL; returns the target or a message naming what is wrong. */
export function parseConnectUrl(text: string): { ok: true; target: ConnectTarget } | ConnectUrlRefusal {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('not-a-url', `"${text}" is not a URL; expected ssh://user@host:port or serial:///dev/ttyUSB0?baud=9600`, { text });
  }
  if (url.protocol === 'ssh:') {
    if (!url.hostname) return refuse('no-host', 'ssh URL has no host; expected ssh://user@host:port');
    const port = url.port ? Number(url.port) : 22;
    // The URL parser already refuses ports above 65535; 0 it lets through, and nothing listens there.
    if (port === 0) return refuse('bad-port', `port ${url.port} is not a TCP port; use 1-65535 (22 for SSH)`, { port: url.port });
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const target: ConnectTarget = { kind: 'ssh', host, port };
    if (url.username) target.username = decodeURIComponent(url.username);
    if (url.password) return refuse('password', 'passwords are never written in a connect URL; use a prompt, --password-env or the keychain');
    return { ok: true, target };
  }
  if (url.protocol === 'serial:') {
    const path = decodeURIComponent(url.pathname);
    if (!path || path === '/') return refuse('no-path', 'serial URL has no device path; expected serial:///dev/ttyUSB0?baud=9600');
    const q = url.searchParams;
    const baudText = q.get('baud');
    let baud: number | undefined;
    if (baudText !== null && baudText !== 'auto') {
      baud = Number(baudText);
      if (!Number.isInteger(baud) || baud < 300 || baud > 921600) return refuse('bad-baud', `baud "${baudText}" is not a line rate; use e.g. 9600 or auto`, { baud: baudText });
    }
    const dataBits = Number(q.get('dataBits') ?? 8);
    if (![5, 6, 7, 8].includes(dataBits)) return refuse('bad-data-bits', 'dataBits must be 5, 6, 7 or 8');
    const parity = q.get('parity') ?? 'none';
    if (!['none', 'even', 'odd'].includes(parity)) return refuse('bad-parity', 'parity must be none, even or odd');
    const stopBits = Number(q.get('stopBits') ?? 1);
    if (stopBits !== 1 && stopBits !== 2) return refuse('bad-stop-bits', 'stopBits must be 1 or 2');
    const flowControl = q.get('flowControl') ?? 'none';
    if (!['none', 'rtscts', 'xonxoff'].includes(flowControl)) return refuse('bad-flow-control', 'flowControl must be none, rtscts or xonxoff');
    const target: ConnectTarget = {
      kind: 'serial',
      path,
      dataBits: dataBits as 5 | 6 | 7 | 8,
      parity: parity as 'none' | 'even' | 'odd',
      stopBits: stopBits as 1 | 2,
      flowControl: flowControl as 'none' | 'rtscts' | 'xonxoff',
    };
    if (baud !== undefined) target.baud = baud;
    return { ok: true, target };
  }
  return refuse('bad-scheme', `unsupported scheme "${url.protocol}"; use ssh:// or serial://`, { scheme: url.protocol });
}

/**
 * A refused URL as an error for the app, which has a form field to point at: the refusal, then
 * an example of each kind of URL to write instead.
 */
export function connectUrlError(r: ConnectUrlRefusal): AppError {
  return new AppError('VALIDATION', `Connect URL: ${r.message}`, {
    fix: 'Use ssh://admin@192.0.2.11:22 or serial:///dev/ttyUSB0?baud=auto.',
    message: { key: 'error.connect-url.refused', params: { reason: { sep: 'comma', items: [r.said] } } },
  });
}

export function formatConnectTarget(t: ConnectTarget): string {
  if (t.kind === 'ssh') {
    const host = t.host.includes(':') ? `[${t.host}]` : t.host;
    return `ssh://${t.username ? `${encodeURIComponent(t.username)}@` : ''}${host}:${t.port}`;
  }
  return `serial://${t.path}?baud=${t.baud ?? 'auto'}`;
}
