import type { StateCreator } from 'zustand';
import { progressText } from '../../../../src/i18n/progress';
import { i18n } from '../../i18n';
import type { ConnectInput, DeviceFacts, ErrorInfo } from '../../../../src/contract/index';
import { api, newOpId } from '../../services/api';
import type { State } from '../types';
import type { DeviceConnection, DeviceKey, WizardSlice, WizardState } from '../wizard-types';
import { NO_PROBE } from './wizard-probe';
import { runActions } from './wizard-run';

export type { WizardSlice } from '../wizard-types';

const CONSOLE_TAIL = 20_000;

const blankDevice = (): DeviceConnection => ({ kind: 'ssh', sshUrl: '', serialPath: '', baud: 'auto', username: 'admin', identityFile: '', status: 'idle' });

export const EMPTY_WIZARD: WizardState = {
  step: 'connect',
  devices: { a: blankDevice(), b: blankDevice() },
  discover: { status: 'idle' },
  plan: { status: 'idle' },
  probe: NO_PROBE,
  push: { status: 'idle', lines: {}, log: [] },
  console: { a: '', b: '' },
  exported: { status: 'idle' },
};

/** The URL the host connects to: the SSH URL as typed, or a serial URL built from the port picker. */
export function connectUrl(d: DeviceConnection): string {
  return d.kind === 'ssh' ? d.sshUrl.trim() : `serial://${d.serialPath}?baud=${d.baud || 'auto'}`;
}

/** The pair file's `connect` of a device, when the editor has one. */
function docConnect(s: State, k: DeviceKey): string | undefined {
  const v = (s.editor.doc?.devices as Record<string, { connect?: unknown }> | undefined)?.[k]?.connect;
  return typeof v === 'string' ? v : undefined;
}

/**
 * Connect and discover (steps 1–2). Passwords pass through `connect` to the host and are dropped:
 * the store holds serialisable, secret-free data only.
 */
