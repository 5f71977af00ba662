import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Pair, type PairInput } from '../../../src/core/model/pair';
import { parseCurrentConfig } from '../../../src/core/parse/current-config';
import { comware7 } from '../../../src/core/platforms/comware7';
import { planChanges, renderDevice, scriptText, undoLines, type RenderedScript } from '../../../src/core/render/index';
import { EXAMPLE_INPUTS, EXAMPLES } from './examples';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/running-config', name), 'utf8');
const asVrrpA = renderDevice(EXAMPLES['as-vrrp'] as Pair, comware7, 'a');
const plan = (desired: RenderedScript, running: string) => planChanges(desired, parseCurrentConfig(running), comware7);
const texts = (p: { add: { text: string }[] }) => p.add.map((l) => l.text);

/**
 * What `display current-configuration` would print after the script ran: sections per view,
 * lines indented, and the values a device does not print because they are its defaults left out.
 */
function runningAfter(script: RenderedScript): string {
  const DEFAULTS = new Set(['keepalive interval 1', 'keepalive count 10', 'delay-time 60', 'configuration sync-check interval 1']);
  const views = new Map<string, string[]>();
  const top: string[] = [];
  for (const l of script.lines) {
    if (l.kind === 'frame' || l.kind === 'exit' || DEFAULTS.has(l.text) || /^undo /.test(l.text)) continue;
    if (l.kind === 'enter') views.set(l.text, views.get(l.text) ?? []);
    else if (l.context !== undefined) views.get(l.context)?.push(` ${l.text}`);
    else top.push(` ${l.text}`);
  }
  const out = ['#', ' sysname X'];
  for (const [h, body] of views) out.push('#', h, ...body);
  for (const t of top) out.push('#', t);
  return [...out, '#', 'return', ''].join('\n');
}

