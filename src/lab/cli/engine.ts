import type { LabDevice } from '../device/device';
import { dialectOf, type Dialect } from './dialect';
import { canonical, help, match, tokenize, type Token } from './grammar';
import { helpLines } from './help';
import type { Ctx, Outcome, Question, SessionState, View, ViewKind } from './types';

/** Built-in aliases (the vendor CLI notes / H3C "Using the CLI" Table 3): whole words only. */
const ALIASES: Record<string, string> = {
  show: 'display',
  write: 'save',
  exit: 'quit',
  end: 'return',
  no: 'undo',
  hostname: 'sysname',
  logging: 'info-center',
  erase: 'delete',
};

const FILTER_RE = /^\s*(\S+)\s+(.*\S)\s*$/;
const FILTERS = ['begin', 'exclude', 'include'] as const;

export const YN_RETRY = "Before pressing ENTER you must choose 'YES' or 'NO'[Y/N]:";

/** One CLI session's state machine: views, pending questions, and command execution. */
export class CliSession {
  private views: View[] = [{ kind: 'user' }];
  private pending: Question | undefined;
  readonly state: SessionState;
  /** Loading a configuration file: the loader emits one config event for the whole batch. */
  quiet = false;

  /** `dialect`: the language spoken, by default the device's pack's. */
  constructor(
    readonly device: LabDevice,
    state: Partial<SessionState> = {},
    private readonly dialect: Dialect = dialectOf(device.pack),
  ) {
    this.state = { screenLength: 24, monitor: false, ...state };
  }

  get view(): View {
    return this.views[this.views.length - 1] as View;
  }

  /** The prompt, or the text of the question being asked. */
  prompt(): string {
    if (this.pending) return this.pending.prompt;
    const prefix = this.device.runtime?.promptPrefix() ?? '';
    const name = this.device.sysname();
    const v = this.view;
    if (v.kind === 'user') return `${prefix}<${name}>`;
    const suffix: Record<ViewKind, string> = {
      user: '',
      system: '',
      interface: `-${v.id}`,
      rbm: '-remote-backup-group',
      track: `-track-${v.id}`,
      luser: `-luser-manage-${v.id}`,
      objgroup: `-obj-grp-ip-${v.id}`,
    };
    return `${prefix}[${name}${suffix[v.kind]}]`;
  }

  toSystemView(): void {
    this.views = [{ kind: 'user' }, { kind: 'system' }];
  }

  cancelQuestion(): void {
    this.pending = undefined;
  }

  asking(): boolean {
    return this.pending !== undefined;
  }

  /** Ctrl+Z / `return`: straight back to user view. */
  toUserView(): void {
    this.views = [{ kind: 'user' }];
  }

  /** `?` typed at the end of `line`: the help lines (the vendor CLI notes "Using the CLI"). */
  help(line: string): string[] {
    const tokens = this.applyAliases(tokenize(line));
    const partial = /\S$/.test(line) ? tokens.pop() : undefined;
    return helpLines(this.dialect, this.view.kind, tokens, partial, this.prompt().length);
  }

  /** Tab: the rest of the last word when exactly one keyword completes it. */
  complete(line: string): string {
    if (!/\S$/.test(line)) return '';
    const tokens = this.applyAliases(tokenize(line));
    const partial = tokens.pop() as Token;
    const r = help(this.dialect.rows(this.view.kind), tokens, partial, (t) => this.dialect.words(t));
    const word = r.ok && r.items.length === 1 ? r.items[0]?.word : undefined;
    return word && word.toLowerCase().startsWith(partial.text.toLowerCase()) ? word.slice(partial.text.length) : '';
  }

  /** Execute one line (or answer the pending question). */
  execute(line: string): Outcome {
    const q = this.pending;
    if (q) {
      this.pending = undefined;
      return this.finish(this.answer(q, line));
    }
    return this.finish(this.run(line));
  }

  private answer(q: Question, text: string): Outcome {
    if (!q.yn) return q.answer(text);
    const t = text.trim().toLowerCase();
    if (t === 'y' || t === 'yes' || t === 'n' || t === 'no') return q.answer(t[0] as string);
    return { ask: { ...q, prompt: YN_RETRY } };
  }

  private finish(o: Outcome): Outcome {
    if (o.ask) this.pending = o.ask;
    return o;
  }

