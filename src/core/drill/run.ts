/**
 * The failover drill: check the pair, move the Active role (manual switchover, or a monitored link
 * shut down), measure the move from status polls and the laptop's probes, move it back, and check
 * the pair ends as planned. Anything unexpected stops it; it then puts the pair back where it
 * started where it can and says where each device stands. Sessions and probes come from outside
 * (SessionFactory, Prober), so the same runner serves the CLI, the app and the tests.
 */
import { AppError, toErrorInfo } from '../base/errors';
import type { Message, MessageParam } from '../base/message';
import { sleep, withTimeout } from '../base/abort';
import { discover } from '../discover/discover';
import type { DeviceFacts } from '../model/facts';
import type { DeviceKey } from '../model/pair';
import { comware7 } from '../platforms/comware7';
import type { PlatformPack } from '../platforms/pack';
import { healthMatrix } from '../provision/health';
import { errorEnglish, errorMessage, errorParam } from '../provision/progress-message';
import { runAction } from '../provision/push';
import type { Session } from '../provision/types';
import { verifyTimeoutFor } from '../provision/verify';
import { syncSource } from '../render/sections';
import { answeringBefore, hasMoved, pairGroups, phaseFigures, unexpectedChanges } from './figures';
import { accepts, buildPlan, linkRefusalSaid, pairRefusalSaid, probeText, releaseNote } from './plan';
import { pollBoth, readSessions, snapshotOf, standing, standingOf } from './read';
import { checkSaid, list, msg, Unexpected } from './run-text';
import { DEFAULT_DRILL_TIMEOUTS, PROBE_INTERVAL_MS, type DrillOptions, type DrillTimeouts, type ProbeRun } from './run-options';
import type { DrillOutcome, DrillRecord, PhaseFigures, Sentence, StatusPoll, TimelineEntry } from './types';

const KEYS = ['a', 'b'] as const;
const other = (k: DeviceKey): DeviceKey => (k === 'a' ? 'b' : 'a');
const iso = (ms: number) => new Date(ms).toISOString();

export async function runDrill(o: DrillOptions): Promise<DrillRecord> {
  return new Drill(o).run();
}

class Drill {
  private readonly t: DrillTimeouts;
  private readonly now: () => number;
  private readonly pack: PlatformPack;
  private readonly sessions: Partial<Record<DeviceKey, Session>> = {};
  private readonly record: DrillRecord;
  private readonly groups: { interface: string; vrid: number }[];
  /** The user's signal; while putting the pair back, a bounded one of its own (a Ctrl-C must not stop the restore). */
  private signal: AbortSignal;
  private probes?: ProbeRun;
  private base?: StatusPoll;
  private last?: StatusPoll;
  /** A trigger was sent: from here on a stop must put the pair back. */
  private triggered = false;
  /** The interface the drill has shut and not yet brought back. */
  private linkDown?: { device: DeviceKey; interface: string };
  private from: DeviceKey = 'a';

  constructor(private readonly o: DrillOptions) {
    this.t = { ...DEFAULT_DRILL_TIMEOUTS, ...o.timeouts };
    this.now = o.now ?? Date.now;
    this.pack = o.pack ?? comware7;
    this.signal = o.signal;
    this.groups = pairGroups(o.pair);
    const start = this.now();
    this.record = {
      version: 1,
      runId: o.meta.runId,
      pair: o.pair.name,
      kind: o.kind,
      startedAt: iso(start),
      endedAt: iso(start),
      outcome: 'refused',
      message: '',
      probes: o.probes.map(probeText),
      measureSwitchback: Boolean(o.fallback) || o.pair.fallback.enabled,
      devices: { a: { target: o.meta.targets.a }, b: { target: o.meta.targets.b } },
      health: {},
      ...standingOf({}),
      timeline: [],
      polls: [],
      samples: [],
    };
  }

