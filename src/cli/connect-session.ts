/**
 * The CLI's side of the device connector (src/core/session/node/connect.ts): the shared flags
 * (credentials.ts) turned into a login, questions asked on the terminal, transcripts in the data
 * dir. Single-URL commands (connect, discover) open one target; pair-based ones (pair, op,
 * recover, bundle apply) open A and B from a file's devices with the same precedence rule.
 */
import { AppError } from '../core/base/errors';
import { formatConnectTarget, parseConnectUrl, type ConnectTarget } from '../core/model/connect';
import type { DeviceKey, Pair } from '../core/model/pair';
import { DeviceConnector } from '../core/session/node/connect';
import type { OpenedSession } from '../core/session/node/open';
import type { DeviceSession } from '../core/session/session';
import { connectUrlRefusal } from './error-text';
import { t } from './i18n';
import { cliCore } from '../i18n/node/cli-core';
import { effectiveSettings, loginInput, terminalAsk, terminalPromptIo, type CliConnectFlags, type DeviceSettings, type EffectiveSettings, type PromptIo, type TargetFlags } from './credentials';

export type { CliConnectFlags } from './credentials';

export interface CliOpenedSession {
  session: DeviceSession;
  transport: OpenedSession['transport'];
  transcript: string;
  baud?: number;
  close(): Promise<void>;
}

export function cliConnector(flags: CliConnectFlags): DeviceConnector {
  return new DeviceConnector(flags.knownHosts ? { knownHostsFile: flags.knownHosts } : {});
}

async function openWith(connector: DeviceConnector, target: ConnectTarget, e: EffectiveSettings, signal: AbortSignal, io: PromptIo, label?: string): Promise<CliOpenedSession> {
  const opened = await connector.open({
    target,
    login: loginInput(e),
    ask: terminalAsk(e, io),
    signal,
    onStatus: (m, said) => io.err(`${said ? cliCore().text(said.code, said.params, m) : m}\n`),
    ...(label ? { label } : {}),
  });
  return {
    session: opened.session,
    transport: opened.transport,
    transcript: opened.transcriptPath,
    ...(opened.baud !== undefined ? { baud: opened.baud } : {}),
    close: () => opened.session.close(),
  };
}

/** One target given on the command line (connect, discover): flags, else a prompt. */
export function openCliSession(target: ConnectTarget, flags: CliConnectFlags, signal: AbortSignal, io: PromptIo = terminalPromptIo()): Promise<CliOpenedSession> {
  return openWith(cliConnector(flags), target, effectiveSettings(flags), signal, io);
}

export interface PairTarget {
  target: ConnectTarget;
  /** For the user: "ssh admin@host:22", "/dev/ttyUSB0 @9600". */
  text: string;
  settings: EffectiveSettings;
}

/** Both devices' targets and settings: `--a/--b` and the flags over the file's devices. */
export function pairTargets(devices: Record<DeviceKey, DeviceSettings>, flags: CliConnectFlags & TargetFlags): Record<DeviceKey, PairTarget> {
  const out = {} as Record<DeviceKey, PairTarget>;
  for (const k of ['a', 'b'] as const) {
    const settings = effectiveSettings(flags, devices[k], k);
    if (settings.url === undefined) throw new AppError('VALIDATION', t('connect.noUrl', { device: k.toUpperCase(), flag: k }));
    const r = parseConnectUrl(settings.url);
    if (!r.ok) throw new AppError('VALIDATION', t('connect.badUrl', { device: k.toUpperCase(), message: connectUrlRefusal(r) }));
    out[k] = { target: r.target, text: formatConnectTarget(r.target), settings };
  }
  return out;
}

/** A pair's targets after --a/--b, or undefined once the reason was said (a usage error: exit 2). */
export function pairTargetsOrSay(pair: Pair, flags: CliConnectFlags & TargetFlags, say: (message: string) => void): Record<DeviceKey, PairTarget> | undefined {
  try {
    return pairTargets(pairDeviceSettings(pair), flags);
  } catch (e) {
    say((e as Error).message);
    return undefined;
  }
}

/**
 * Opens device A or B: one connector for both, so first-contact host keys are recorded one at a
 * time and the terminal's questions (passwords, fingerprints) come one after the other.
 */
export function pairOpener(
  devices: Record<DeviceKey, DeviceSettings & { label?: string }>,
  flags: CliConnectFlags & TargetFlags,
  io: PromptIo = terminalPromptIo(),
): (k: DeviceKey, signal: AbortSignal) => Promise<CliOpenedSession> {
  const targets = pairTargets(devices, flags);
  const connector = cliConnector(flags);
  return (k, signal) => openWith(connector, targets[k].target, targets[k].settings, signal, io, devices[k].label);
}

/** A pair's devices as connect settings; a bundle's sealed passwords rank with the file's own settings. */
export function pairDeviceSettings(pair: Pair, passwords: Partial<Record<DeviceKey, string>> = {}): Record<DeviceKey, DeviceSettings & { label: string }> {
  const one = (k: DeviceKey) => {
    const d = pair.devices[k];
    const pw = passwords[k];
    return {
      connect: d.connect,
      label: `${pair.name}-${d.sysname}`,
      ...(d.passwordEnv ? { passwordEnv: d.passwordEnv } : {}),
      ...(d.identityFile ? { identityFile: d.identityFile } : {}),
      ...(pw !== undefined ? { password: pw } : {}),
    };
  };
  return { a: one('a'), b: one('b') };
}
