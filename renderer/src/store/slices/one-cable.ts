import type { StateCreator } from 'zustand';
import type { ErrorInfo, HostEvent, OneCableAnswer, OneCableOutput, OneCableProgress } from '../../../../src/contract/index';
import { api, newOpId } from '../../services/api';
import type { State } from '../types';
import { pairText } from './wizard-run';

type Step = OneCableProgress['steps'][number];
type Message = OneCableProgress['messages'][number];

/** The one-cable run as the wizard shows it: serialisable, no password (that stays in the form field). */
export interface OneCableState {
  /** The Connect step's choice: two connections (A and B) or one console cable. */
  on: boolean;
  /** The console port (a path) and its speed ('auto' = auto-baud), and the console login. */
  port: string;
  baud: string;
  username: string;
  status: 'idle' | 'running' | 'done' | 'failed';
  opId?: string;
  steps: Step[];
  log: Message[];
  line?: OneCableProgress['line'];
  /** The port went away during the current move: waiting for it to come back. */
  portGone: boolean;
  /** What the engineer must answer now. */
  question?: OneCableProgress['question'];
  result?: OneCableOutput;
  error?: ErrorInfo;
  /** The journal of the last run: what Resume takes up. */
  journal?: string;
}

export interface OneCableSlice {
  oneCable: OneCableState;
  setOneCable(p: Partial<Pick<OneCableState, 'on' | 'port' | 'baud' | 'username' | 'journal'>>): void;
  /** Runs the flow (or takes up `journal`'s run when `resume`); the password is used for this run only. */
  runOneCable(password: string, resume?: boolean): Promise<void>;
  answerOneCable(answer: OneCableAnswer): Promise<void>;
  cancelOneCable(): Promise<void>;
  /** True when the event was the one-cable run's. */
  applyOneCableEvent(e: HostEvent): boolean;
}

const LOG_TAIL = 200;

export const EMPTY_ONE_CABLE: OneCableState = { on: false, port: '', baud: 'auto', username: 'admin', status: 'idle', steps: [], log: [], portGone: false };

export const oneCableUrl = (o: Pick<OneCableState, 'port' | 'baud'>) => `serial://${o.port}?baud=${o.baud || 'auto'}`;

export const oneCableSlice: StateCreator<State, [], [], OneCableSlice> = (set, get) => {
  const patch = (p: Partial<OneCableState>) => set((s) => ({ oneCable: { ...s.oneCable, ...p } }));
  return {
    oneCable: EMPTY_ONE_CABLE,
    setOneCable: (p) => patch(p),

    async runOneCable(password, resume) {
      const o = get().oneCable;
      if (o.status === 'running') return;
      const opId = newOpId();
      patch({ status: 'running', opId, steps: [], log: [], line: undefined, portGone: false, question: undefined, result: undefined, error: undefined });
      const r = await api()['oneCable.run']({
        opId,
        text: pairText(get()),
        url: oneCableUrl(o),
        ...(o.username ? { username: o.username } : {}),
        ...(password ? { password } : {}),
        ...(resume && o.journal ? { resume: o.journal } : {}),
      });
      const ok = r.ok && ['success', 'nothing-to-do', 'recovered', 'dry-run'].includes(r.data.outcome);
      patch({
        status: ok ? 'done' : 'failed',
        opId: undefined,
        question: undefined,
        ...(r.ok ? { result: r.data, journal: r.data.journal, ...(r.data.error ? { error: r.data.error } : {}) } : { error: r.error }),
      });
      void get().loadRuns();
    },

    async answerOneCable(answer) {
      const opId = get().oneCable.opId;
      if (!opId) return;
      patch({ question: undefined });
      const r = await api()['oneCable.answer']({ opId, answer });
      if (!r.ok) patch({ error: r.error });
    },

    async cancelOneCable() {
      const opId = get().oneCable.opId;
      if (opId) await api()['ops.cancel']({ opId });
    },

    applyOneCableEvent(e) {
      if (e.event !== 'oneCable.progress' || e.payload.opId !== get().oneCable.opId) return false;
      const p = e.payload;
      const o = get().oneCable;
      // A settled question ends the wait (the gone port with it); a question in the same batch is a new one.
      const settled = p.settled === true;
      patch({
        steps: [...o.steps, ...p.steps],
        log: [...o.log, ...p.messages].slice(-LOG_TAIL),
        ...(p.line ? { line: p.line } : {}),
        portGone: p.portGone ?? (settled ? false : o.portGone),
        question: p.question ?? (settled ? undefined : o.question),
      });
      return true;
    },
  };
};
