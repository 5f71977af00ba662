import type { StateCreator } from 'zustand';
import type { EventsSlice, State } from '../types';
import { monitorOpProgress } from './monitor';
import { drillProgress } from './drill';
import { reportProgress } from './report';
import type { OpProgress } from '../../../../src/contract/index';
import { progressText } from '../../../../src/i18n/progress';
import { i18n } from '../../i18n';

/** A step as the host sent it, in the page's language where core named its code. */
const stepOf = (p: OpProgress): string => progressText(i18n, { text: p.step, code: p.code, params: p.params });

export const eventsSlice: StateCreator<State, [], [], EventsSlice> = (set, get) => ({
  applyEvent(e) {
    if (get().applyWizardEvent(e)) return; // device output, push progress, wizard op steps
    if (get().applyOneCableEvent(e)) return;
    if (e.event === 'lab.status') set({ lab: e.payload });
    else if (e.event === 'op.progress' && e.payload.opId === get().labOpId && e.payload.state === 'running') set({ labStep: stepOf(e.payload) });
    else if (e.event === 'op.progress' && e.payload.state === 'running' && e.payload.opId === get().apply.opId) get().applyProgress({ ...e.payload, step: stepOf(e.payload) });
    else if (e.event === 'op.progress' && e.payload.state === 'running' && e.payload.opId === get().console.opId) get().consoleStep(e.payload.opId, stepOf(e.payload));
    else if (e.event === 'monitor.events') get().applyMonitorBatch(e.payload);
    else if (e.event === 'op.progress' && e.payload.state === 'running') {
      const p = monitorOpProgress(get(), e.payload.opId, stepOf(e.payload)) ?? drillProgress(get(), e.payload.opId, { text: e.payload.step, ...(e.payload.code ? { code: e.payload.code, ...(e.payload.params ? { params: e.payload.params } : {}) } : {}) }) ?? reportProgress(get(), e.payload.opId, stepOf(e.payload));
      if (p) set(p);
    }
  },
});