  async run(): Promise<DrillRecord> {
    const { journal, meta, pair } = this.o;
    journal?.append({ type: 'run-start', runId: meta.runId, pair: pair.name, time: this.record.startedAt, targets: meta.targets, tool: meta.tool, ...(meta.pairFile ? { pairFile: meta.pairFile } : {}) });
    try {
      await this.drill();
    } catch (e) {
      const [why, said]: [string, MessageParam] = e instanceof Unexpected ? [e.message, e.said] : this.o.signal.aborted ? ['cancelled by the user', list([msg('cancelled')])] : [toErrorInfo(e).message, errorParam(e)];
      if (!(e instanceof Unexpected)) this.step(why, undefined, true, this.o.signal.aborted ? msg('cancelled') : errorMessage(e));
      await this.stopAndRestore(why, said);
    } finally {
      await this.probes?.stop().catch(() => undefined);
      await Promise.all(KEYS.map((k) => this.sessions[k]?.close().catch(() => undefined)));
    }
    const r = this.record;
    r.endedAt = iso(this.now());
    if (this.last) Object.assign(r, standingOf(this.last));
    journal?.append({ type: 'drill', time: r.endedAt, drill: r });
    const outcome = r.outcome === 'passed' ? 'success' : r.outcome === 'declined' ? 'declined' : r.restored === undefined ? 'failed' : r.restored ? 'rolled-back' : 'rollback-incomplete';
    journal?.append({ type: 'run-end', outcome, time: r.endedAt, message: r.message });
    return r;
  }

  private step(text: string, device: DeviceKey | undefined, unexpected: boolean, m: Message | undefined): void {
    const entry: TimelineEntry = { at: this.now(), text, ...(m ? { code: m.code, ...(m.params ? { params: m.params } : {}) } : {}), ...(device ? { device } : {}), ...(unexpected ? { unexpected } : {}) };
    this.record.timeline.push(entry);
    this.o.emit?.({ kind: 'step', entry });
  }

  /** Something unexpected: on the timeline, then it stops the drill. */
  private stop(text: string, device: DeviceKey | undefined, said: Message): never {
    this.step(text, device, true, said);
    throw new Unexpected(text, list([said]));
  }

  private finish(outcome: DrillOutcome, message: string, said: Message): void {
    this.record.outcome = outcome;
    this.record.message = message;
    this.record.said = said;
  }

  private refuse = (no: Sentence): void => this.finish('refused', `refused: ${no.text}`, msg('refused', { reason: list([no]) }));

  private async session(k: DeviceKey): Promise<Session> {
    const s = this.sessions[k];
    if (s && !s.closed) return s;
    const t = withTimeout(this.signal, this.t.connectMs, { limit: 'connect', device: k });
    try {
      const opened = await this.o.open(k, t.signal);
      this.sessions[k] = opened;
      return opened;
    } catch (e) {
      throw this.limitHit(t.signal) ? limitError('connect', k, this.t.connectMs) : e;
    } finally {
      t.dispose();
    }
  }

  /** The drill's own limit ran out (not the user's stop, nor the restore's bound). */
  private limitHit = (limit: AbortSignal): boolean => limit.aborted && !this.signal.aborted;

  private async both(): Promise<Record<DeviceKey, Session>> {
    const [a, b] = await Promise.all([this.session('a'), this.session('b')]);
    return { a, b };
  }

  private async discoverBoth(): Promise<Record<DeviceKey, DeviceFacts>> {
    const s = await this.both();
    const read = async (k: DeviceKey) => {
      const t = withTimeout(this.signal, this.t.discoverMs, { limit: 'discover', device: k });
      try {
        return await discover(s[k], { signal: t.signal, pack: this.pack });
      } catch (e) {
        throw this.limitHit(t.signal) ? limitError('discover', k, this.t.discoverMs) : e;
      } finally {
        t.dispose();
      }
    };
    const [a, b] = await Promise.all([read('a'), read('b')]);
    return { a, b };
  }

  private async poll(): Promise<StatusPoll> {
    const p = await pollBoth(await this.both(), this.groups.length > 0, this.signal, this.t.pollLimitMs, this.now);
    this.record.polls.push(p);
    this.last = p;
    return p;
  }

