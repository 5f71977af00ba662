import type { StateCreator } from 'zustand';
import { api } from '../../services/api';
import { schemaDefaults } from '../pair-defaults';
import type { PairSchemaSlice, State } from '../types';

// The schema does not change while the host runs: one request, shared by every caller meanwhile.
let loading: Promise<void> | undefined;

export const pairSchemaSlice: StateCreator<State, [], [], PairSchemaSlice> = (set, get) => ({
  loadPairSchema() {
    if (get().pairDefaults) return Promise.resolve();
    loading ??= api()
      ['pairs.schema']({})
      .then((r) => set(r.ok ? { pairDefaults: schemaDefaults(r.data.schema), pairSchemaError: undefined } : { pairSchemaError: r.error }))
      .finally(() => (loading = undefined));
    return loading;
  },
});
