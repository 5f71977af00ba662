import type { StateCreator } from 'zustand';
import type { EventsSlice, State } from '../types';
import { monitorOpProgress } from './monitor';
import { drillProgress } from './drill';
import { reportProgress } from './report';

export const eventsSlice: StateCreator<State, [], [], EventsSlice> = (set, get) => ({
  applyEvent(e) {
    if (get().applyWizardEvent(e)) return; // device output, push progress, wizard op steps
    if (get().applyOneCableEvent(e)) return;
    if (e.event === 'lab.status') set({ lab: e.payload });
    else if (e.event === 'op.progress' && e.payload.opId === get().labOpId && e.payload.state === 'running') set({ labStep: e.payload.step });
    else if (e.event === 'op.progress' && e.payload.state === 'running' && e.payload.opId === get().apply.opId) get().applyProgress(e.payload);
    else if (e.event === 'op.progress' && e.payload.state === 'running' && e.payload.opId === get().console.opId) get().consoleStep(e.payload.opId, e.payload.step);
    else if (e.event === 'monitor.events') get().applyMonitorBatch(e.payload);
    else if (e.event === 'op.progress' && e.payload.state === 'running') {
      const p = monitorOpProgress(get(), e.payload.opId, e.payload.step) ?? drillProgress(get(), e.payload.opId, e.payload.step) ?? reportProgress(get(), e.payload.opId, e.payload.step);
      if (p) set(p);
    }
  },
});