  private async sessionsOn(k: DeviceKey): Promise<number | undefined> {
    return readSessions(await this.session(k), this.signal, this.t.pollLimitMs);
  }

  private async drill(): Promise<void> {
    const { pair, kind } = this.o;
    const no = pairRefusalSaid(pair, kind);
    if (no) return this.refuse(no);
    this.step('connecting to both devices and reading them', undefined, false, msg('step.connect'));
    const facts = await this.discoverBoth();
    for (const k of KEYS) {
      const f = facts[k];
      Object.assign(this.record.devices[k], { sysname: f.sysname, model: f.model, softwareVersion: f.softwareVersion, release: f.release, serialNumber: f.serialNumber });
    }
    const before = healthMatrix(pair, facts.a, facts.b, new Date(this.now()));
    this.record.health.before = before;
    this.o.emit?.({ kind: 'health', when: 'before', checks: before });
    const failing = before.filter((c) => c.status === 'fail');
    if (failing.length)
      return this.finish('refused', `refused: the health matrix must pass on both devices first (${failing.map((c) => `${c.title}: ${c.reason}`).join('; ')})`, msg('refused-health', { checks: list(failing.map(checkSaid)) }));
    const active = KEYS.filter((k) => facts[k].rbm?.runningStatus === 'Active');
    if (active.length !== 1) return this.finish('refused', `refused: ${active.length} devices are Active; a drill starts from one Active and one Standby`, msg('refused-active', { count: active.length }));
    this.from = active[0] as DeviceKey;
    this.record.before = { a: snapshotOf(facts.a, await this.sessionsOn('a')), b: snapshotOf(facts.b, await this.sessionsOn('b')) };
    if (kind.kind === 'link') {
      const bad = linkRefusalSaid(pair, kind.interface, this.from, this.o.management[this.from], facts[this.from]);
      if (bad) return this.refuse(bad);
    }
    // The release note matters where the drill types the manual operation: always, except a link drill that RBM's own fallback ends.
    const note = kind.kind === 'switchover' || !pair.fallback.enabled ? releaseNote(facts) : undefined;
    const on = kind.kind === 'link' ? this.from : this.primary();
    const plan = buildPlan({ pair, kind, from: this.from, on, probes: this.o.probes, measureSwitchback: this.record.measureSwitchback, ...(note ? { note } : {}), commands: this.commands() });
    if (plan.releaseNote) this.record.releaseNote = plan.releaseNote;
    this.o.emit?.({ kind: 'plan', plan });
    const ok = this.o.confirm ? accepts(plan, await this.o.confirm(plan)) : plan.confirmWord === undefined || this.o.acceptRoleSwap === true;
    if (!ok) return this.finish('declined', plan.confirmWord ? `not confirmed: on this release the drill needs "${plan.confirmWord}" named to go ahead; nothing was done` : 'not confirmed: nothing was done', plan.confirmWord ? msg('declined-word', { word: plan.confirmWord }) : msg('declined'));

    this.base = await this.poll();
    if (this.o.probes.length) {
      this.probes = this.o.prober.start(this.o.probes, PROBE_INTERVAL_MS);
      this.step(`probing ${this.record.probes.join(', ')} every ${PROBE_INTERVAL_MS} ms`, undefined, false, msg('step.probing', { targets: this.record.probes.join(', '), ms: PROBE_INTERVAL_MS }));
      await sleep(this.t.warmupMs, this.signal);
      const dead = this.record.probes.filter((t) => !answeringBefore(this.probes?.samples() ?? [], t, this.now()));
      if (dead.length) {
        this.record.samples = await this.probes.stop();
        this.probes = undefined;
        return this.finish('refused', `refused: ${dead.join(', ')} did not answer before the trigger, so nothing could be measured there; nothing was changed`, msg('refused-dead', { targets: dead.join(', ') }));
      }
    }
    const to = other(this.from);
    this.record.switchover = await this.phase('switchover', kind.kind === 'link' ? 'link-down' : 'manual', this.from, to, 1);
    if (!this.record.measureSwitchback) await this.stopProbes();
    const back = await this.phase('switchback', kind.kind === 'link' && pair.fallback.enabled ? 'fallback' : 'manual', to, this.from, 2);
    if (this.record.measureSwitchback) this.record.switchback = back;
    await this.stopProbes();
    await this.checkEnd();
  }

