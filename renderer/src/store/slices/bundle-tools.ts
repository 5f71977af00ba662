import type { StateCreator } from 'zustand';
import type { ErrorInfo, Input, Output } from '../../../../src/contract/index';
import { api, newOpId } from '../../services/api';
import type { State } from '../types';

type Created = Output<'bundles.create'>;
type Keys = Output<'bundles.keys'>;
type ApplyInput = Omit<Input<'bundles.apply'>, 'opId'>;

/** Create, trust and apply: the bundle work beyond verify/show (slices/bundles.ts). */
export interface BundleToolsSlice {
  /** The last bundle made (its bytes leave the store as a download at once; only the summary stays). */
  created?: Omit<Created, 'file'> & { name: string };
  createError?: ErrorInfo;
  creating: boolean;
  keys?: Keys;
  /** A key shown for comparison before it is trusted. */
  pendingKey?: { line: string; fingerprint: string; trusted: boolean };
  keyError?: ErrorInfo;
  apply: { opId?: string; step?: string; done?: number; total?: number; line?: string; result?: Output<'bundles.apply'>; error?: ErrorInfo };
  createBundle(input: Input<'bundles.create'>): Promise<Created['file'] | undefined>;
  loadKeys(): Promise<void>;
  showKey(line: string): Promise<void>;
  trustKey(): Promise<void>;
  applyBundle(input: ApplyInput): Promise<void>;
  cancelApply(): Promise<void>;
  applyProgress(p: { opId: string; step: string; done?: number; total?: number; line?: string }): void;
}

export const bundleToolsSlice: StateCreator<State, [], [], BundleToolsSlice> = (set, get) => ({
  creating: false,
  apply: {},
  async createBundle(input) {
    set({ creating: true, createError: undefined, created: undefined });
    const r = await api()['bundles.create'](input);
    if (!r.ok) return void set({ creating: false, createError: r.error });
    const { file, ...summary } = r.data;
    set({ creating: false, created: { ...summary, name: file.name } });
    return file;
  },
  async loadKeys() {
    const r = await api()['bundles.keys']({});
    set(r.ok ? { keys: r.data } : { keyError: r.error });
  },
  async showKey(line) {
    set({ pendingKey: undefined, keyError: undefined });
    const r = await api()['bundles.import']({ publicKey: line });
    set(r.ok ? { pendingKey: { line, ...r.data } } : { keyError: r.error });
  },
  async trustKey() {
    const k = get().pendingKey;
    if (!k) return;
    const r = await api()['bundles.import']({ publicKey: k.line, confirmFingerprint: k.fingerprint });
    if (!r.ok) return set({ keyError: r.error });
    set({ pendingKey: { ...k, trusted: true } });
    await get().loadKeys();
  },
  async applyBundle(input) {
    if (get().apply.opId) return;
    const opId = newOpId();
    set({ apply: { opId, step: 'starting' } });
    const r = await api()['bundles.apply']({ ...input, opId });
    set({ apply: r.ok ? { result: r.data } : { error: r.error } });
  },
  async cancelApply() {
    const opId = get().apply.opId;
    if (opId) await api()['ops.cancel']({ opId });
  },
  applyProgress({ opId, ...p }) {
    if (get().apply.opId !== opId) return;
    set((s) => ({ apply: { ...s.apply, step: p.step, done: p.done, total: p.total, line: p.line } }));
  },
});
