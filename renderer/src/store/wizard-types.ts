import type { ApplyOutput, ConnectOutput, DeviceFacts, ErrorInfo, FactMismatch, PairProgress, PlanOutput, ProbeOutput, SerialPortInfo } from '../../../src/contract/index';

/** The pairing wizard's steps, in order. */
export const WIZARD_STEPS = [
  { id: 'connect', label: 'Connect A and B' },
  { id: 'discover', label: 'Discover' },
  { id: 'settings', label: 'Hot-backup settings' },
  { id: 'plan', label: 'Plan' },
  { id: 'push', label: 'Push' },
  { id: 'verify', label: 'Verify' },
  { id: 'save', label: 'Save' },
  { id: 'export', label: 'Export bundle' },
] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number]['id'];
export type DeviceKey = 'a' | 'b';

/** A first-seen SSH host key waiting for the user's yes or no. */
export interface PendingHostKey {
  fingerprint: string;
  type: string;
  host: string;
  port: number;
}

/** One device's connection as the wizard shows it. Never a password: that stays in the form field. */
export interface DeviceConnection {
  kind: 'ssh' | 'serial';
  /** SSH: ssh://user@host:port. */
  sshUrl: string;
  /** Serial: the port path and speed ('auto' = auto-baud), and the console login. */
  serialPath: string;
  baud: string;
  username: string;
  identityFile: string;
  status: 'idle' | 'connecting' | 'connected' | 'failed';
  opId?: string;
  step?: string;
  info?: ConnectOutput;
  error?: ErrorInfo;
  hostKey?: PendingHostKey;
}

export interface PushLogLine {
  level: 'info' | 'warn' | 'error';
  text: string;
  device?: DeviceKey;
}

/** The devices' own `?` help on every planned line (pair.probe), and the engineer's override. */
export interface ProbeState {
  status: 'idle' | 'running' | 'done' | 'failed';
  opId?: string;
  step?: string;
  /** The pair text the devices were asked about: a later plan asks again. */
  text?: string;
  result?: ProbeOutput;
  error?: ErrorInfo;
  /** "Push anyway": ticked, with the reason that goes into the journal. */
  override: { on: boolean; reason: string };
}

export interface WizardState {
  step: WizardStep;
  devices: Record<DeviceKey, DeviceConnection>;
  ports?: SerialPortInfo[];
  portsNote?: string;
  portsError?: ErrorInfo;
  discover: { status: 'idle' | 'running' | 'done' | 'failed'; opId?: string; step?: string; facts?: Partial<Record<DeviceKey, DeviceFacts>>; mismatches?: FactMismatch[]; error?: ErrorInfo };
  plan: { status: 'idle' | 'running' | 'done' | 'failed'; opId?: string; step?: string; result?: PlanOutput; error?: ErrorInfo; /** The pair text the plan was made for: a later edit makes it stale. */ text?: string };
  probe: ProbeState;
  push: {
    status: 'idle' | 'running' | 'cancelling' | 'done' | 'failed';
    opId?: string;
    stage?: PairProgress['stage'];
    lines: Partial<Record<DeviceKey, { done: number; total: number; line: string }>>;
    log: PushLogLine[];
    result?: ApplyOutput;
    error?: ErrorInfo;
  };
  /** The devices' session text (redacted by the host), tail only. */
  console: Record<DeviceKey, string>;
  exported: { status: 'idle' | 'running' | 'done' | 'failed'; name?: string; size?: number; error?: ErrorInfo };
}

export interface WizardSlice {
  wizard: WizardState;
  goStep(step: WizardStep): void;
  editConnection(k: DeviceKey, patch: Partial<Pick<DeviceConnection, 'kind' | 'sshUrl' | 'serialPath' | 'baud' | 'username' | 'identityFile'>>): void;
  loadPorts(): Promise<void>;
  /** The password is an argument, sent to the host for this connection only, never kept in the store. */
  connect(k: DeviceKey, secret: { password?: string; passphrase?: string }, acceptHostKey?: string): Promise<void>;
  declineHostKey(k: DeviceKey): void;
  cancelConnect(k: DeviceKey): Promise<void>;
  disconnect(k: DeviceKey): Promise<void>;
  discover(): Promise<void>;
  makePlan(): Promise<void>;
  push(): Promise<void>;
  cancelPush(): Promise<void>;
  exportBundle(): Promise<{ name: string; data: string } | undefined>;
  /** Ask both devices to confirm every planned line (nothing is executed on them). */
  checkSyntax(): Promise<void>;
  setProbeOverride(p: Partial<ProbeState['override']>): void;
  /** Cancel a wizard step's operation (discovery, plan or syntax check). */
  cancelStep(which: 'discover' | 'plan' | 'probe'): Promise<void>;
  applyWizardEvent(e: import('../../../src/contract/index').HostEvent): boolean;
}