  private async stopProbes(): Promise<void> {
    if (this.probes) this.record.samples = await this.probes.stop();
    this.probes = undefined;
  }

  private primary(): DeviceKey {
    return KEYS.find((k) => (this.last ?? this.record.before)?.[k].role === 'primary') ?? syncSource(this.o.pair);
  }

  private commands(): { switchover: string; shutdown: string; undoShutdown: string } {
    const c = this.pack.commands;
    return { switchover: c.opSwitchover?.template ?? 'switchover', shutdown: c.shutdown?.template ?? LINK_DOWN.template, undoShutdown: c.shutdown?.undo ?? LINK_DOWN.undo };
  }

  /** Moves the Active role `from` → `to` by `trigger`, waits for it (and the probes) and returns the figures. */
  private async phase(name: PhaseFigures['phase'], trigger: PhaseFigures['trigger'], from: DeviceKey, to: DeviceKey, expected: number): Promise<PhaseFigures> {
    const kind = this.o.kind;
    // A link drill without fallback: the link comes back before the manual switchback.
    if (trigger === 'manual' && this.linkDown) await this.setLink(this.linkDown.device, this.linkDown.interface, true);
    await this.poll(); // fresh roles: the manual operation is typed on the primary as the devices report it
    const sessionsBefore = await this.sessionsOn(from);
    let triggeredAt: number;
    this.triggered = true;
    if (trigger === 'manual') {
      const on = this.primary();
      const command = this.commands().switchover;
      this.step(`typing "${command}" on device ${on.toUpperCase()}`, on, false, msg('step.typing', { command, device: on.toUpperCase() }));
      triggeredAt = this.now();
      await runAction(await this.session(on), 'opSwitchover', this.signal);
    } else if (trigger === 'link-down' && kind.kind === 'link') {
      triggeredAt = await this.setLink(from, kind.interface, false);
    } else {
      const link = this.linkDown ?? { device: to, interface: kind.kind === 'link' ? kind.interface : '' };
      triggeredAt = await this.setLink(link.device, link.interface, true);
      const seconds = this.o.pair.fallback.delaySeconds;
      this.step(`waiting for RBM to fall back to device ${to.toUpperCase()} after its ${seconds} s delay`, undefined, false, msg('step.fallback', { device: to.toUpperCase(), seconds }));
    }
    const delayMs = trigger === 'fallback' ? this.o.pair.fallback.delaySeconds * 1000 : 0;
    const seen = await this.waitMove(to, triggeredAt, expected, delayMs + (this.t.moveMs ?? verifyTimeoutFor(this.o.pair)));
    this.step(`device ${to.toUpperCase()} Active and every VRRP group moved: seen ${seen.end - triggeredAt} ms after the trigger`, to, false, msg('step.moved', { device: to.toUpperCase(), ms: seen.end - triggeredAt }));
    const sessionsAfter = await this.sessionsOn(to);
    await this.settle(to, seen.end, expected);
    const figures = phaseFigures({
      phase: name,
      trigger,
      from,
      to,
      triggeredAt,
      until: this.now(),
      polls: this.record.polls,
      samples: this.probes?.samples() ?? [],
      targets: this.probes ? this.record.probes : [],
      groups: this.groups,
      ...(sessionsBefore !== undefined ? { sessionsBefore } : {}),
      ...(sessionsAfter !== undefined ? { sessionsAfter } : {}),
      ...(trigger === 'fallback' ? { delayMs } : {}),
    });
    this.o.emit?.({ kind: 'figures', figures });
    return figures;
  }