describe('planChanges (plan against the running configuration)', () => {
  it('already configured (device style: defaults not printed, other config around) → empty plan', () => {
    const p = plan(asVrrpA, fixture('as-vrrp.a.configured.txt'));
    expect(p.add).toEqual([]);
    expect(p.remove).toEqual([]);
    expect(p.unchanged).toBe(asVrrpA.lines.filter((l) => l.kind === 'command').length);
  });

  it('for every example and device, the configuration the script leaves behind plans nothing', () => {
    for (const pair of Object.values(EXAMPLES)) {
      for (const k of ['a', 'b'] as const) {
        const s = renderDevice(pair, comware7, k);
        const p = plan(s, runningAfter(s));
        expect({ name: pair.name, k, add: texts(p), remove: p.remove }).toEqual({ name: pair.name, k, add: [], remove: [] });
      }
    }
  });

  it('one changed keepalive → that line plus navigation, no undo (the new value replaces the old)', () => {
    const running = fixture('as-vrrp.a.configured.txt').replace(' local-ip 10.2.1.1\n', ' local-ip 10.2.1.1\n keepalive interval 3\n');
    const p = plan(asVrrpA, running);
    expect(texts(p)).toEqual(['remote-backup group', 'keepalive interval 1', 'quit']);
    expect(p.add.map((l) => l.stage)).toEqual(['channel', 'channel', 'channel']);
    expect(p.remove).toEqual([]);
  });

  it('a changed role and local IP are typed again without an undo', () => {
    const running = fixture('as-vrrp.a.configured.txt').replace(' device-role primary\n', ' device-role auto\n').replace(' local-ip 10.2.1.1\n', ' local-ip 10.2.1.9\n');
    const p = plan(asVrrpA, running);
    expect(texts(p)).toEqual(['remote-backup group', 'device-role primary', 'local-ip 10.2.1.1', 'quit']);
    expect(p.remove).toEqual([]);
  });

  it('a factory device gets the whole script (without the frame), creating the RBM view', () => {
    const p = plan(asVrrpA, fixture('factory.a.txt'));
    const whole = asVrrpA.lines.filter((l) => l.kind !== 'frame');
    expect(texts(p)).toEqual(whole.map((l) => l.text));
    expect(p.unchanged).toBe(0);
    // Undoing what the plan adds removes the RBM view it created.
    expect(scriptText(undoLines(p.add, comware7))).toContain('undo remote-backup group');
  });

  it('entering an RBM view that already exists does not plan to remove it on rollback', () => {
    const running = fixture('as-vrrp.a.configured.txt').replace(' switchback enable\n', '');
    const p = plan(asVrrpA, running);
    expect(texts(p)).toEqual(['remote-backup group', 'switchback enable', 'quit']);
    expect(scriptText(undoLines(p.add, comware7))).toEqual(['remote-backup group', 'undo switchback enable', 'quit']);
  });

  it('the RBM view is managed whole: settings the pair file does not ask for are undone', () => {
    const running = fixture('as-vrrp.a.configured.txt').replace(' hot-backup enable\n', ' backup-mode dual-active\n track 5\n hot-backup enable\n hot-backup dns enable\n');
    const p = plan(asVrrpA, running);
    expect(p.add).toEqual([]);
    expect(p.remove).toEqual(['remote-backup group', 'undo backup-mode', 'undo track 5', 'undo hot-backup dns enable', 'quit']);
  });

  it('a VRRP group with another virtual IP is undone first; other interface settings are left alone', () => {
    const running = fixture('as-vrrp.a.configured.txt').replace(' vrrp vrid 1 virtual-ip 10.1.1.3 active\n', ' vrrp vrid 1 virtual-ip 10.1.1.9 active\n vrrp vrid 7 virtual-ip 10.1.1.7\n ipv6 address 2001:db8::1/64\n');
    const p = plan(asVrrpA, running);
    expect(p.remove).toEqual(['interface GigabitEthernet1/0/1', 'undo vrrp vrid 1 virtual-ip 10.1.1.9', 'quit']);
    expect(texts(p)).toEqual(['interface GigabitEthernet1/0/1', 'vrrp vrid 1 virtual-ip 10.1.1.3 active', 'quit']);
  });

  it('a changed interface address is typed again without an undo', () => {
    const running = fixture('as-vrrp.a.configured.txt').replace(' ip address 10.3.1.1 255.255.255.0\n', ' ip address 10.3.9.1 255.255.255.0\n');
    const p = plan(asVrrpA, running);
    expect(texts(p)).toEqual(['interface GigabitEthernet1/0/2', 'ip address 10.3.1.1 255.255.255.0', 'quit']);
    expect(p.add[1]?.stage).toBe('local');
    expect(p.remove).toEqual([]);
  });

  it('a track entry bound to another interface is undone before it is created again', () => {
    const s = renderDevice(EXAMPLES['as-floating-ip'] as Pair, comware7, 'a');
    const running = runningAfter(s).replace('track 10 interface GigabitEthernet1/0/1', 'track 10 interface GigabitEthernet1/0/9');
    const p = plan(s, running);
    expect(p.remove).toEqual(['undo track 10']);
    expect(texts(p)).toEqual(['track 10 interface GigabitEthernet1/0/1', 'quit']);
  });

  it('compares IPv6 addresses as addresses (devices print upper case)', () => {
    const s = renderDevice(EXAMPLES['as-ospf-cost'] as Pair, comware7, 'a');
    const running = runningAfter(s).replace(/2001:db8:2::/g, '2001:DB8:2:0::');
    expect(running).toContain('2001:DB8:2:0::1/64');
    const p = plan(s, running);
    expect(p.add).toEqual([]);
  });

  it('reads a weekday written in full as the same day', () => {
    const s = renderDevice(EXAMPLES['mirror-track'] as Pair, comware7, 'a');
    const running = runningAfter(s);
    expect(running).toContain('weekly sun 03:00');
    expect(plan(s, running.replace('weekly sun 03:00', 'weekly Sunday 03:00')).add).toEqual([]);
    expect(texts(plan(s, running.replace('weekly sun 03:00', 'weekly mon 03:00')))).toEqual(['remote-backup group', 'configuration sync-check weekly sun 03:00', 'quit']);
  });

  it('a switched-off feature (`undo …`) holds while the running view does not switch it on', () => {
    const s = renderDevice(EXAMPLES['as-ospf-cost'] as Pair, comware7, 'a');
    expect(scriptText(s)).toContain('undo hot-backup enable');
    const off = runningAfter(s);
    expect(plan(s, off).add).toEqual([]);
    const on = off.replace('remote-backup group\n', 'remote-backup group\n hot-backup enable\n');
    const p = plan(s, on);
    expect(texts(p)).toEqual(['remote-backup group', 'undo hot-backup enable', 'quit']);
    expect(p.remove).toEqual([]);
  });

  it('a changed family of the control channel undoes the old local/remote IP', () => {
    const input = structuredClone(EXAMPLE_INPUTS['as-vrrp'] as PairInput);
    const v4 = runningAfter(renderDevice(Pair.parse(input), comware7, 'a'));
    input.devices.a.controlChannel = { localIp: '2001:db8:9::1' };
    input.devices.b.controlChannel = { localIp: '2001:db8:9::2' };
    const p = plan(renderDevice(Pair.parse(input), comware7, 'a'), v4);
    expect(p.remove).toEqual(['remote-backup group', 'undo local-ip', 'undo remote-ip', 'quit']);
    expect(texts(p)).toEqual(['remote-backup group', 'local-ipv6 2001:db8:9::1', 'remote-ipv6 2001:db8:9::2 port 60064', 'quit']);
  });
});
