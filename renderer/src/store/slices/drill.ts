import type { StateCreator } from 'zustand';
import type { DrillPlanView, DrillResult, ErrorInfo } from '../../../../src/contract/index';
import { api, newOpId } from '../../services/api';
import type { State } from '../types';
import type { ProgressLike } from '../../../../src/i18n/progress';

/** What the engineer asks a drill to do (the dialog's form, probes already checked). */
export interface DrillAsk {
  kind: { kind: 'switchover' } | { kind: 'link'; interface: string };
  probes: string[];
  fallback: boolean;
}

export interface DrillState {
  /** The pair whose drill dialog is open; absent: closed. */
  pair?: string;
  phase: 'idle' | 'planning' | 'planned' | 'running' | 'done' | 'failed' | 'cancelled';
  opId?: string;
  /** Progress lines of the plan read or the drill, in order. */
  /** The host's step lines: English, and the catalogue code where core gave one. */
  steps: ProgressLike[];
  plan?: DrillPlanView;
  /** The ask the plan answers: a different ask needs its own plan before it may run. */
  planAsk?: DrillAsk;
  result?: DrillResult;
  error?: ErrorInfo;
}

export interface DrillSlice {
  drill: DrillState;
  openDrill(pair: string): void;
  closeDrill(): void;
  /** Reads the plan from both devices (nothing is changed or journaled). */
  planDrill(ask: DrillAsk): Promise<void>;
  /** Runs the drill; `confirmation` is yes or the plan's confirmWord, as typed. */
  runDrill(ask: DrillAsk, confirmation: string): Promise<void>;
  cancelDrill(): Promise<void>;
}

const CLOSED: DrillState = { phase: 'idle', steps: [] };

/** Keeps the dialog's progress list short: a drill prints a few dozen steps at most, a stuck one more. */
const MAX_STEPS = 200;

export const sameAsk = (x: DrillAsk | undefined, y: DrillAsk): boolean => x !== undefined && JSON.stringify(x) === JSON.stringify(y);

export const drillSlice: StateCreator<State, [], [], DrillSlice> = (set, get) => {
  const patch = (p: Partial<DrillState>) => set((s) => ({ drill: { ...s.drill, ...p } }));
  const busy = () => get().drill.phase === 'planning' || get().drill.phase === 'running';
  return {
    drill: CLOSED,
    openDrill: (pair) => {
      if (!busy()) set({ drill: { ...CLOSED, pair } });
    },
    closeDrill: () => {
      if (!busy()) set({ drill: CLOSED });
    },

    async planDrill(ask) {
      const pair = get().drill.pair;
      if (!pair || busy()) return;
      const opId = newOpId();
      patch({ phase: 'planning', opId, steps: [], plan: undefined, planAsk: undefined, result: undefined, error: undefined });
      const r = await api()['drill.plan']({ opId, pair, ...ask });
      if (get().drill.opId !== opId) return;
      if (r.ok) patch({ phase: 'planned', plan: r.data, planAsk: ask });
      else patch({ phase: r.error.code === 'CANCELLED' ? 'cancelled' : 'failed', error: r.error });
    },

    async runDrill(ask, confirmation) {
      const { pair, planAsk } = get().drill;
      // The plan confirmed must be the plan of this very ask.
      if (!pair || busy() || !sameAsk(planAsk, ask)) return;
      const opId = newOpId();
      patch({ phase: 'running', opId, steps: [], result: undefined, error: undefined });
      const r = await api()['drill.run']({ opId, pair, ...ask, confirmed: true, confirmation });
      if (get().drill.opId !== opId) return;
      if (r.ok) patch({ phase: 'done', result: r.data });
      else patch({ phase: r.error.code === 'CANCELLED' ? 'cancelled' : 'failed', error: r.error });
      void get().loadRuns();
    },

    async cancelDrill() {
      const d = get().drill;
      if (busy() && d.opId) await api()['ops.cancel']({ opId: d.opId });
    },
  };
};

/** op.progress for the plan read or drill in progress → one more step line. */
export function drillProgress(s: State, opId: string, step: ProgressLike): Partial<State> | undefined {
  const d = s.drill;
  if (d.opId !== opId || (d.phase !== 'planning' && d.phase !== 'running')) return undefined;
  const steps = d.steps.length >= MAX_STEPS ? [...d.steps.slice(1), step] : [...d.steps, step];
  return { drill: { ...d, steps } };
}
