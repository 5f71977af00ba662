import dgram from 'node:dgram';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { parseHostPort, startSyslog, type SyslogMessage } from '../../../src/core/monitor/node/syslog';

const LINE = '<190>Nov 25 14:20:01 2026 FW1 %%10RBM/6/RBM_CHANNEL(l): Local IP=10.2.1.1, remote IP=10.2.1.2, status=Disconnected.';

async function until(cond: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('syslog receiver', () => {
  it('parses host:port forms', () => {
    expect(parseHostPort('127.0.0.1:5514', { host: 'x', port: 1 })).toEqual({ host: '127.0.0.1', port: 5514 });
    expect(parseHostPort(':6000', { host: '127.0.0.1', port: 1 })).toEqual({ host: '127.0.0.1', port: 6000 });
    expect(parseHostPort('[::1]:6000', { host: 'x', port: 1 })).toEqual({ host: '::1', port: 6000 });
    expect(() => parseHostPort('a:b:c', { host: 'x', port: 1 })).toThrow();
  });

  it('receives UDP datagrams and TCP streams (octet-counted and newline-framed) on loopback', async () => {
    const got: SyslogMessage[] = [];
    const rx = await startSyslog({ host: '127.0.0.1', port: 0, onMessage: (m) => got.push(m) });
    try {
      expect(rx.udpPort).toBe(rx.tcpPort);
      const udp = dgram.createSocket('udp4');
      await new Promise<void>((r) => udp.send(Buffer.from(LINE), rx.udpPort!, '127.0.0.1', () => r()));
      udp.close();
      const sock = net.connect(rx.tcpPort!, '127.0.0.1');
      await new Promise((r) => sock.once('connect', r));
      const counted = `${Buffer.byteLength(LINE)} ${LINE}`;
      // Split mid-frame on purpose: framing must not depend on the chunking.
      sock.write(counted.slice(0, 30));
      await new Promise((r) => setTimeout(r, 20));
      sock.write(`${counted.slice(30)}${LINE.replace('Disconnected', 'Connected')}\n`);
      sock.end();
      await until(() => got.length >= 3);
      expect(got.map((m) => m.transport)).toEqual(['udp', 'tcp', 'tcp']);
      expect(got.map((m) => m.text)).toEqual([LINE, LINE, LINE.replace('Disconnected', 'Connected')]);
      expect(got[0]!.from).toBe('127.0.0.1');
    } finally {
      await rx.close();
    }
  });

  it('reports a port already in use instead of silently not listening', async () => {
    const rx = await startSyslog({ host: '127.0.0.1', port: 0, onMessage: () => undefined });
    try {
      await expect(startSyslog({ host: '127.0.0.1', port: rx.tcpPort!, onMessage: () => undefined })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await rx.close();
    }
  });
});
