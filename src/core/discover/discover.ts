import { throwIfAborted } from '../base/abort';
import { AppError, isAppError } from '../base/errors';
import type { DeviceFacts, InterfaceFact } from '../model/facts';
import { comware7 } from '../platforms/comware7';
import type { PlatformPack } from '../platforms/pack';
import { parseClock } from '../parse/clock';
import { parseInterfaceBrief } from '../parse/interface-brief';
import { parseManuinfo } from '../parse/manuinfo';
import { parseRbmStatus } from '../parse/rbm-status';
import { parseTrackAll } from '../parse/track';
import { parseVersion } from '../parse/version';
import { parseVrrp } from '../parse/vrrp';
import { parserWarningSaid } from '../parse/warning-said';
import type { Message } from '../base/message';
import { errorParam } from '../provision/progress-message';
import { configFacts, type ConfigFacts } from './config-facts';

/**
 * The part of a device session discovery needs. The real DeviceSession satisfies it (its
 * `prompt` carries the RBM prefix and hostname), and so does a fake serving recorded outputs.
 */
export interface DiscoverSession {
  exec(command: string, opts?: ExecOpts): Promise<{ output: string }>;
  promptPrefix?: string;
  sysname?: string;
  prompt?: { rbmPrefix?: string; hostname?: string };
}

export interface DiscoverOptions {
  signal?: AbortSignal;
  /** Display commands and error strings; defaults to Comware V7. */
  pack?: PlatformPack;
  /** Called before each command so a UI can show "3/8 display vrrp verbose". */
  onStep?: (step: { command: string; index: number; total: number }) => void;
}

/** `check: false` asks the real session to hand back error text instead of throwing (see `rejection`). */
type ExecOpts = { signal?: AbortSignal; expectBytes?: number; check?: boolean };

type Step = 'version' | 'manuinfo' | 'interfaceBrief' | 'currentConfig' | 'rbmStatus' | 'vrrpVerbose' | 'trackAll' | 'clock';
const STEPS: Step[] = ['version', 'manuinfo', 'interfaceBrief', 'currentConfig', 'rbmStatus', 'vrrpVerbose', 'trackAll', 'clock'];

// A running configuration can be large; tell a slow console how much to expect.
const EXPECT_BYTES: Record<string, number> = { currentConfig: 200_000, interfaceBrief: 20_000 };

/**
 * The device's error line when it refused the command. Comware prints the refusal right after
 * the echo (a caret line, then `% …`), so only the first lines are checked: a description or
 * configuration line further down that happens to say "does not exist" or "Failed," is data.
 */
function rejection(output: string, patterns: RegExp[]): string | undefined {
  const head = output.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 3);
  return head.find((l) => patterns.some((re) => re.test(l)))?.trim();
}

/**
 * Read what a device is: runs the pack's display commands one by one and combines the parsed
 * results into DeviceFacts. A command the device rejects (older release, missing licence,
 * operator role) becomes a warning and discovery goes on; a timeout, disconnect or cancel ends it.
 */