export const wizardSlice: StateCreator<State, [], [], WizardSlice> = (set, get, store) => {
  const patch = (p: Partial<WizardState>) => set((s) => ({ wizard: { ...s.wizard, ...p } }));
  const patchDevice = (k: DeviceKey, p: Partial<DeviceConnection>) =>
    set((s) => ({ wizard: { ...s.wizard, devices: { ...s.wizard.devices, [k]: { ...s.wizard.devices[k], ...p } } } }));
  const dev = (k: DeviceKey) => get().wizard.devices[k];

  return {
    wizard: EMPTY_WIZARD,
    goStep: (step) => patch({ step }),
    editConnection: (k, p) => patchDevice(k, p),

    async loadPorts() {
      const r = await api()['devices.listPorts']({});
      patch(r.ok ? { ports: r.data.ports, portsNote: r.data.warning, portsError: undefined } : { portsError: r.error });
    },

    async connect(k, secret, acceptHostKey) {
      const d = dev(k);
      if (d.status === 'connecting') return;
      // The SSH URL defaults to the pair file's connect for that device.
      const url = connectUrl(d.kind === 'ssh' && !d.sshUrl ? { ...d, sshUrl: docConnect(get(), k) ?? '' } : d);
      const opId = newOpId();
      patchDevice(k, { status: 'connecting', opId, step: undefined, error: undefined, hostKey: undefined, ...(d.kind === 'ssh' ? { sshUrl: url } : {}) });
      const input: ConnectInput = { opId, device: k, url };
      if (d.kind === 'serial' || !/^ssh:\/\/[^@/]+@/.test(url)) input.username = d.username;
      if (secret.password) input.password = secret.password;
      if (d.kind === 'ssh' && d.identityFile.trim()) input.identityFile = d.identityFile.trim();
      if (secret.passphrase) input.passphrase = secret.passphrase;
      if (acceptHostKey) input.acceptHostKey = acceptHostKey;
      const r = await api()['devices.connect'](input);
      if (r.ok) {
        patchDevice(k, { status: 'connected', info: r.data, opId: undefined, step: undefined });
        // The pair file names where each device is reached: keep it in step with the real connection.
        if (get().editor.doc && docConnect(get(), k) !== url) get().setField(`devices.${k}.connect`, url);
        // New connection, new facts: discovery and any plan must be redone.
        patch({ discover: { status: 'idle' }, plan: { status: 'idle' } });
        return;
      }
      patchDevice(k, { status: 'failed', opId: undefined, step: undefined, info: undefined, ...failure(r.error) });
    },

    // `declined` lets the page word it in the user's language; the English stays for logs and tests.
    declineHostKey: (k) =>
      patchDevice(k, { hostKey: undefined, status: 'failed', error: { code: 'HOST_KEY_UNKNOWN', message: 'You declined the host key: not connected, nothing recorded.', fix: 'Check the fingerprint with the device, then connect again.', details: { declined: true } } }),

    async cancelConnect(k) {
      const opId = dev(k).opId;
      if (opId) await api()['ops.cancel']({ opId });
    },

    async disconnect(k) {
      await api()['devices.disconnect']({ device: k });
      patchDevice(k, { status: 'idle', info: undefined, error: undefined });
      patch({ discover: { status: 'idle' }, plan: { status: 'idle' } });
    },

    async discover() {
      if (get().wizard.discover.status === 'running') return;
      const opId = newOpId();
      patch({ discover: { status: 'running', opId } });
      const r = await api()['devices.discover']({ opId, devices: ['a', 'b'] });
      if (!r.ok) return patch({ discover: { status: 'failed', error: r.error } });
      const facts = r.data.facts as Partial<Record<DeviceKey, DeviceFacts>>;
      patch({ discover: { status: 'done', facts, mismatches: r.data.mismatches ?? [] } });
      // The form's findings now include the rules that need facts.
      if (get().editor.doc) void get().validateNow();
    },

    ...runActions(set, get, store),

    applyWizardEvent(e) {
      const w = get().wizard;
      if (e.event === 'devices.output') {
        const k = e.payload.device;
        const next = w.console[k] + e.payload.data;
        patch({ console: { ...w.console, [k]: next.length > CONSOLE_TAIL ? next.slice(next.length - CONSOLE_TAIL) : next } });
        return true;
      }
      if (e.event === 'pair.progress' && e.payload.opId === w.push.opId) {
        const p = e.payload;
        const log = [...w.push.log, ...p.messages].slice(-500);
        patch({ push: { ...w.push, ...(p.stage ? { stage: p.stage } : {}), lines: { ...w.push.lines, ...p.devices }, log } });
        return true;
      }
      if (e.event !== 'op.progress' || e.payload.state !== 'running') return false;
      const { opId } = e.payload;
      // In the page's language where core named the step's code (connecting, discovering, asking…).
      const step = progressText(i18n, { text: e.payload.step, code: e.payload.code, params: e.payload.params });
      for (const k of ['a', 'b'] as const) if (w.devices[k].opId === opId) return patchDevice(k, { step }), true;
      if (w.discover.opId === opId) return patch({ discover: { ...w.discover, step } }), true;
      if (w.plan.opId === opId) return patch({ plan: { ...w.plan, step } }), true;
      if (w.probe.opId === opId) return patch({ probe: { ...w.probe, step } }), true;
      return false;
    },
  };
};

/** A first-seen host key becomes a question for the user; anything else is an error to show. */
function failure(error: ErrorInfo): Partial<DeviceConnection> {
  const d = error.details ?? {};
  if (error.code === 'HOST_KEY_UNKNOWN' && typeof d.fingerprint === 'string' && !/different key/.test(error.message)) {
    return { hostKey: { fingerprint: d.fingerprint, type: String(d.type ?? ''), host: String(d.host ?? ''), port: Number(d.port ?? 22) }, error: undefined };
  }
  return { error };
}
