/**
 * Probing one device: every line it would be sent is typed with ` ?` in the view it would be
 * typed in, judged from the help, and erased. Only the lines that enter a view are executed,
 * after the device confirmed them; a view that did not exist is journalled before it is entered
 * (a run killed here is finished by `hotpair recover`) and removed once every line was asked.
 */
import { AppError, isAppError } from '../base/errors';
import { compilePack } from '../channel/patterns';
import type { DeviceKey } from '../model/pair';
import { errorEnglish, errorParam } from '../provision/progress-message';
import type { JournalSink, Session } from '../provision/types';
import { parseHelp } from './help-parse';
import type { ProbeItem } from './lines';
import type { DeviceProbe, LineVerdict } from './types';
import { judge, notAsked, withOffered, type Said } from './verdict';

const iso = () => new Date().toISOString();

export interface ProbeDeviceOptions {
  device: DeviceKey;
  session: Session;
  items: readonly ProbeItem[];
  signal: AbortSignal;
  journal?: JournalSink;
  onLine?: (v: LineVerdict, index: number, total: number) => void;
}

export async function probeDevice(o: ProbeDeviceOptions): Promise<DeviceProbe> {
  const { session, signal } = o;
  const help = session.help?.bind(session);
  const device = o.device.toUpperCase();
  if (!help) throw new AppError('UNSUPPORTED', `device ${device}: this session cannot ask the device for help.`, { message: { key: 'probe.no-help', params: { device } } });
  const cp = compilePack(session.pack);
  const started = Date.now();
  const lines: LineVerdict[] = [];
  const created: ProbeItem[] = [];
  let requests = 0;
  let bytes = 0;
  /** Why the current view could not be entered; its lines are not asked. */
  let blocked: Said | undefined;

  const ask = async (text: string) => {
    const r = await help(text, { signal });
    requests++;
    bytes += r.bytes;
    return { reply: parseHelp(cp, r.output, r.typedStart), prompt: r.prompt };
  };

  const verdictOf = async (item: ProbeItem): Promise<LineVerdict> => {
    if (item.line.includes('?')) return notAsked(item.line, item.view, { text: 'the line holds a "?", which the CLI takes as a help request: it cannot be typed as it stands', said: { code: 'probe.not-asked.question' } });
    const first = await ask(`${item.line} `);
    const j = judge(item.line, item.view, first.reply);
    if (j.askAt === undefined) return j.verdict;
    return withOffered(j.verdict, (await ask(j.askAt)).reply);
  };

  const record = (v: LineVerdict) => {
    lines.push(v);
    o.onLine?.(v, lines.length - 1, o.items.length);
  };

  try {
    await session.enterSystemView({ signal });
    for (const item of o.items) {
      if (blocked !== undefined && item.view !== 'system') {
        record(notAsked(item.line, item.view, { text: `not asked: ${blocked.text}`, said: { code: 'probe.not-asked.blocked', params: { why: { sep: 'comma', items: [blocked.said] } } } }));
        if (item.kind === 'exit') blocked = undefined;
        continue;
      }
      const v = await verdictOf(item);
      if (item.kind === 'enter') {
        const entered = v.status === 'confirmed' ? await enter(o, item, created) : { text: `the device did not confirm "${item.line}"`, said: { code: 'probe.view.not-confirmed', params: { line: item.line } } };
        if (entered !== undefined) {
          blocked = entered;
          record(v.status === 'confirmed' ? { ...v, status: 'unknown', message: entered.text, messageSaid: entered.said } : v);
          continue;
        }
      } else if (item.kind === 'exit' && session.prompt.view === 'subview') {
        await session.exec(item.line, { signal });
      }
      record(v);
    }
  } catch (e) {
    // The first failure is the one to report; what could not be removed stays in the journal for `hotpair recover`.
    await removeCreated(o, created).catch(() => undefined);
    throw e;
  }
  await removeCreated(o, created);
  return { device: o.device, lines, createdViews: created.map((c) => c.line), requests, bytes, elapsedMs: Date.now() - started };
}

/** Executes a confirmed view-entering line; a view it creates is journalled first. Returns why it failed, if it did. */
async function enter(o: ProbeDeviceOptions, item: ProbeItem, created: ProbeItem[]): Promise<Said | undefined> {
  const { session, signal, journal, device } = o;
  const base = { type: 'probe' as const, device, line: item.line, ...(item.creates ? { undo: [item.creates] } : {}) };
  if (item.creates) journal?.append({ ...base, phase: 'view-begin', time: iso() });
  try {
    await session.enterView(item.line, { signal });
  } catch (e) {
    if (item.creates) journal?.append({ ...base, phase: 'view-failed', time: iso(), reason: e instanceof Error ? e.message : String(e) });
    if (isAppError(e) && e.code === 'COMMAND_REJECTED') return { text: `the device refused to enter the view: ${errorEnglish(e)}`, said: { code: 'probe.view.refused', params: { error: errorParam(e) } } };
    throw e;
  }
  if (item.creates) {
    journal?.append({ ...base, phase: 'view-done', time: iso() });
    created.push(item);
  }
  return undefined;
}

/** Removes the views the probe created, newest first, from system view; then back to user view. */
async function removeCreated(o: ProbeDeviceOptions, created: ProbeItem[]): Promise<void> {
  const { session, signal, journal, device } = o;
  if (session.closed) return;
  if (created.length > 0) await session.enterSystemView({ signal });
  for (const item of [...created].reverse()) {
    await session.exec(item.creates as string, { signal });
    journal?.append({ type: 'probe', phase: 'view-removed', device, line: item.line, time: iso() });
  }
  await session.returnToUser({ signal });
}
