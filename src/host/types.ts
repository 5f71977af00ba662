import type { PdfPrinter } from '../core/report/node/pdf';
import type { ChannelName, HostEvent, Output, ParsedInput, OpProgress } from '../contract/index';
import type { KeychainCipher } from './secrets/cipher';

/** What a handler gets besides its input: cancellation and progress for long work. */
export interface HandlerContext {
  signal: AbortSignal;
  opId?: string;
  progress(p: Omit<OpProgress, 'opId' | 'channel' | 'state'> & { state?: OpProgress['state'] }): void;
  emit(e: HostEvent): void;
}

export type Handler<C extends ChannelName> = (input: ParsedInput<C>, ctx: HandlerContext) => Promise<Output<C>> | Output<C>;
export type Handlers = { [C in ChannelName]?: Handler<C> };

export interface LabDeviceInfo {
  key: 'a' | 'b';
  sysname: string;
  ssh?: { host: string; port: number; username: string };
  serialPath?: string;
}

/**
 * The lab reaches the host only through this adapter, built by the serve command or Electron
 * main: the tool's own layers never import src/lab (eslint zone), yet the UI can start the lab.
 */
export interface LabAdapter {
  /** `oneCable`: one console port (`cablePath`) reaching device A or B, moved with the lab's `cable` (src/lab/one-cable.ts). */
  start(opts: { baud?: number; oneCable?: boolean; signal: AbortSignal; progress: (step: string) => void }): Promise<{ devices: LabDeviceInfo[]; pairText?: string; cablePath?: string }>;
  stop(): Promise<void>;
  /** The running lab's pair file and login, for host-side use only (the monitor); never sent to a renderer. */
  access?(): LabAccess | undefined;
}

export interface LabAccess {
  pairText: string;
  username: string;
  password: string;
  /** The lab's console ports (each device's, and the one cable's): the lab login is good for these too. */
  consoles?: string[];
}

/** Where the monitor keeps history and which ports it may use beyond the user's settings. */
export interface MonitorHostOptions {
  /** SQLite history file; absent = in memory (tests). */
  dbFile?: string;
  retentionDays?: number;
  /** Overrides of the settings' ports (tests: 0 = any free port; false = off). */
  syslogPort?: number | false;
  metricsPort?: number | false;
}

export interface HostDeps {
  version: string;
  mode: 'electron' | 'browser';
  /** resources/examples: the shipped example pair files. */
  examplesDir: string;
  /** Where settings persist; absent = in memory only (tests). */
  settingsFile?: string;
  /** The bundle key store (signing key + trusted keys); absent = no bundle channels. */
  keysDir?: string;
  lab?: LabAdapter;
  /** Known hosts, transcripts, journals and saved logins; absent = the per-user data dir (the CLI's). */
  dataDir?: string;
  /** Electron: the OS keychain (safeStorage) for saved logins; absent = browser mode (passphrase opt-in). */
  keychain?: KeychainCipher;
  monitor?: MonitorHostOptions;
  /** Electron main: the report printed through printToPDF; absent: the system's Chromium (browser mode). */
  pdfPrinter?: PdfPrinter;
}
