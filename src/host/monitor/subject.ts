/**
 * What monitor.start is asked to watch, resolved host-side: the pair (for its mode and the manual
 * operations), how to reach each device, and the trust rules for their host keys. Passwords live
 * only here, in memory, for as long as the pair is monitored.
 */
import { readFileSync } from 'node:fs';
import { AppError } from '../../core/base/errors';
import { part } from '../../core/base/limit';
import { KnownHostsStore } from '../../core/known-hosts';
import type { ConnectTarget } from '../../core/model/connect';
import { loadPairText } from '../../core/model/load';
import type { DeviceKey, Pair } from '../../core/model/pair';
import { type MonitorTarget, targetsFromPairText } from '../../core/monitor/targets';
import { DeviceConnector, type ConnectAsk } from '../../core/session/node/connect';
import type { DeviceCredentials } from '../../core/session/node/open';
import { sha256 } from '../../core/transport/node/known-hosts-file';
import type { ParsedInput } from '../../contract/index';
import type { LabAdapter } from '../types';

export interface SubjectDevice {
  target: ConnectTarget;
  credentials: DeviceCredentials;
  sysname: string;
  /** Where its syslog lines may come from. */
  addresses: string[];
}

export interface MonitorSubject {
  name: string;
  source: 'lab' | 'file';
  pair: Pair;
  devices: Record<DeviceKey, SubjectDevice>;
  /** The one device-connect service, with the store these devices' host keys are checked against. */
  connector: DeviceConnector;
  /** How a first-seen host key is answered (credentials are resolved before polling starts). */
  ask: ConnectAsk;
}

const refuseMissing: ConnectAsk['missing'] = (what, target) =>
  new AppError('AUTH_FAILED', `No ${what} for ${target.kind === 'ssh' ? target.host : target.path}.`, {
    fix: 'Enter it in the Monitor form.',
    message: { key: 'host.monitor-missing', params: { what, target: target.kind === 'ssh' ? target.host : target.path } },
  });

/**
 * The lab's keys are new on every fresh state dir and its ports move: trusting them in a store
 * of their own (memory) keeps them out of the user's known_hosts, where they would later read as
 * a changed key for 127.0.0.1:<port>.
 */
function memoryKnownHosts(): KnownHostsStore {
  let text: string | undefined;
  return new KnownHostsStore(
    {
      location: 'the lab pair (kept in memory)',
      read: async () => text,
      write: async (t) => void (text = t),
    },
    sha256,
  );
}

function loadPair(text: string): { pair: Pair; target: MonitorTarget } {
  const loaded = loadPairText(text, 'pair file');
  const targets = targetsFromPairText(text, 'pair file');
  if (!loaded.ok || !targets.ok) {
    const errors = !targets.ok ? targets.errors : [];
    const first = !targets.ok ? targets.said[0] : undefined;
    throw new AppError('VALIDATION', `The pair file cannot be monitored: ${errors[0] ?? 'it does not load'}`, {
      fix: 'Open it in Pairing and correct the findings shown beside the fields.',
      message: errors[0] === undefined ? { key: 'host.monitor-unloadable' } : { key: 'host.monitor-invalid', params: { reason: first ? part(first) : errors[0] } },
      details: { errors },
    });
  }
  return { pair: loaded.pair, target: targets.targets[0]! };
}

const addressesOf = (t: ConnectTarget): string[] => (t.kind === 'ssh' ? [t.host] : []);

function fileCredentials(d: MonitorTarget['devices'][DeviceKey], given: string | undefined, key: DeviceKey): DeviceCredentials {
  const c: DeviceCredentials = {};
  if (d.connect.kind === 'ssh' && d.connect.username) c.username = d.connect.username;
  if (given !== undefined) c.password = given;
  else if (d.passwordEnv && process.env[d.passwordEnv] !== undefined) c.password = process.env[d.passwordEnv];
  if (d.identityFile) {
    try {
      c.privateKey = readFileSync(d.identityFile);
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code ?? String(e);
      throw new AppError('VALIDATION', `Device ${key.toUpperCase()}: cannot read the key file ${d.identityFile}: ${reason}`, {
        message: { key: 'host.monitor-key-file', params: { device: key.toUpperCase(), path: d.identityFile, reason } },
      });
    }
  }
  if (c.password === undefined && c.privateKey === undefined)
    throw new AppError('AUTH_FAILED', `No password or key for device ${key.toUpperCase()} (${d.sysname}).`, {
      fix: 'Enter its password in the Monitor form, or name an identityFile / passwordEnv in the pair file.',
      message: { key: 'host.monitor-no-secret', params: { device: key.toUpperCase(), sysname: d.sysname } },
    });
  return c;
}

export function resolveSubject(input: ParsedInput<'monitor.start'>, lab: LabAdapter | undefined, knownHostsFile?: string): MonitorSubject {
  if (input.source === 'lab') {
    const access = lab?.access?.();
    if (!access) throw new AppError('NOT_FOUND', 'The lab pair is not running.', { fix: 'Start it on Home, then monitor it.', message: { key: 'host.lab-not-running' } });
    const { pair, target } = loadPair(access.pairText);
    const dev = (k: DeviceKey): SubjectDevice => ({
      target: target.devices[k].connect,
      credentials: { username: access.username, password: access.password },
      sysname: target.devices[k].sysname,
      addresses: addressesOf(target.devices[k].connect),
    });
    return { name: pair.name, source: 'lab', pair, devices: { a: dev('a'), b: dev('b') }, connector: new DeviceConnector({ knownHosts: memoryKnownHosts() }), ask: { missing: refuseMissing, confirmHostKey: async () => true } };
  }
  const { pair, target } = loadPair(input.text);
  const dev = (k: DeviceKey): SubjectDevice => ({
    target: target.devices[k].connect,
    credentials: fileCredentials(target.devices[k], input.passwords?.[k], k),
    sysname: target.devices[k].sysname,
    addresses: addressesOf(target.devices[k].connect),
  });
  // Real devices: only keys the user already confirmed (Pairing, Console or the CLI) are trusted.
  return { name: pair.name, source: 'file', pair, devices: { a: dev('a'), b: dev('b') }, connector: new DeviceConnector(knownHostsFile ? { knownHostsFile } : {}), ask: { missing: refuseMissing } };
}
