import { LabDevice, type LabDeviceOptions } from '../../../src/lab/device/device';
import { openTerminal, type TerminalOptions } from '../../../src/lab/device/terminal';
import type { TerminalSession } from '../../../src/lab/device/seam';

export function device(o: Partial<LabDeviceOptions> = {}): LabDevice {
  return new LabDevice({ key: 'a', sysname: 'FW1', ...o });
}

/** A terminal with its whole output captured; `screen()` strips the pager's erase sequence. */
export function term(d: LabDevice, o: TerminalOptions = { kind: 'console' }) {
  const t: TerminalSession = openTerminal(d, o);
  let out = '';
  let closed = false;
  t.onOutput((s) => (out += s));
  t.onClose(() => (closed = true));
  return {
    t,
    raw: () => out,
    screen: () => out.replace(/\x08+ +\x08+/g, '').replace(/\r\n/g, '\n'),
    clear: () => void (out = ''),
    type: (s: string) => t.write(s),
    line: (s: string) => t.write(`${s}\r`),
    closed: () => closed,
  };
}

export function loggedIn(d: LabDevice, o: TerminalOptions = { kind: 'console' }) {
  const x = term(d, o);
  if (o.kind === 'console') {
    x.line('');
    x.line('admin');
    x.line('admin');
  }
  x.clear();
  return x;
}
