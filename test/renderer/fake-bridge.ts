import { buildApi, type Bridge, type ChannelName, type HostEvent, type Result } from '../../src/contract/index';
import { pairJsonSchema } from '../../src/core/model/schema';

type Answer = (input: Record<string, unknown>) => Result<unknown> | Promise<Result<unknown>>;

/** A bridge over plain functions: what the renderer sees of a host, with every call recorded. */
export function fakeBridge(answers: Partial<Record<ChannelName, Answer>>) {
  const calls: { channel: ChannelName; input: Record<string, unknown> }[] = [];
  const listeners = new Set<(e: HostEvent) => void>();
  const api = buildApi(async (channel, input) => {
    calls.push({ channel, input: input as Record<string, unknown> });
    const a = answers[channel];
    return a ? a(input as Record<string, unknown>) : { ok: false, error: { code: 'UNSUPPORTED', message: `${channel} is not available yet` } };
  });
  const bridge: Bridge = {
    api,
    mode: 'browser',
    on(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return { bridge, calls, emit: (e: HostEvent) => listeners.forEach((l) => l(e)), callsTo: (c: ChannelName) => calls.filter((x) => x.channel === c) };
}

export const INFO = {
  name: 'HotPair',
  version: '0.1.0',
  mode: 'browser',
  platform: 'linux',
  available: ['app.info', 'pairs.validate', 'pairs.render', 'examples.list', 'examples.get', 'lab.start', 'lab.status', 'settings.get', 'settings.set'],
  labAvailable: true,
} as const;

export const SETTINGS = { theme: 'system', syslog: { address: '127.0.0.1', port: 5514 }, metrics: { address: '127.0.0.1', port: 9464 }, monitorIntervalSeconds: 5 } as const;

export const DOC = {
  name: 'site-1',
  devices: {
    a: { sysname: 'FW1', role: 'primary', connect: 'ssh://admin@127.0.0.1:2201', controlChannel: { localIp: '10.2.1.1' }, dataChannel: { interface: 'GigabitEthernet1/0/3' } },
    b: { sysname: 'FW2', role: 'secondary', connect: 'ssh://admin@127.0.0.1:2202', controlChannel: { localIp: '10.2.1.2' }, dataChannel: { interface: 'GigabitEthernet1/0/3' } },
  },
};

/** A signed bundle's manifest of DOC's pair, as the host shows it (no device passwords inside). */
export const BUNDLE_MANIFEST = {
  format: 'hotpair-bundle',
  formatVersion: 1,
  createdAt: '2026-01-01T00:00:00Z',
  tool: { name: 'hotpair', version: '0.1.0' },
  pair: { name: 'site-1', mode: 'active-standby', sysnames: { a: 'FW1', b: 'FW2' } },
  platform: { id: 'comware7', version: '1' },
  signer: { publicKey: 'AAAA', fingerprint: 'SHA256:signer' },
  secrets: false,
  members: [{ path: 'a.cfg', size: 10, sha256: 'x'.repeat(64) }],
};

/** A validator stand-in with one real rule: the two control-channel IPs must differ. */
export function validateDoc(input: Record<string, unknown>): Result<unknown> {
  const doc = JSON.parse(String(input.text)) as typeof DOC;
  const same = doc.devices?.a?.controlChannel?.localIp === doc.devices?.b?.controlChannel?.localIp;
  const diagnostics = same
    ? [{ rule: 'channel.local-ne-peer', path: 'devices.b.controlChannel.localIp', severity: 'error', message: 'local IP equals the peer IP', fix: 'give device b its own address', reason: 'The local and peer IP addresses must be different.' }]
    : [];
  return { ok: true, data: { diagnostics, valid: !same, checked: 'rules' } };
}

export const RENDERED = {
  ok: true as const,
  data: {
    devices: {
      a: { lines: [{ text: 'remote-backup group', stage: 'channel', verified: true }], undo: ['undo remote-backup group'] },
      b: { lines: [{ text: 'remote-backup group', stage: 'channel', verified: false }], undo: [] },
    },
  },
};

export const standardAnswers = () => ({
  'app.info': () => ({ ok: true as const, data: INFO }),
  'settings.get': () => ({ ok: true as const, data: SETTINGS }),
  'settings.set': (i: Record<string, unknown>) => ({ ok: true as const, data: { ...SETTINGS, ...i } }),
  'examples.list': () => ({ ok: true as const, data: { examples: [{ id: 'lab', title: 'The built-in lab', mode: 'active-standby' }] } }),
  'examples.get': () => ({ ok: true as const, data: { id: 'lab', text: '', doc: DOC } }),
  'lab.status': () => ({ ok: true as const, data: { state: 'stopped', devices: [] } }),
  'pairs.validate': validateDoc,
  'pairs.render': () => RENDERED,
  'pairs.schema': () => ({ ok: true as const, data: { schema: pairJsonSchema() } }),
});
