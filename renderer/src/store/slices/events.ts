import type { StateCreator } from 'zustand';
import type { EventsSlice, State } from '../types';

export const eventsSlice: StateCreator<State, [], [], EventsSlice> = (set, get) => ({
  applyEvent(e) {
    if (e.event === 'lab.status') set({ lab: e.payload });
    else if (e.event === 'op.progress' && e.payload.opId === get().labOpId && e.payload.state === 'running') set({ labStep: e.payload.step });
  },
});
