import dgram from 'node:dgram';
import type { Disposable } from '../core/base/emitter';
import type { LabDeviceApi } from './device/seam';

/** Comware sends its logs with facility local7 (23): PRI = 23 × 8 + severity. */
const FACILITY_LOCAL7 = 23;
const LOG_LINE = /^[%*#^]?([A-Z][a-z]{2}) +(\d+) (\d\d:\d\d:\d\d)(?::\d+)? (\d{4}) (\S+) ([A-Za-z0-9_]+)\/(\d)\/([A-Za-z0-9_]+): ([\s\S]*)$/;

/**
 * A log-buffer line (`%Nov 25 14:00:00:123 2026 FW1 RBM/6/RBM_CHANNEL: …`) as the device sends it
 * to a loghost: RFC 3164 header with Comware's year and `%%10` marker, e.g.
 * `<190>Nov 25 14:00:00 2026 FW1 %%10RBM/6/RBM_CHANNEL: …`.
 */
export function toSyslog(line: string): Buffer | undefined {
  const m = LOG_LINE.exec(line);
  if (!m) return undefined;
  const [, mon, day, time, year, host, module, sev, mnemonic, text] = m;
  const pri = FACILITY_LOCAL7 * 8 + Number(sev);
  return Buffer.from(`<${pri}>${mon} ${(day ?? '').padStart(2, ' ')} ${time} ${year} ${host} %%10${module}/${sev}/${mnemonic}: ${text}`, 'utf8');
}

/**
 * Where a loghost address is reached from the lab: loopback targets as they are; any other address
 * (the management network the devices would use) is delivered to 127.0.0.1 on the same port, so a
 * HotPair monitor on this machine receives it.
 */
export function syslogTarget(ip: string): string {
  return ip.startsWith('127.') || ip === '::1' ? ip : '127.0.0.1';
}

/** Forwards every log line of the attached devices to their configured `info-center loghost` targets over UDP. */
export class SyslogForwarder {
  private readonly socket = dgram.createSocket('udp4');
  private closed = false;

  constructor() {
    this.socket.on('error', () => undefined); // a missing receiver is not the lab's problem
    this.socket.unref();
  }

  attach(device: LabDeviceApi): Disposable {
    return device.on((e) => {
      if (e.kind !== 'log' || this.closed || !device.powered()) return;
      const hosts = device.loghosts();
      if (hosts.length === 0) return;
      const msg = toSyslog(e.line);
      if (!msg) return;
      for (const h of hosts) this.socket.send(msg, h.port, syslogTarget(h.ip));
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close();
  }
}
