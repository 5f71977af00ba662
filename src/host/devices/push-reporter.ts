import { formatFailure } from '../../core/provision/verify';
import { failureMessage } from '../../core/provision/verify-text';
import type { WorkflowEvent } from '../../core/provision/types';
import type { HostEvent, PairProgress } from '../../contract/index';

type Counter = { done: number; total: number; line: string };

/**
 * Workflow events → `pair.progress` batches. A push reports every line on both devices; the UI
 * needs the latest counter per device and the messages since the last batch, about ten times a
 * second — not one IPC message per line.
 */
export class PushReporter {
  private stage: PairProgress['stage'];
  private stageDirty = false;
  private readonly devices: { a?: Counter; b?: Counter } = {};
  /** Lines each device's plan pushes (all stages), and how many it has accepted so far. */
  private readonly totals: Partial<Record<'a' | 'b', number>> = {};
  private readonly done: Record<'a' | 'b', number> = { a: 0, b: 0 };
  private dirty = new Set<'a' | 'b'>();
  private messages: PairProgress['messages'] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly opId: string,
    private readonly emit: (e: HostEvent) => void,
    private readonly onStage: (title: string) => void = () => undefined,
    private readonly intervalMs = 100,
  ) {}

  onEvent(e: WorkflowEvent): void {
    switch (e.kind) {
      case 'stage':
        if (e.phase !== 'begin') return;
        this.stage = { name: e.stage, title: e.title, ...(e.explain ? { explain: e.explain } : {}) };
        this.stageDirty = true;
        this.onStage(e.title);
        this.messages.push({
          level: 'info',
          text: `${e.title}${e.explain ? ` — ${e.explain}` : ''}`,
          ...(e.explain
            ? { code: 'progress.stage', params: { title: { sep: 'comma' as const, items: [{ code: `stage.${e.stage}.title` }] }, explain: { sep: 'comma' as const, items: [{ code: `stage.${e.stage}.explain` }] } } }
            : { code: `stage.${e.stage}.title`, params: {} }),
        });
        break;
      case 'plan':
        for (const k of ['a', 'b'] as const) this.totals[k] = e.plans[k].add.length + e.plans[k].remove.length;
        return;
      case 'line': {
        // One event per accepted line: the counter runs over the whole push, the line says its stage.
        const done = ++this.done[e.device];
        this.devices[e.device] = { done, total: Math.max(this.totals[e.device] ?? e.total, done), line: `[${e.stage} ${e.index + 1}/${e.total}] ${e.line}` };
        this.dirty.add(e.device);
        break;
      }
      case 'verify':
        this.messages.push({
          level: 'info',
          text: e.failures.length === 0 ? `verify #${e.attempt}: all expectations met` : `verify #${e.attempt}: waiting for ${e.failures.length}: ${e.failures.slice(0, 3).map(formatFailure).join('; ')}`,
          ...(e.failures.length === 0
            ? { code: 'format.verify.met', params: { attempt: e.attempt } }
            : { code: 'format.verify.waiting', params: { attempt: e.attempt, count: e.failures.length, failures: { sep: 'semicolon' as const, items: e.failures.slice(0, 3).map(failureMessage) } } }),
        });
        break;
      case 'message':
        this.messages.push({ level: e.level, text: e.text, ...(e.device ? { device: e.device } : {}), ...(e.code ? { code: e.code, params: e.params ?? {} } : {}) });
        break;
      case 'preflight':
        this.messages.push({ level: e.findings.some((f) => f.severity === 'error') ? 'error' : 'info', text: `preflight: ${e.findings.length} finding${e.findings.length === 1 ? '' : 's'}`, code: 'progress.preflight', params: { count: e.findings.length } });
        break;
      default:
        return; // health comes back in the call's answer
    }
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.stageDirty && this.dirty.size === 0 && this.messages.length === 0) return;
    const devices: PairProgress['devices'] = {};
    for (const k of this.dirty) devices[k] = this.devices[k];
    this.emit({ event: 'pair.progress', payload: { opId: this.opId, ...(this.stageDirty && this.stage ? { stage: this.stage } : {}), devices, messages: this.messages } });
    this.stageDirty = false;
    this.dirty = new Set();
    this.messages = [];
  }
}
