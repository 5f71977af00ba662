import type { StateCreator } from 'zustand';
import { saidText } from '../../../../src/i18n/progress';
import { i18n } from '../../i18n';
import type { ErrorInfo, Output } from '../../../../src/contract/index';
import { api, newOpId } from '../../services/api';
import type { State } from '../types';

type ReportVerify = Output<'report.verify'>;

export interface ReportAsk {
  pdf: boolean;
  paper: 'A4' | 'Letter';
  engineer?: string;
  customer?: string;
  /** The report's language (the app's). */
  lang?: string;
}

/** A made report's files (base64), handed to the caller to save: bytes never stay in the store. */
export interface ReportFiles {
  files: { name: string; data: string }[];
}

export interface ReportState {
  /** The run (journal path or id) whose report dialog is open; absent: closed. */
  run?: string;
  /** What the dialog calls the run ("lab, 2025-03-01 10:00 UTC"). */
  label?: string;
  status: 'idle' | 'running' | 'done' | 'failed';
  opId?: string;
  step?: string;
  /** After a report was made: the file names saved, who signed, and why there is no PDF if asked. */
  saved?: { names: string[]; signer: string; drills: number; pdfUnavailable?: string };
  error?: ErrorInfo;
  /** The last report checked with Verify a report. */
  verified?: { name: string; verdict: ReportVerify };
  verifyBusy: boolean;
  verifyError?: ErrorInfo;
}

export interface ReportSlice {
  report: ReportState;
  openReport(run: string, label: string): void;
  closeReport(): void;
  /** Makes the signed report; returns its files for the caller to save, or undefined on failure. */
  createReport(ask: ReportAsk): Promise<ReportFiles | undefined>;
  /** Records the names saved, once the caller has offered them. */
  reportSaved(names: string[]): void;
  verifyReport(name: string, base64: string): Promise<void>;
}

const IDLE: ReportState = { status: 'idle', verifyBusy: false };

export const reportSlice: StateCreator<State, [], [], ReportSlice> = (set, get) => {
  const patch = (p: Partial<ReportState>) => set((s) => ({ report: { ...s.report, ...p } }));
  let made: { signer: string; drills: number; pdfUnavailable?: string } | undefined;
  return {
    report: IDLE,
    openReport: (run, label) => {
      if (get().report.status !== 'running') patch({ run, label, status: 'idle', saved: undefined, error: undefined, step: undefined, opId: undefined });
    },
    closeReport: () => {
      if (get().report.status !== 'running') patch({ run: undefined, label: undefined, status: 'idle', saved: undefined, error: undefined });
    },

    async createReport(ask) {
      const { run, status } = get().report;
      if (!run || status === 'running') return undefined;
      const opId = newOpId();
      patch({ status: 'running', opId, step: undefined, saved: undefined, error: undefined });
      const r = await api()['report.create']({
        opId,
        run,
        pdf: ask.pdf,
        paper: ask.paper,
        ...(ask.engineer?.trim() ? { engineer: ask.engineer.trim() } : {}),
        ...(ask.customer?.trim() ? { customer: ask.customer.trim() } : {}),
        ...(ask.lang ? { lang: ask.lang } : {}),
      });
      if (get().report.opId !== opId) return undefined;
      if (!r.ok) {
        patch({ status: 'failed', error: r.error, step: undefined });
        return undefined;
      }
      made = { signer: r.data.signer, drills: r.data.drills, ...(r.data.pdfUnavailable ? { pdfUnavailable: saidText(i18n, r.data.pdfUnavailableSaid, r.data.pdfUnavailable) } : {}) };
      // The HTML is the signed original (the file `report verify` checks); the PDF is its print.
      return { files: [r.data.html, ...(r.data.pdf ? [r.data.pdf] : [])] };
    },

    reportSaved(names) {
      if (get().report.status === 'running' && made) patch({ status: 'done', step: undefined, saved: { names, ...made } });
    },

    async verifyReport(name, base64) {
      patch({ verifyBusy: true, verifyError: undefined, verified: undefined });
      const r = await api()['report.verify']({ name, data: base64 });
      if (r.ok) patch({ verifyBusy: false, verified: { name, verdict: r.data } });
      else patch({ verifyBusy: false, verifyError: r.error });
    },
  };
};

/** op.progress for the report being made → its step line. */
export function reportProgress(s: State, opId: string, step: string): Partial<State> | undefined {
  if (s.report.opId !== opId || s.report.status !== 'running') return undefined;
  return { report: { ...s.report, step } };
}
