import { describe, expect, it } from 'vitest';
import type { TerminalOptions } from '../../../src/lab/device/terminal';
import { device, loggedIn } from '../device/helpers';

/**
 * What a probe does on a real device: type a configuration line and ` ?`, read the help until the
 * prompt comes back with the typed line, then erase that line with one Backspace per character.
 * The line must never run, on SSH and on the serial console alike.
 */
const KINDS: [string, TerminalOptions][] = [
  ['SSH', { kind: 'ssh', username: 'admin' }],
  ['console', { kind: 'console' }],
];
const PROMPT = '[FW1-GigabitEthernet1/0/1]';

function inInterface(o: TerminalOptions) {
  const d = device();
  const x = loggedIn(d, o);
  x.line('system-view');
  x.line('interface GigabitEthernet1/0/1');
  const events: string[][] = [];
  d.on((e) => void (e.kind === 'config' && events.push(e.lines)));
  x.clear();
  return { d, x, events };
}

describe.each(KINDS)('? then Backspace over %s', (_name, o) => {
  it('redisplays the prompt with the typed line after the help, and erasing it runs nothing', () => {
    const { d, x, events } = inInterface(o);
    const before = d.currentConfig();
    const line = 'description uplink to the core switch';
    x.type(`${line} ?`);
    expect(x.raw()).toBe(`${line} ?\r\n  <cr>\r\n\r\n${PROMPT}${line} `);
    x.clear();
    // The space before `?` is input too; the probe erases it with the rest, here half with BS, half with DEL.
    const n = line.length + 1;
    x.type('\x08'.repeat(Math.floor(n / 2)) + '\x7f'.repeat(Math.ceil(n / 2)));
    expect(x.raw()).toBe('\b \b'.repeat(n));
    x.clear();
    x.type('\r');
    expect(x.raw()).toBe(`\r\n${PROMPT}`);
    expect(events).toEqual([]);
    expect(d.currentConfig()).toEqual(before);
  });

  it('shows the caret under the wrong keyword of the echoed line, then the typed line again', () => {
    const { x } = inInterface(o);
    const line = 'vrrp vrid 1 virtul-ip 10.1.1.3 ';
    x.type(`${line}?`);
    const screen = x.screen().split('\n');
    expect(screen[0]).toBe(`${line}?`);
    // The prompt was printed before the typed line: the caret counts it.
    expect(screen[1]).toBe(`${' '.repeat(PROMPT.length + line.indexOf('virtul-ip'))}^`);
    expect(screen[2]).toBe(" % Unrecognized command found at '^' position.");
    expect(screen.slice(3)).toEqual(['', `${PROMPT}${line}`]);
  });

  it('a Backspace on an empty line erases nothing', () => {
    const { x } = inInterface(o);
    x.type('\x08\x7f');
    expect(x.raw()).toBe('');
  });
});