  /** `shutdown` / `undo shutdown` on one interface; returns when the line was sent. */
  private async setLink(device: DeviceKey, iface: string, upAgain: boolean): Promise<number> {
    const s = await this.session(device);
    const c = this.commands();
    const signal = this.signal;
    await s.enterSystemView({ signal });
    await s.exec((this.pack.commands.interface?.template ?? 'interface {interface}').replace('{interface}', iface), { signal });
    const command = upAgain ? c.undoShutdown : c.shutdown;
    this.step(`typing "${command}" on ${iface} of device ${device.toUpperCase()}`, device, false, msg('step.typing-link', { command, interface: iface, device: device.toUpperCase() }));
    const at = this.now();
    if (!upAgain) this.linkDown = { device, interface: iface };
    await s.exec(upAgain ? c.undoShutdown : c.shutdown, { signal });
    if (upAgain) this.linkDown = undefined;
    await s.returnToUser({ signal });
    return at;
  }

  private check(p: StatusPoll, expected: number): void {
    const bad = unexpectedChanges(this.base as StatusPoll, p, expected);
    if (!bad.length) return;
    for (const b of bad) this.step(b.text, b.device, true, b);
    throw new Unexpected(bad.map((b) => b.text).join('; '), list(bad));
  }

  private async waitMove(to: DeviceKey, since: number, expected: number, limitMs: number): Promise<StatusPoll> {
    for (;;) {
      const p = await this.poll();
      this.check(p, expected);
      if (p.start >= since && hasMoved(p, to, this.groups)) return p;
      if (this.now() - since > limitMs) {
        const [a, b, seconds] = [standing('a', p.a), standing('b', p.b), Math.round(limitMs / 1000)];
        this.stop(`the Active role did not move to device ${to.toUpperCase()} within ${seconds} s (${a.text}; ${b.text})`, undefined, msg('unexpected.no-move', { device: to.toUpperCase(), seconds, a: list([a]), b: list([b]) }));
      }
      await sleep(this.t.pollGapMs, this.signal);
    }
  }

  /** Keeps polling (a flap shows here) until every probe target has answered again for settleMs; bounded by recoveryMs. */
  private async settle(to: DeviceKey, seenAt: number, expected: number): Promise<void> {
    const targets = this.probes ? this.record.probes : [];
    for (;;) {
      const p = await this.poll();
      this.check(p, expected);
      if (!hasMoved(p, to, this.groups)) {
        const [a, b] = [standing('a', p.a), standing('b', p.b)];
        this.stop(`the Active role left device ${to.toUpperCase()} again right after the move (a flap): ${a.text}; ${b.text}`, to, msg('unexpected.flap', { device: to.toUpperCase(), a: list([a]), b: list([b]) }));
      }
      const samples = this.probes?.samples() ?? [];
      const now = this.now();
      const quietSince = Math.max(seenAt, ...samples.filter((s) => !s.ok).map((s) => s.end));
      const dark = targets.filter((t) => !answeringBefore(samples, t, now));
      if (now - seenAt >= this.t.settleMs && dark.length === 0 && now - quietSince >= this.t.settleMs) return;
      if (now - seenAt > this.t.recoveryMs) {
        const seconds = Math.round(this.t.recoveryMs / 1000);
        this.stop(`${dark.join(', ') || 'a probe target'} not answering ${seconds} s after the move`, undefined, dark.length ? msg('unexpected.dark', { targets: dark.join(', '), seconds }) : msg('unexpected.dark-any', { seconds }));
      }
      await sleep(Math.min(this.t.pollGapMs, PROBE_INTERVAL_MS * 2), this.signal);
    }
  }

