/**
 * Syslog receiver: UDP (one message per datagram) and TCP (RFC 6587 framing) on a configurable
 * address, loopback by default so a laptop in the field never listens on the customer network
 * unless asked. Each message is handed on as it arrives, with the sender's address.
 */
import dgram from 'node:dgram';
import net from 'node:net';
import { AppError } from '../../base/errors';
import { DEFAULT_SYSLOG_PORT } from '../../base/product';
import { SyslogFrameDecoder } from '../syslog-frames';

export interface SyslogMessage {
  text: string;
  from: string;
  transport: 'udp' | 'tcp';
  time: number;
}

export interface SyslogOptions {
  host?: string;
  /** One port for both UDP and TCP; 0 picks a free port (tests). */
  port?: number;
  udp?: boolean;
  tcp?: boolean;
  onMessage: (m: SyslogMessage) => void;
  onError?: (e: Error) => void;
}

export interface SyslogReceiver {
  readonly host: string;
  readonly udpPort?: number;
  readonly tcpPort?: number;
  close(): Promise<void>;
}

export const DEFAULT_SYSLOG = { host: '127.0.0.1', port: DEFAULT_SYSLOG_PORT };

/** "127.0.0.1:5514", ":5514", "[::1]:5514", "5514" → host and port. */
export function parseHostPort(text: string, fallback: { host: string; port: number }): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]*))?:?(\d+)?$/.exec(text.trim());
  if (!m) throw new AppError('VALIDATION', `"${text}" is not host:port`, { message: { key: 'host.receiver.not-host-port', params: { text } } });
  const host = m[1] ?? (m[2] || fallback.host);
  const port = m[3] !== undefined ? Number(m[3]) : fallback.port;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('VALIDATION', `"${text}": port out of range`, { message: { key: 'host.receiver.port-range', params: { text } } });
  return { host, port };
}

export async function startSyslog(opts: SyslogOptions): Promise<SyslogReceiver> {
  const host = opts.host ?? DEFAULT_SYSLOG.host;
  const wantUdp = opts.udp ?? true;
  const wantTcp = opts.tcp ?? true;
  const onError = opts.onError ?? (() => undefined);
  let port = opts.port ?? DEFAULT_SYSLOG.port;
  const sockets = new Set<net.Socket>();

  let tcp: net.Server | undefined;
  if (wantTcp) {
    tcp = net.createServer((sock) => {
      sockets.add(sock);
      const dec = new SyslogFrameDecoder();
      const from = sock.remoteAddress ?? '';
      const emit = (texts: string[]) => {
        for (const text of texts) opts.onMessage({ text, from, transport: 'tcp', time: Date.now() });
      };
      sock.on('data', (chunk: Buffer) => emit(dec.push(chunk)));
      sock.on('end', () => emit(dec.end()));
      sock.on('error', () => undefined);
      sock.on('close', () => sockets.delete(sock));
    });
    await new Promise<void>((resolve, reject) => {
      tcp!.once('error', reject);
      tcp!.listen(port, host, () => {
        tcp!.off('error', reject);
        resolve();
      });
    });
    // Only once listening: a port already taken is the caller's failure, not a second warning.
    tcp.on('error', onError);
    // With port 0, UDP takes the same number TCP was given so one "host:port" names both.
    port = (tcp.address() as net.AddressInfo).port;
  }

  let udp: dgram.Socket | undefined;
  if (wantUdp) {
    udp = dgram.createSocket({ type: net.isIPv6(host) ? 'udp6' : 'udp4' });
    udp.on('message', (buf, rinfo) => {
      const text = buf.toString('utf8').replace(/[\r\n\0]+$/, '');
      if (text) opts.onMessage({ text, from: rinfo.address, transport: 'udp', time: Date.now() });
    });
    try {
      await new Promise<void>((resolve, reject) => {
        udp!.once('error', reject);
        udp!.bind(port, host, () => {
          udp!.off('error', reject);
          resolve();
        });
      });
    } catch (e) {
      tcp?.close();
      throw e;
    }
    udp.on('error', onError);
  }

  return {
    host,
    ...(udp ? { udpPort: udp.address().port } : {}),
    ...(tcp ? { tcpPort: (tcp.address() as net.AddressInfo).port } : {}),
    close: async () => {
      for (const s of sockets) s.destroy();
      await Promise.all([
        tcp ? new Promise<void>((r) => tcp!.close(() => r())) : undefined,
        udp ? new Promise<void>((r) => udp!.close(() => r())) : undefined,
      ]);
    },
  };
}
