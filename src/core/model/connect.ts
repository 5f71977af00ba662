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

/** Parse a connect URL; returns the target or a message naming what is wrong. */
export function parseConnectUrl(text: string): { ok: true; target: ConnectTarget } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `"${text}" is not a URL; expected ssh://user@host:port or serial:///dev/ttyUSB0?baud=9600` };
  }
  if (url.protocol === 'ssh:') {
    if (!url.hostname) return { ok: false, message: 'ssh URL has no host; expected ssh://user@host:port' };
    const port = url.port ? Number(url.port) : 22;
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const target: ConnectTarget = { kind: 'ssh', host, port };
    if (url.username) target.username = decodeURIComponent(url.username);
    if (url.password) return { ok: false, message: 'passwords are never written in a connect URL; use a prompt, --password-env or the keychain' };
    return { ok: true, target };
  }
  if (url.protocol === 'serial:') {
    const path = decodeURIComponent(url.pathname);
    if (!path || path === '/') return { ok: false, message: 'serial URL has no device path; expected serial:///dev/ttyUSB0?baud=9600' };
    const q = url.searchParams;
    const baudText = q.get('baud');
    let baud: number | undefined;
    if (baudText !== null && baudText !== 'auto') {
      baud = Number(baudText);
      if (!Number.isInteger(baud) || baud < 300 || baud > 921600) return { ok: false, message: `baud "${baudText}" is not a line rate; use e.g. 9600 or auto` };
    }
    const dataBits = Number(q.get('dataBits') ?? 8);
    if (![5, 6, 7, 8].includes(dataBits)) return { ok: false, message: `dataBits must be 5, 6, 7 or 8` };
    const parity = q.get('parity') ?? 'none';
    if (!['none', 'even', 'odd'].includes(parity)) return { ok: false, message: 'parity must be none, even or odd' };
    const stopBits = Number(q.get('stopBits') ?? 1);
    if (stopBits !== 1 && stopBits !== 2) return { ok: false, message: 'stopBits must be 1 or 2' };
    const flowControl = q.get('flowControl') ?? 'none';
    if (!['none', 'rtscts', 'xonxoff'].includes(flowControl)) return { ok: false, message: 'flowControl must be none, rtscts or xonxoff' };
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
  return { ok: false, message: `unsupported scheme "${url.protocol}"; use ssh:// or serial://` };
}

export function formatConnectTarget(t: ConnectTarget): string {
  if (t.kind === 'ssh') {
    const host = t.host.includes(':') ? `[${t.host}]` : t.host;
    return `ssh://${t.username ? `${encodeURIComponent(t.username)}@` : ''}${host}:${t.port}`;
  }
  return `serial://${t.path}?baud=${t.baud ?? 'auto'}`;
}
