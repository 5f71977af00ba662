/**
 * Which pair and device a log line belongs to: by the sysname in the line (the loghost header
 * carries it), else by the sender's address when exactly one monitored device has it — in a lab,
 * every device sends from 127.0.0.1, so the address alone cannot tell them apart.
 */
import type { DeviceKey } from '../model/pair';
import { logFact, splitLogLine } from './logline';
import type { LogObservation } from './types';

export interface DeviceAddress {
  pair: string;
  device: DeviceKey;
  sysname?: string;
  addresses?: string[];
}

export class LogRouter {
  private bySysname = new Map<string, DeviceAddress>();
  private byAddress = new Map<string, DeviceAddress[]>();

  constructor(devices: readonly DeviceAddress[]) {
    for (const d of devices) this.add(d);
  }

  add(d: DeviceAddress): void {
    if (d.sysname) this.bySysname.set(d.sysname.toLowerCase(), d);
    for (const a of d.addresses ?? []) {
      const key = normAddress(a);
      this.byAddress.set(key, [...(this.byAddress.get(key) ?? []).filter((x) => x.pair !== d.pair || x.device !== d.device), d]);
    }
  }

  /** Learns a sysname from a poll (the prompt) so later log lines route even if the pair file had none. */
  learnSysname(pair: string, device: DeviceKey, sysname: string): void {
    const known = this.bySysname.get(sysname.toLowerCase());
    if (known && known.pair === pair && known.device === device) return;
    this.bySysname.set(sysname.toLowerCase(), { pair, device, sysname });
  }

  locate(host: string | undefined, from: string | undefined): DeviceAddress | undefined {
    if (host) {
      const d = this.bySysname.get(host.toLowerCase());
      if (d) return d;
    }
    if (from) {
      const ds = this.byAddress.get(normAddress(from));
      if (ds && ds.length === 1) return ds[0];
    }
    return undefined;
  }

  /** A line → observation, or undefined when it is not RBM/VRRP news or its device is unknown. */
  route(text: string, from: string | undefined, time: number): LogObservation | undefined {
    const line = splitLogLine(text);
    if (!line) return undefined;
    const fact = logFact(line);
    if (!fact) return undefined;
    const d = this.locate(line.host, from);
    if (!d) return undefined;
    const obs: LogObservation = { kind: 'log', pair: d.pair, device: d.device, time, fact, raw: text };
    if (line.deviceTime) obs.deviceTime = line.deviceTime;
    return obs;
  }
}

/** "::ffff:127.0.0.1" (IPv4 mapped, as dual-stack sockets report it) → "127.0.0.1". */
const normAddress = (a: string) => a.replace(/^::ffff:/i, '').toLowerCase();