export async function discover(session: DiscoverSession, opts: DiscoverOptions = {}): Promise<DeviceFacts> {
  const pack = opts.pack ?? comware7;
  const errorPatterns = pack.errors.map((e) => new RegExp(e.pattern, 'm'));
  const facts: DeviceFacts = { interfaces: [], vrrp: [], tracks: [], warnings: [] };
  // Discovery's own warnings carry a message; a parser's is read back from its English (null when no shape fits).
  const said: (Message | null)[] = [];
  const note = (text: string, m: Message | null) => {
    facts.warnings.push(text);
    said.push(m);
  };
  const warn = (list: string[]) => list.forEach((w) => note(w, parserWarningSaid(w)));

  /** Runs the pack's display `key`; undefined when the pack lacks it or the device rejects it. */
  const run = async (key: string, index: number, total = STEPS.length): Promise<string | undefined> => {
    throwIfAborted(opts.signal);
    const command = pack.displays[key];
    if (command === undefined) {
      note(`the platform pack has no "${key}" display command`, { code: 'discover.warning.no-display', params: { key } });
      return undefined;
    }
    opts.onStep?.({ command, index, total });
    try {
      const execOpts: ExecOpts = { check: false };
      if (opts.signal) execOpts.signal = opts.signal;
      const expectBytes = EXPECT_BYTES[key];
      if (expectBytes !== undefined) execOpts.expectBytes = expectBytes;
      const { output } = await session.exec(command, execOpts);
      const error = rejection(output, errorPatterns);
      if (error !== undefined)
        throw new AppError('COMMAND_REJECTED', `The device rejected "${command}": ${error}`, { details: { command, message: error }, message: { key: 'error.command-rejected.device', params: { command, reason: error } } });
      return output;
    } catch (e) {
      if (isAppError(e) && e.code === 'COMMAND_REJECTED') {
        // The warning quotes the device's own words, which both refusals keep in details.message.
        const words = typeof e.details?.message === 'string' ? e.details.message : undefined;
        note(`${command}: rejected by the device (${words ?? e.message})`, { code: 'discover.warning.rejected', params: { command, reason: words ?? errorParam(e) } });
        return undefined;
      }
      throw e;
    }
  };

  const outputs = new Map<Step, string>();
  for (const [index, step] of STEPS.entries()) {
    let out = await run(step, index);
    // Some releases only know the brief VRRP table.
    if (out === undefined && step === 'vrrpVerbose' && pack.displays.vrrp !== undefined) out = await run('vrrp', index);
    if (out !== undefined) outputs.set(step, out);
  }
  // IPv6 groups have a display of their own; asked only of a device configured with one, so a
  // release without IPv6 VRRP is not sent a command it may refuse.
  const ipv6Vrrp = /^\s*vrrp ipv6 vrid /m.test(outputs.get('currentConfig') ?? '') ? await run('vrrpIpv6Verbose', STEPS.length, STEPS.length + 1) : undefined;

  const version = outputs.get('version');
  if (version !== undefined) {
    const { value, warnings } = parseVersion(version);
    warn(warnings);
    if (value.vendor !== undefined) facts.vendor = value.vendor;
    if (value.model !== undefined) facts.model = value.model;
    if (value.softwareVersion !== undefined) facts.softwareVersion = value.softwareVersion;
    if (value.release !== undefined) facts.release = value.release;
    if (value.uptimeSeconds !== undefined) facts.uptimeSeconds = value.uptimeSeconds;
  }
  const manu = outputs.get('manuinfo');
  if (manu !== undefined) {
    const { value, warnings } = parseManuinfo(manu);
    warn(warnings);
    if (value.serialNumber !== undefined) facts.serialNumber = value.serialNumber;
    if (value.mac !== undefined) facts.mac = value.mac;
  }
  const config = outputs.has('currentConfig') ? configFacts(outputs.get('currentConfig') ?? '') : undefined;
  for (const w of config?.warnings ?? []) note(w.text, w.said);
  const brief = outputs.get('interfaceBrief');
  const briefRows = brief === undefined ? undefined : parseInterfaceBrief(brief);
  if (briefRows) warn(briefRows.warnings);
  facts.interfaces = mergeInterfaces(briefRows?.value.interfaces, config);

  const rbm = outputs.get('rbmStatus');
  if (rbm !== undefined) {
    const { value, warnings } = parseRbmStatus(rbm);
    warn(warnings);
    facts.rbm = value;
  } else if (config) {
    // Status unavailable: the configured RBM view is still worth showing (no running state).
    facts.rbm = config.rbm ?? { configured: false };
  }

  const vrrp = outputs.get('vrrpVerbose');
  if (vrrp !== undefined) {
    const { value, warnings } = parseVrrp(vrrp);
    warn(warnings);
    facts.vrrp = value.groups.map((g) => {
      const binding = config?.interfaces.get(g.interface)?.vrrpBindings.get(g.vrid);
      return binding !== undefined && g.rbmGroup === undefined ? { ...g, rbmGroup: binding } : g;
    });
  }
  if (ipv6Vrrp !== undefined) {
    const { value, warnings } = parseVrrp(ipv6Vrrp, 'ipv6');
    warn(warnings);
    facts.vrrp = [...facts.vrrp, ...value.groups];
  }
  const track = outputs.get('trackAll');
  if (track !== undefined) {
    const { value, warnings } = parseTrackAll(track);
    warn(warnings);
    facts.tracks = value.tracks;
  }
  const clock = outputs.get('clock');
  if (clock !== undefined) {
    const { value, warnings } = parseClock(clock);
    warn(warnings);
    if (value.iso !== undefined) facts.clock = value.iso;
  }

  const sysname = config?.sysname ?? session.sysname ?? session.prompt?.hostname;
  if (sysname) facts.sysname = sysname;
  // A session that has seen a prompt without RBM_P/RBM_S knows there is no prefix ('').
  const prefix = session.promptPrefix ?? (session.prompt ? (session.prompt.rbmPrefix ?? '') : undefined);
  if (prefix !== undefined) facts.promptPrefix = prefix === 'RBM_P' || prefix === 'RBM_S' ? prefix : '';
  if (said.some((m) => m !== null)) facts.warningsSaid = said;
  return ordered(facts);
}

const FIELD_ORDER: (keyof DeviceFacts)[] = ['sysname', 'promptPrefix', 'vendor', 'model', 'softwareVersion', 'release', 'serialNumber', 'mac', 'uptimeSeconds', 'clock', 'interfaces', 'rbm', 'vrrp', 'tracks', 'warnings', 'warningsSaid'];

/** Identity first, lists last: JSON output and saved facts read top-down like the table. */
function ordered(f: DeviceFacts): DeviceFacts {
  const out: Record<string, unknown> = {};
  for (const k of FIELD_ORDER) if (f[k] !== undefined) out[k] = f[k];
  return out as unknown as DeviceFacts;
}

/**
 * Brief rows give every interface with its state; the configuration adds the mask (CIDR), IPv6,
 * the full description and aggregation membership. Without the brief table, configured
 * interfaces are still listed (state unknown).
 */
function mergeInterfaces(brief: InterfaceFact[] | undefined, config: ConfigFacts | undefined): InterfaceFact[] {
  const cfg = config?.interfaces ?? new Map();
  const base: InterfaceFact[] = brief ?? [...cfg.values()].map((c) => ({ name: c.name }));
  return base.map((row) => {
    const c = cfg.get(row.name);
    const { mode: _mode, speed: _speed, duplex: _duplex, portType: _portType, pvid: _pvid, ...fact } = row as InterfaceFact & Record<string, unknown>;
    const out: InterfaceFact = { ...fact };
    if (!c) return out;
    const bareIp = out.address?.split('/')[0];
    if (c.address !== undefined && (bareIp === undefined || c.address.split('/')[0] === bareIp)) out.address = c.address;
    if (c.ipv6Addresses.length > 0) out.ipv6Addresses = [...c.ipv6Addresses];
    if (c.description !== undefined) out.description = c.description;
    if (c.aggregateMember !== undefined) out.aggregateMember = c.aggregateMember;
    return out;
  });
}
