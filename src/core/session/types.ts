/**
 * The device-session API that discovery, provisioning and monitoring code against. A session
 * owns one transport and one channel; commands run one at a time (the CLI is a single cursor).
 */
import type { Disposable } from '../base/emitter';
import type { PlatformPack } from '../platforms/pack';

export interface CommandResponse {
  command: string;
  /** Device output without the echo, the final prompt, pager markers and async log lines. */
  output: string;
  /** The prompt that ended the command, e.g. `RBM_P[FW1-remote-backup-group]`. */
  prompt: string;
  elapsedMs: number;
}

export interface ExecOptions {
  signal?: AbortSignal;
  /** Overall limit for this command; default derived from expectBytes and the line rate. */
  timeoutMs?: number;
  /** Limit on silence while waiting (reset by every byte received). */
  idleTimeoutMs?: number;
  /** Rough size of the expected output, so a slow console gets time proportional to it. */
  expectBytes?: number;
  /** false: return output even if it matches a pack error (default true: COMMAND_REJECTED). */
  check?: boolean;
}

export interface ConfigProgress {
  index: number; // 0-based index of the line just accepted
  total: number;
  line: string;
}

export interface SendConfigOptions {
  signal?: AbortSignal;
  onProgress?: (p: ConfigProgress) => void;
  /** Limit for the whole push (per-line limits still apply). */
  timeoutMs?: number;
  /** Leave the device in the view the last line entered instead of returning to user view. */
  stayInView?: boolean;
}

export type ViewKind = 'user' | 'system' | 'subview';

export interface PromptInfo {
  text: string;
  /** `RBM_P` / `RBM_S` when hot backup runs (a cheap hint of the configured role). */
  rbmPrefix?: string;
  view: ViewKind;
  /** Inside the brackets without the sysname, e.g. `GigabitEthernet1/0/1`; '' for user/system. */
  subview: string;
  /** The sysname as learned from the prompt. */
  hostname: string;
}

export interface LogLineEvent {
  time: number;
  line: string;
}

/** What the device printed for `?` after some typed text; nothing ran, the typed text was erased again. */
export interface HelpResponse {
  /** The text typed before `?`. */
  text: string;
  /** The help lines, without the echo, the redisplayed prompt and async log lines. */
  output: string;
  /** Column of the echo line where the typed text began (a caret's column is measured from it). */
  typedStart: number;
  /** The prompt shown with the help (the view it was asked in). */
  prompt: string;
  /** Characters written and received for the request and the erasing. */
  bytes: number;
  elapsedMs: number;
}

/** What callers of a connected session use (DeviceSession implements it). */
export interface Session {
  readonly pack: PlatformPack;
  readonly prompt: PromptInfo;
  readonly closed: boolean;
  /** Where this session's transcript is written (a file path, or "memory"). */
  readonly transcriptLocation?: string;
  exec(command: string, opts?: ExecOptions): Promise<CommandResponse>;
  sendConfig(lines: readonly string[], opts?: SendConfigOptions): Promise<CommandResponse[]>;
  enterSystemView(opts?: ExecOptions): Promise<void>;
  enterView(command: string, opts?: ExecOptions): Promise<CommandResponse>;
  returnToUser(opts?: ExecOptions): Promise<void>;
  save(opts?: ExecOptions): Promise<CommandResponse>;
  /** A file off the device's storage, byte for byte (SFTP); UNSUPPORTED where the link cannot carry files (console). */
  readFile?(path: string, opts?: { signal?: AbortSignal }): Promise<Uint8Array>;
  /** Context help for `text` (`?` typed after it), read up to the prompt shown again, then erased: nothing runs. */
  help?(text: string, opts?: ExecOptions): Promise<HelpResponse>;
  onLog(listener: (e: LogLineEvent) => void): Disposable;
  close(): Promise<void>;
}