  private run(raw: string): Outcome {
    if (!raw.trim()) return {};
    const promptLen = this.prompt().length;
    let line = raw;
    let filter: ((lines: string[]) => string[]) | undefined;
    const bar = line.indexOf('|');
    const first = line.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    if (bar > 0 && (first === 'show' || 'display'.startsWith(first))) {
      const f = this.parseFilter(line.slice(bar + 1), bar + 1, promptLen);
      if (!('filter' in f)) return f;
      filter = f.filter;
      line = line.slice(0, bar);
    }
    const tokens = this.applyAliases(tokenize(line));
    const m = match(this.dialect.rows(this.view.kind), tokens, line);
    if (!m.ok) return { lines: [`${' '.repeat(promptLen + m.col)}^`, ` % ${m.error} found at '^' position.`], failed: true };
    const spec = m.row.handler;
    const viewBefore = this.view;
    const ctx: Ctx = {
      device: this.device,
      cfg: this.device.running,
      view: viewBefore,
      session: this.state,
      enter: (v) => this.enter(v),
      changed: (lines) => {
        if (!this.quiet) this.device.changed(lines);
      },
    };
    const r = spec.run(ctx, m.args);
    const out: Outcome = Array.isArray(r) ? { lines: r } : (r ?? {});
    if (spec.config && !out.failed && !this.quiet) {
      const head = viewLine(viewBefore, this.device);
      const text = spec.event ? spec.event(ctx, m.args) : canonical(m.row, m.args);
      this.device.changed(head.length ? [...head, ` ${text}`] : [text]);
    }
    if (filter && out.lines) out.lines = filter(out.lines);
    return out;
  }

  private enter(v: View): void {
    if (v.kind === 'user') this.views = [v];
    else if (v.kind === 'system') this.views = [{ kind: 'user' }, v];
    else this.views = [{ kind: 'user' }, { kind: 'system' }, v];
  }

  private applyAliases(tokens: Token[]): Token[] {
    const out = tokens.map((t) => ({ ...t }));
    const first = out[0];
    if (!first) return out;
    const alias = (t: Token) => {
      const a = ALIASES[t.text.toLowerCase()];
      if (a) t.text = a;
    };
    alias(first);
    if (first.text === 'undo' && out[1]) alias(out[1]);
    return out;
  }

  /** `| include REGEX`, `| begin REGEX`, `| exclude REGEX` after a display command. */
  private parseFilter(text: string, offset: number, promptLen: number): { filter: (l: string[]) => string[] } | Outcome {
    const caret = (col: number, what: string): Outcome => ({ lines: [`${' '.repeat(promptLen + col)}^`, ` % ${what} found at '^' position.`], failed: true });
    const m = FILTER_RE.exec(text);
    const lead = offset + (text.length - text.trimStart().length);
    if (!m) return caret(offset + text.length + 1, 'Incomplete command');
    const kw = (m[1] as string).toLowerCase();
    const hits = FILTERS.filter((f) => f.startsWith(kw));
    if (hits.length !== 1) return caret(lead, hits.length ? 'Ambiguous command' : 'Unrecognized command');
    let re: RegExp;
    try {
      re = new RegExp(m[2] as string);
    } catch {
      return caret(lead, 'Wrong parameter');
    }
    const kind = hits[0];
    return {
      filter: (lines) => {
        if (kind === 'include') return lines.filter((l) => re.test(l));
        if (kind === 'exclude') return lines.filter((l) => !re.test(l));
        const i = lines.findIndex((l) => re.test(l));
        return i < 0 ? [] : lines.slice(i);
      },
    };
  }
}

/** The line that enters a sub-view, so a config event names where a sub-view command applied. */
function viewLine(v: View, d: LabDevice): string[] {
  switch (v.kind) {
    case 'interface':
      return [`interface ${v.id}`];
    case 'rbm':
      return ['remote-backup group'];
    case 'track': {
      const t = d.running.tracks.find((x) => String(x.id) === v.id);
      return t ? [`track ${t.id} interface ${t.interface}`] : [];
    }
    case 'luser':
      return [`local-user ${v.id} class manage`];
    case 'objgroup':
      return [`object-group ip address ${v.id}`];
    default:
      return [];
  }
}
