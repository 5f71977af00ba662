/**
 * A tiny Comware-like CLI for unit tests over MockTransport: echo, views, `%` errors with caret,
 * a paged display erased with ANSI moves, `save` questions, console login. The real simulator
 * (src/lab) is exercised by the contract suite; this one keeps unit tests fast and exact.
 */
import type { MockTransport } from '../../../src/core/transport/mock';

export interface FakeCliOptions {
  sysname?: string;
  rbm?: '' | 'RBM_P' | 'RBM_S';
  /** Console login: user/password; undefined = no authentication. */
  auth?: { user: string; password: string; firstLoginNewPassword?: boolean; lockAfter?: number };
  /** Lines printed before "Press ENTER" (console) */
  banner?: string;
  /** Insert this async log line before the prompt of every Nth command. */
  logEvery?: number;
  /** Lines of the long display (paged at 24 lines). */
  longLines?: number;
  displays?: Record<string, string>;
  /** A question asked after a good password, before the prompt; the answer is recorded. */
  afterLogin?: string;
}

export const LOG_LINE = '%Nov 25 14:00:00:123 2026 FW1 RBM/6/RBM_CHANNEL: Local IP=10.2.1.1, remote IP=10.2.1.2, status=Connected.';

export function fakeCli(o: FakeCliOptions = {}) {
  const sysname = o.sysname ?? 'FW1';
  let view: string[] = []; // [] user, ['sys'] system, ['sys', name] subview
  let input = '';
  let state: 'idle' | 'user' | 'password' | 'old' | 'new' | 'confirm' | 'question' | 'shell' | 'save1' | 'paging' = o.auth ? 'idle' : 'shell';
  const answers: string[] = [];
  let failures = 0;
  let count = 0;
  let pending: string[] = [];
  let pendingPrompt = '';
  const prompt = () => `${o.rbm ?? ''}${view.length === 0 ? `<${sysname}>` : view.length === 1 ? `[${sysname}]` : `[${sysname}-${view[1]}]`}`;
  const out = (m: MockTransport, s: string) => m.push(s);

  const run = (m: MockTransport, cmd: string) => {
    count++;
    const log = o.logEvery && count % o.logEvery === 0 ? `${LOG_LINE}\r\n` : '';
    const reply = (text: string) => out(m, `${text ? text + '\r\n' : ''}${log}${prompt()}`);
    const c = cmd.trim();
    if (c === '') return reply('');
    if (c === 'screen-length disable') return reply('');
    if (c === 'system-view') {
      view = ['sys'];
      return out(m, `System View: return to User View with Ctrl+Z.\r\n${log}${prompt()}`);
    }
    if (c === 'return') {
      view = [];
      return reply('');
    }
    if (c === 'quit') {
      if (view.length === 0) return m.drop('logged out');
      view = view.slice(0, -1);
      return reply('');
    }
    if (c === 'save force') return reply('Validating file. Please wait...\r\nSaved the current configuration to mainboard device successfully.');
    if (c === 'save') {
      state = 'save1';
      return out(m, 'The current configuration will be written to the device. Are you sure? [Y/N]:');
    }
    if (c === 'reboot') {
      state = 'save1';
      return out(m, 'This command will reboot the device. Continue? [Y/N]:');
    }
    if (c === 'display long') {
      const lines = Array.from({ length: o.longLines ?? 60 }, (_, i) => ` line ${i + 1} of the long display`);
      pending = lines;
      pendingPrompt = log;
      return page(m);
    }
    const d = o.displays?.[c];
    if (d !== undefined) return reply(d.replace(/\n/g, '\r\n'));
    if (view.length >= 1 && /^(interface \S+|remote-backup group)$/.test(c)) {
      view = ['sys', c.startsWith('interface') ? c.slice(10) : 'remote-backup-group'];
      return reply('');
    }
    if (view.length >= 1 && /^(ip address|description|undo |device-role|local-ip|remote-ip|keepalive|sysname|vrrp|hot-backup|configuration|local-user|password)/.test(c)) {
      if (c.startsWith('sysname ')) return reply('');
      return reply('');
    }
    const pad = ' '.repeat(prompt().length + Math.max(0, c.indexOf(' ') + 1));
    return reply(`${pad}^\r\n % Unrecognized command found at '^' position.`);
  };

  const page = (m: MockTransport) => {
    const chunk = pending.splice(0, 24);
    if (pending.length) {
      state = 'paging';
      return out(m, chunk.join('\r\n') + '\r\n  ---- More ----');
    }
    state = 'shell';
    return out(m, chunk.join('\r\n') + `\r\n${pendingPrompt}${prompt()}`);
  };

  const loginLine = (m: MockTransport, line: string) => {
    const a = o.auth!;
    if (state === 'idle') {
      state = 'user';
      return out(m, '\r\nlogin: ');
    }
    if (state === 'user') {
      if (line === '') return out(m, '\r\nlogin: ');
      state = 'password';
      return out(m, `${line}\r\nPassword: `);
    }
    if (state === 'password') {
      if (line !== a.password) {
        failures++;
        if (a.lockAfter && failures >= a.lockAfter) return out(m, '\r\nThe user is locked. Try again later.\r\n');
        state = 'user';
        return out(m, '\r\nAuthentication failed.\r\nlogin: ');
      }
      if (a.firstLoginNewPassword) {
        state = 'old';
        return out(m, '\r\nFirst login or password reset. For security reason, you need to change your password. Please enter your password.\r\nold password: ');
      }
      if (o.afterLogin) {
        state = 'question';
        return out(m, `\r\n${o.afterLogin}`);
      }
      state = 'shell';
      return out(m, `\r\n\r\n${prompt()}`);
    }
    if (state === 'question') {
      answers.push(line);
      state = 'shell';
      return out(m, `\r\n\r\n${prompt()}`);
    }
    if (state === 'old') {
      state = 'new';
      return out(m, '\r\nnew password: ');
    }
    if (state === 'new') {
      state = 'confirm';
      a.password = line;
      return out(m, '\r\nconfirm: ');
    }
    if (state === 'confirm') {
      state = 'shell';
      return out(m, `\r\nUpdating user information. Please wait ...\r\n\r\n${prompt()}`);
    }
  };

  return {
    answers,
    // an idle console printed its banner long ago and shows nothing until Enter; an SSH shell greets
    greeting: o.auth ? (o.banner ? `${o.banner}\r\nLine aux0 is available.\r\n\r\n\r\nPress ENTER to get started.` : '') : `\r\n${o.banner ?? ''}\r\n<${sysname}>`,
    onWrite(text: string, m: MockTransport) {
      for (const ch of text) {
        if (state === 'paging') {
          // Comware erases the marker with cursor moves, then prints the next page on that line
          out(m, '\x1b[16D                \x1b[16D');
          page(m);
          continue;
        }
        if (ch !== '\r') {
          input += ch;
          if (state !== 'password' && state !== 'old' && state !== 'new' && state !== 'confirm') out(m, ch);
          continue;
        }
        const line = input;
        input = '';
        if (state === 'save1') {
          state = 'shell';
          out(m, '\r\n');
          if (line.toUpperCase() === 'Y') out(m, 'Saved the current configuration to mainboard device successfully.');
          out(m, `\r\n${prompt()}`);
          continue;
        }
        if (state !== 'shell') {
          loginLine(m, line);
          continue;
        }
        out(m, '\r\n');
        run(m, line);
      }
    },
  };
}
