import type { MonitorSlice } from './slices/monitor';
import type { Defaults } from './pair-defaults';
import type { WizardSlice } from './wizard-types';
import type { ConsoleSlice } from './slices/console';
import type { TrustSlice } from './slices/trust';
import type { BundleToolsSlice } from './slices/bundle-tools';
import type { DrillSlice } from './slices/drill';
import type { ReportSlice } from './slices/report';
import type { OneCableSlice } from './slices/one-cable';
import type { Message } from '../../../src/core/base/message';
import type { AppInfo, BundleShow, BundleVerify, Diagnostic, ErrorInfo, ExampleSummary, LabStatus, RenderOutput, RunSummary, Settings } from '../../../src/contract/index';

export type Screen = 'home' | 'pairing' | 'monitor' | 'console' | 'bundles' | 'settings';
export const SCREENS: readonly { id: Screen; label: string }[] = [
  { id: 'home', label: 'Home' },
  { id: 'pairing', label: 'Pairing' },
  { id: 'monitor', label: 'Monitor' },
  { id: 'console', label: 'Console' },
  { id: 'bundles', label: 'Bundles' },
  { id: 'settings', label: 'Settings' },
];

export interface AppSlice {
  screen: Screen;
  boot: 'loading' | 'ready' | 'failed';
  info?: AppInfo;
  bootError?: ErrorInfo;
  navigate(screen: Screen): void;
  start(): Promise<void>;
}

export interface SettingsSlice {
  settings?: Settings;
  settingsError?: ErrorInfo;
  saveSettings(patch: Partial<Settings>): Promise<void>;
}

export interface ExamplesSlice {
  examples: ExampleSummary[];
  examplesError?: ErrorInfo;
  loadExamples(): Promise<void>;
  /** Past commissioning runs for Home, newest first (counts only: no configuration text). */
  runs: RunSummary[];
  runsError?: ErrorInfo;
  loadRuns(): Promise<void>;
  /** Pairs read from an inventory CSV opened on Home (documents, not yet validated). */
  inventory?: { source: string; pairs: { row: number; name: string; doc: Record<string, unknown> }[]; errors: { row: number; column?: string; message: string; said?: Message }[] };
  /** Why the last pair file or inventory could not be opened. */
  openError?: ErrorInfo;
  openPairFile(name: string, text: string): Promise<void>;
  openInventory(name: string, csv: string): Promise<void>;
  openInventoryRow(row: number): void;
}

export interface PairSchemaSlice {
  /** The pair file's defaults by path (`vrrp[].mode`), from the host's pair schema; absent until read. */
  pairDefaults?: Defaults;
  pairSchemaError?: ErrorInfo;
  /** Read the pair schema once (later calls reuse it). */
  loadPairSchema(): Promise<void>;
}

export interface LabSlice {
  lab: LabStatus;
  labOpId?: string;
  labStep?: string;
  labError?: ErrorInfo;
  /** `oneCable`: the lab with a single console port (moved with `hotpair lab cable`). */
  startLab(o?: { oneCable?: boolean }): Promise<void>;
  cancelLab(): Promise<void>;
  stopLab(): Promise<void>;
}

export interface EditorState {
  /** The pair document being edited (plain JSON, as written: defaults are left to the host). */
  doc: Record<string, unknown> | null;
  source: string;
  diagnostics: Diagnostic[];
  checked?: 'structure' | 'rules' | 'facts';
  valid?: boolean;
  validating: boolean;
  error?: ErrorInfo;
  render?: RenderOutput;
  renderError?: ErrorInfo;
}

export interface EditorSlice {
  editor: EditorState;
  openExample(id: string): Promise<void>;
  openDoc(source: string, doc: unknown): void;
  /** Set (undefined: remove) a value; `prune` names optional groups, innermost first, dropped once left empty. */
  setField(path: string, value: unknown, prune?: readonly string[]): void;
  addItem(listPath: string, item: Record<string, unknown>): void;
  removeItem(listPath: string, index: number): void;
  validateNow(): Promise<void>;
}

export interface BundlesSlice {
  /** The last bundle checked: its verdict and, when intact, its manifest (never its bytes). */
  bundle?: { name: string; verify: BundleVerify; show?: BundleShow };
  bundleError?: ErrorInfo;
  bundleBusy: boolean;
  checkBundle(name: string, base64: string): Promise<void>;
}

export interface EventsSlice {
  /** Apply a host event (lab status, op progress) to the store. */
  applyEvent(e: import('../../../src/contract/index').HostEvent): void;
}

export type State = AppSlice & SettingsSlice & ExamplesSlice & LabSlice & EditorSlice & PairSchemaSlice & BundlesSlice & EventsSlice & MonitorSlice & ConsoleSlice & TrustSlice & BundleToolsSlice & WizardSlice & OneCableSlice & DrillSlice & ReportSlice;
