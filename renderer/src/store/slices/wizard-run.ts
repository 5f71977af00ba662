import type { StoreApi } from 'zustand';
import { api, newOpId } from '../../services/api';
import type { State } from '../types';
import type { WizardSlice, WizardState } from '../wizard-types';
import { forceUnconfirmed, probeActions } from './wizard-probe';

type Set = StoreApi<State>['setState'];
type Get = StoreApi<State>['getState'];

/** The pair file as the host reads it: the form's document as JSON (valid YAML). */
export const pairText = (s: State): string => JSON.stringify(s.editor.doc ?? {});

/** Plan, push (with Cancel) and export (steps 4–8). */
export function runActions(set: Set, get: Get, _store: StoreApi<State>): Pick<WizardSlice, 'makePlan' | 'push' | 'cancelPush' | 'exportBundle' | 'cancelStep' | 'checkSyntax' | 'setProbeOverride'> {
  const patch = (p: Partial<WizardState>) => set((s) => ({ wizard: { ...s.wizard, ...p } }));
  return {
    ...probeActions(set, get),

    async makePlan() {
      if (get().wizard.plan.status === 'running') return;
      const text = pairText(get());
      const opId = newOpId();
      // A new plan is checked afresh; the reason stays typed, but pushing anyway is decided again.
      const { reason } = get().wizard.probe.override;
      patch({ plan: { status: 'running', opId, text }, probe: { status: 'idle', override: { on: false, reason } } });
      const r = await api()['pair.plan']({ opId, text });
      patch({ plan: r.ok ? { status: 'done', result: r.data, text } : { status: 'failed', error: r.error, text } });
    },

    async push() {
      const w = get().wizard;
      if (w.push.status === 'running' || w.push.status === 'cancelling') return;
      const text = pairText(get());
      const force = forceUnconfirmed(get());
      const opId = newOpId();
      patch({ step: 'push', push: { status: 'running', opId, lines: {}, log: [] }, console: { a: '', b: '' }, exported: { status: 'idle' } });
      const r = await api()['pair.apply']({ opId, text, rollback: true, ...(force ? { forceUnconfirmed: force } : {}) });
      const push = get().wizard.push;
      if (!r.ok) return patch({ push: { ...push, status: 'failed', error: r.error } });
      // The devices changed (or were rolled back): the old plan no longer describes them; plan afresh on return.
      patch({ push: { ...push, status: r.data.outcome === 'success' ? 'done' : 'failed', result: r.data, ...(r.data.error ? { error: r.data.error } : {}) }, plan: { status: 'idle' } });
      // A verified run goes on to its verification results; a failed one stays to show what happened.
      if (r.data.outcome === 'success') patch({ step: 'verify' });
    },

    async cancelPush() {
      const { opId, status } = get().wizard.push;
      if (!opId || status !== 'running') return;
      patch({ push: { ...get().wizard.push, status: 'cancelling' } });
      await api()['ops.cancel']({ opId });
    },

    async cancelStep(which) {
      const opId = get().wizard[which].opId;
      if (opId) await api()['ops.cancel']({ opId });
    },

    async exportBundle() {
      patch({ exported: { status: 'running' } });
      const r = await api()['bundles.create']({ text: pairText(get()) });
      if (!r.ok) {
        patch({ exported: { status: 'failed', error: r.error } });
        return undefined;
      }
      const { file: f, ...summary } = r.data;
      // The bytes go straight to the download; the store keeps only what the page shows.
      patch({ exported: { status: 'done', name: f.name, size: Math.floor((f.data.length * 3) / 4) } });
      set({ created: { ...summary, name: f.name } }); // Home lists the last bundle made, wherever it was made
      return f;
    },
  };
}
