/**
 * A character-level Comware-like terminal for the probe's unit tests over MockTransport: echo,
 * `?` help in Comware's format (indented keyword/hint lines with descriptions, `<cr>`, a caret
 * and a `%` error, then the prompt with the typed text again), Backspace erasing with `\b \b`,
 * views entered and left on Enter. Every executed line is recorded, so a test can prove that a
 * probed line never ran.
 */
import type { MockTransport } from '../../../src/core/transport/mock';

export const LOG = '%Nov 25 14:00:00:123 2026 FW1 RBM/6/RBM_CHANNEL: Local IP=10.2.1.1, remote IP=10.2.1.2, status=Connected.';

type View = 'user' | 'system' | 'rbm' | 'interface';

export interface FakeHelpOptions {
  /** Rows per view: words, with `INTEGER<a-b>` / `X.X.X.X` / `STRING<a-b>` for arguments. */
  grammar: Partial<Record<View, string[]>>;
  /** Print an async log line in the middle of every help list, and another after it (with the typed text shown again). */
  logs?: boolean;
  rbm?: string;
  running?: string[];
  /** A slow line: the last `\b` of an erase arrives a moment after the rest, as on a paced console. */
  slowErase?: boolean;
}

const DESCRIPTIONS: Record<string, string> = { interval: 'Set the keepalive interval', count: 'Set the keepalive count', port: 'Specify the port number' };

function accepts(spec: string, word: string): boolean {
  const int = /^INTEGER<(\d+)-(\d+)>$/.exec(spec);
  if (int) return /^\d+$/.test(word) && Number(word) >= Number(int[1]) && Number(word) <= Number(int[2]);
  const str = /^STRING<(\d+)-(\d+)>$/.exec(spec);
  if (str) return word.length >= Number(str[1]) && word.length <= Number(str[2]);
  if (spec === 'X.X.X.X') return /^\d+\.\d+\.\d+\.\d+$/.test(word);
  if (spec === 'INTERFACE') return /^[A-Za-z-]+\d+(\/\d+)*$/.test(word);
  return spec === word.toLowerCase();
}
const isArg = (spec: string) => /^[A-Z]/.test(spec);

export function fakeHelpCli(o: FakeHelpOptions) {
  let view: View = 'user';
  let iface = '';
  let line = '';
  const executed: string[] = [];
  const running = new Set(o.running ?? []);
  const prompt = () => `${o.rbm ?? ''}${view === 'user' ? '<FW1>' : view === 'system' ? '[FW1]' : view === 'rbm' ? '[FW1-remote-backup-group]' : `[FW1-${iface}]`}`;
  const rows = () => (o.grammar[view] ?? []).map((r) => r.split(' '));

  /** Help for the typed text (complete words only): entries, or a caret column and error. */
  const help = (typed: string): { entries: string[] } | { col: number; error: string } => {
    const words = [...typed.matchAll(/\S+/g)];
    let cands = rows();
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const next = cands.filter((r) => r[i] !== undefined && accepts(r[i]!, w[0]));
      if (next.length === 0) {
        const error = cands.every((r) => r.length <= i) ? 'Too many parameters' : cands.some((r) => r[i] && isArg(r[i]!)) ? 'Wrong parameter' : 'Unrecognized command';
        return { col: w.index, error };
      }
      cands = next;
    }
    const k = words.length;
    const entries = [...new Set(cands.filter((r) => r.length > k).map((r) => r[k]!))].sort();
    if (cands.some((r) => r.length === k)) entries.push('<cr>');
    return { entries };
  };

  const execute = (cmd: string): string => {
    const c = cmd.trim();
    if (c === '') return '';
    executed.push(c);
    if (c === 'screen-length disable') return '';
    if (c === 'system-view') {
      view = 'system';
      return 'System View: return to User View with Ctrl+Z.\r\n';
    }
    if (c === 'return') view = 'user';
    else if (c === 'quit') view = view === 'system' ? 'user' : 'system';
    else if (view === 'system' && c === 'remote-backup group') {
      running.add('remote-backup group');
      view = 'rbm';
    } else if (view === 'system' && c.startsWith('interface ')) {
      iface = c.slice(10);
      view = 'interface';
    } else if (view === 'system' && c === 'undo remote-backup group') running.delete('remote-backup group');
    else if (c === 'display current-configuration') return `${[...running].map((l) => `${l}\r\n#\r\n`).join('')}return\r\n`;
    return '';
  };

  const onWrite = (text: string, m: MockTransport) => {
    let out = '';
    for (const ch of text) {
      if (ch === '\r') {
        const cmd = line;
        line = '';
        out += '\r\n';
        out += execute(cmd);
        out += prompt();
      } else if (ch === '\b' || ch === '\x7f') {
        if (line) {
          line = line.slice(0, -1);
          out += '\b \b';
        }
      } else if (ch === '?') {
        const h = help(line);
        out += '?\r\n';
        if ('col' in h) out += `${' '.repeat(prompt().length + h.col)}^\r\n % ${h.error} found at '^' position.\r\n`;
        else {
          const lines = h.entries.map((e) => `  ${e.padEnd(14)}${DESCRIPTIONS[e] ?? ''}`.trimEnd());
          if (o.logs) lines.splice(1, 0, LOG);
          out += lines.map((l) => `${l}\r\n`).join('');
        }
        out += `\r\n${prompt()}${line}`;
        if (o.logs) out += `\r\n${LOG}\r\n${prompt()}${line}`;
      } else {
        line += ch;
        out += ch;
      }
    }
    if (o.slowErase && out.endsWith('\b \b')) {
      send(m, out.slice(0, -1));
      send(m, '\b', 20);
    } else if (out) send(m, out);
  };
  // One ordered stream, as on a serial line: output held back delays everything after it.
  let line$ = Promise.resolve();
  const send = (m: MockTransport, text: string, delayMs = 0) => {
    line$ = line$.then(() => new Promise<void>((r) => setTimeout(r, delayMs))).then(() => m.push(text));
  };

  return { onWrite, greeting: prompt(), executed, running, state: () => ({ view, line }) };
}
