import type { StateCreator } from 'zustand';
import { api } from '../../services/api';
import type { ExamplesSlice, State } from '../types';

export const examplesSlice: StateCreator<State, [], [], ExamplesSlice> = (set) => ({
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
});