  /** The pair must end as planned: the health matrix passes and the device Active at the start is Active again. */
  private async checkEnd(): Promise<void> {
    const p = await this.poll();
    const facts = await this.discoverBoth();
    const after = healthMatrix(this.o.pair, facts.a, facts.b, new Date(this.now()));
    this.record.health.after = after;
    this.o.emit?.({ kind: 'health', when: 'after', checks: after });
    this.record.after = { a: snapshotOf(facts.a, await this.sessionsOn('a')), b: snapshotOf(facts.b, await this.sessionsOn('b')) };
    const from = this.from.toUpperCase();
    const failing: Sentence[] = after.filter((c) => c.status === 'fail').map((c) => ({ text: `${c.title}: ${c.reason}`, ...checkSaid(c) }));
    const problems = [...failing, ...(p[this.from].runningStatus === 'Active' ? [] : [{ text: `device ${from} is not Active again`, ...msg('not-active-again', { device: from }) }])];
    if (problems.length) {
      this.record.restored = false;
      return this.finish('failed', `the pair did not end as planned: ${problems.map((x) => x.text).join('; ')}`, msg('not-as-planned', { problems: list(problems) }));
    }
    this.finish('passed', `both moves measured; the pair is back as planned (device ${from} Active)`, msg('passed', { device: from }));
  }

  /** After something unexpected: stop probing, bring the link back, move the Active role back if needed. */
  private async stopAndRestore(why: string, said: MessageParam): Promise<void> {
    await this.stopProbes().catch(() => undefined);
    if (!this.triggered) return this.finish('failed', `stopped before changing anything: ${why}`, msg('stopped-early', { why: said }));
    const limitMs = this.t.moveMs ?? verifyTimeoutFor(this.o.pair);
    const bound = withTimeout(undefined, limitMs, { limit: 'restore' });
    this.signal = bound.signal;
    try {
      const link = this.linkDown;
      const seconds = Math.round(limitMs / 1000);
      // The restore's own bound says so in a sentence of the drill's; any other error says its own.
      const failed = (e: unknown) => {
        const [english, error]: [string, MessageParam] = bound.signal.aborted ? [`putting the pair back took longer than ${seconds} s`, list([msg('limit.restore', { seconds })], 'comma')] : [errorEnglish(e), errorParam(e)];
        this.step(`could not bring ${link?.interface} back: ${english}`, link?.device, true, msg('step.link-back-failed', { interface: link?.interface ?? '', error }));
      };
      if (link) await this.setLink(link.device, link.interface, true).catch(failed);
      let p = await this.poll().catch(() => undefined);
      if (p && p[this.from].runningStatus !== 'Active' && !p.a.error && !p.b.error && p.a.controlChannel === 'Connected') {
        this.step(`moving the Active role back to device ${this.from.toUpperCase()}`, undefined, false, msg('step.moving-back', { device: this.from.toUpperCase() }));
        await runAction(await this.session(this.primary()), 'opSwitchover', this.signal).catch(() => undefined);
        while (p && !hasMoved(p, this.from, this.groups) && !this.signal.aborted) {
          await sleep(this.t.pollGapMs, this.signal).catch(() => undefined);
          p = await this.poll().catch(() => undefined);
        }
      }
      const back = p !== undefined && hasMoved(p, this.from, this.groups) && !this.linkDown;
      this.record.restored = back;
      const where = back ? `the pair was put back where it started (device ${this.from.toUpperCase()} Active)` : 'the pair could NOT be put back where it started: see where each device stands';
      this.finish('failed', `stopped: ${why}; ${where}`, back ? msg('stopped-restored', { why: said, device: this.from.toUpperCase() }) : msg('stopped-not-restored', { why: said }));
    } finally {
      bound.dispose();
    }
  }
}

/** A limit of the drill's own that ran out, said as the drill's message rather than by the timer's name. */
function limitError(what: 'connect' | 'discover', k: DeviceKey, ms: number): AppError {
  const [device, seconds] = [k.toUpperCase(), Math.round(ms / 1000)];
  const text = what === 'connect' ? `connecting to device ${device} took longer than ${seconds} s` : `reading device ${device} took longer than ${seconds} s`;
  return new AppError('TIMEOUT', text, { details: { timeout: what, ms }, message: { key: `drillRun.limit.${what}`, params: { device, seconds } } });
}

/** Comware's interface shutdown, unless the platform pack names its own (commands.shutdown). */
const LINK_DOWN = { template: 'shutdown', undo: 'undo shutdown' };
