import type { ChannelName, HostEvent, Output, ParsedInput, OpProgress } from '../contract/index';

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
  start(opts: { baud?: number; signal: AbortSignal; progress: (step: string) => void }): Promise<{ devices: LabDeviceInfo[]; pairText?: string }>;
  stop(): Promise<void>;
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
}
