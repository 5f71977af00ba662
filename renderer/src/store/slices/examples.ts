import type { StateCreator } from 'zustand';
import { i18n } from '../../i18n';
import { api } from '../../services/api';
import type { ExamplesSlice, State } from '../types';

/** A pair opened from a file or an inventory row goes to the editor, as an example does. */
function toEditor(get: () => State, set: (p: Partial<State>) => void, source: string, doc: Record<string, unknown>): void {
  get().openDoc(source, doc);
  get().goStep('settings');
  set({ screen: 'pairing' });
}

export const examplesSlice: StateCreator<State, [], [], ExamplesSlice> = (set, get) => ({
  examples: [],
  async loadExamples() {
    const r = await api()['examples.list']({});
    set(r.ok ? { examples: r.data.examples, examplesError: undefined } : { examplesError: r.error });
  },
  runs: [],
  async loadRuns() {
    const r = await api()['pair.runs']({ limit: 8 });
    set(r.ok ? { runs: r.data.runs, runsError: undefined } : { runsError: r.error });
  },
  async openPairFile(name, text) {
    const r = await api()['pairs.open']({ name, text });
    if (!r.ok) return set({ openError: r.error });
    set({ openError: undefined });
    toEditor(get, set, name, r.data.doc);
  },
  async openInventory(name, csv) {
    const r = await api()['pairs.inventory']({ csv });
    set(r.ok ? { inventory: { source: name, ...r.data }, openError: undefined } : { openError: r.error, inventory: undefined });
  },
  openInventoryRow(row) {
    const inv = get().inventory;
    const p = inv?.pairs.find((x) => x.row === row);
    if (inv && p) toEditor(get, set, i18n.t('app:home.files.rowSource', { source: inv.source, row }), p.doc);
  },
});
