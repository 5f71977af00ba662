import type { StateCreator } from 'zustand';
import { api } from '../../services/api';
import { getIn, removeAt, setIn } from '../doc-path';
import type { EditorSlice, EditorState, State } from '../types';

const EMPTY: EditorState = { doc: null, source: '', diagnostics: [], validating: false };
const DEBOUNCE_MS = 200;

// Timers and sequence numbers are not state (not serialisable, never rendered): kept beside the store.
let timer: ReturnType<typeof setTimeout> | undefined;
let seq = 0;

const asDoc = (d: unknown): Record<string, unknown> => (d && typeof d === 'object' && !Array.isArray(d) ? (d as Record<string, unknown>) : {});

export const editorSlice: StateCreator<State, [], [], EditorSlice> = (set, get) => {
  const patch = (p: Partial<EditorState>) => set((s) => ({ editor: { ...s.editor, ...p } }));
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void get().validateNow(), DEBOUNCE_MS);
  };
  const change = (doc: unknown) => {
    patch({ doc: asDoc(doc), validating: true });
    schedule();
  };

  return {
    editor: EMPTY,
    async openExample(id) {
      const r = await api()['examples.get']({ id });
      if (!r.ok) return patch({ error: r.error });
      get().openDoc(id, r.data.doc);
      // An example is opened to read and edit; the lab pair and a new pair start the wizard at Connect.
      get().goStep('settings');
      set({ screen: 'pairing' });
    },
    openDoc(source, doc) {
      set({ editor: { ...EMPTY, source, doc: asDoc(doc), validating: true } });
      void get().validateNow();
    },
    setField: (path, value, prune = []) => {
      let doc = setIn(get().editor.doc, path, value);
      // An optional group left empty ({} for a loghost or a routing cost) would not validate: drop it.
      for (const g of value === undefined ? prune : []) {
        const v = getIn(doc, g);
        if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) doc = setIn(doc, g, undefined);
      }
      change(doc);
    },
    addItem(listPath, item) {
      const list = getIn(get().editor.doc, listPath);
      change(setIn(get().editor.doc, listPath, [...(Array.isArray(list) ? list : []), item]));
    },
    removeItem: (listPath, index) => change(removeAt(get().editor.doc, listPath, index)),

    /** Validate the current document; when it has no errors, render both devices' scripts. */
    async validateNow() {
      if (timer) clearTimeout(timer);
      const mine = ++seq;
      const text = JSON.stringify(get().editor.doc ?? {});
      // Once the wizard has read both devices, the rules that need facts run too (pair.check).
      const v = get().wizard.discover.status === 'done' ? await api()['pair.check']({ text }) : await api()['pairs.validate']({ text });
      if (mine !== seq) return; // a newer edit is being checked: drop this stale answer
      if (!v.ok) return patch({ validating: false, error: v.error });
      patch({ diagnostics: v.data.diagnostics, valid: v.data.valid, checked: v.data.checked, error: undefined });
      if (!v.data.valid) return patch({ validating: false, render: undefined, renderError: undefined });
      const r = await api()['pairs.render']({ text });
      if (mine !== seq) return;
      patch(r.ok ? { validating: false, render: r.data, renderError: undefined } : { validating: false, render: undefined, renderError: r.error });
    },
  };
};
