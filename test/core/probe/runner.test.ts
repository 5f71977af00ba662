import { describe, expect, it } from 'vitest';
import { summarizeJournal, type JournalRecord } from '../../../src/core/provision/journal';
import type { ProbeItem } from '../../../src/core/probe/lines';
import { probeDevice } from '../../../src/core/probe/runner';
import type { FakeHelpOptions } from './fake-help-cli';
import { helpCliSession } from './help-cli-session';

const GRAMMAR = {
  system: ['remote-backup group', 'interface INTERFACE'],
  rbm: ['device-role primary', 'device-role secondary', 'local-ip X.X.X.X', 'remote-ip X.X.X.X', 'remote-ip X.X.X.X port INTEGER<1024-65535>', 'keepalive interval INTEGER<1-10>', 'keepalive count INTEGER<3-20>', 'quit'],
  interface: ['ip address X.X.X.X X.X.X.X', 'description STRING<1-80>', 'quit'],
};

const connect = (o: Partial<FakeHelpOptions> = {}) => helpCliSession({ grammar: GRAMMAR, ...o });

const rbm = (line: string, kind: ProbeItem['kind'] = 'command'): ProbeItem => ({ line, view: 'remote-backup group', kind });

describe('probing one device', () => {
  it('confirms, names the failing word with what is offered, and removes the view it created', async () => {
    const { session, f } = await connect();
    const records: JournalRecord[] = [];
    const items: ProbeItem[] = [
      { line: 'remote-backup group', view: 'system', kind: 'enter', creates: 'undo remote-backup group' },
      rbm('device-role primary'),
      rbm('remote-ip 10.255.0.2 port 60064'),
      rbm('keepalive intervl 1'),
      rbm('keepalive interval 99'),
      rbm('keepalive count'),
      rbm('quit', 'exit'),
    ];
    const r = await probeDevice({ device: 'a', session, items, signal: new AbortController().signal, journal: { append: (x) => void records.push(x) } });
    expect(r.lines.map((l) => [l.line, l.status])).toEqual([
      ['remote-backup group', 'confirmed'],
      ['device-role primary', 'confirmed'],
      ['remote-ip 10.255.0.2 port 60064', 'confirmed'],
      ['keepalive intervl 1', 'unknown'],
      ['keepalive interval 99', 'unknown'],
      ['keepalive count', 'incomplete'],
      ['quit', 'confirmed'],
    ]);
    expect(r.lines[3]).toMatchObject({ position: 2, keyword: 'intervl', offered: ['count', 'interval'], view: 'remote-backup group' });
    expect(r.lines[4]).toMatchObject({ position: 3, keyword: '99', offered: ['INTEGER<1-10>'], reason: '99 does not fit INTEGER<1-10>' });
    expect(r.lines[5]).toMatchObject({ position: 3, offered: ['INTEGER<3-20>'] });
    // only navigation ran: the view was entered, left and removed; no probed line executed
    expect(f.executed.filter((c) => c !== 'screen-length disable')).toEqual(['system-view', 'remote-backup group', 'quit', 'undo remote-backup group', 'return']);
    expect([...f.running]).toEqual([]);
    expect(r.createdViews).toEqual(['remote-backup group']);
    expect(r.requests).toBe(7 + 2); // one more for each unknown line
    // the journal says the view was created and removed: nothing is left for a recovery
    expect(records.map((x) => `${x.type}:${'phase' in x ? x.phase : ''}`)).toEqual(['probe:view-begin', 'probe:view-done', 'probe:view-removed']);
    expect(summarizeJournal(JSON.stringify(records[0])).inFlight).toEqual([{ device: 'a', line: 'remote-backup group', undo: ['undo remote-backup group'] }]);
    const text = records.map((x) => JSON.stringify(x)).join('\n');
    expect(summarizeJournal(text).applied.a).toEqual([]);
    expect(summarizeJournal(records.slice(0, 2).map((x) => JSON.stringify(x)).join('\n')).applied.a).toEqual([{ line: 'remote-backup group', undo: ['undo remote-backup group'], stage: 'probe' }]);
    await session.close();
  });

  it('does not create a view the running configuration already has, and keeps it', async () => {
    const { session, f } = await connect({ running: ['remote-backup group'] });
    const items: ProbeItem[] = [{ line: 'remote-backup group', view: 'system', kind: 'enter' }, rbm('local-ip 10.255.0.1'), rbm('quit', 'exit')];
    const r = await probeDevice({ device: 'b', session, items, signal: new AbortController().signal });
    expect(r.lines.every((l) => l.status === 'confirmed')).toBe(true);
    expect(r.createdViews).toEqual([]);
    expect([...f.running]).toEqual(['remote-backup group']);
    await session.close();
  });

  it('does not ask the lines of a view the device would not enter', async () => {
    const { session, f } = await connect({ grammar: { ...GRAMMAR, system: ['interface INTERFACE'] } });
    const items: ProbeItem[] = [
      { line: 'remote-backup group', view: 'system', kind: 'enter', creates: 'undo remote-backup group' },
      rbm('local-ip 10.255.0.1'),
      rbm('quit', 'exit'),
      { line: 'interface GigabitEthernet1/0/1', view: 'system', kind: 'enter' },
      { line: 'description inside', view: 'interface GigabitEthernet1/0/1', kind: 'command' },
      { line: 'quit', view: 'interface GigabitEthernet1/0/1', kind: 'exit' },
    ];
    const r = await probeDevice({ device: 'a', session, items, signal: new AbortController().signal });
    expect(r.lines.map((l) => l.status)).toEqual(['unknown', 'unknown', 'unknown', 'confirmed', 'confirmed', 'confirmed']);
    expect(r.lines[0]).toMatchObject({ position: 1, keyword: 'remote-backup', offered: ['interface'] });
    expect(r.lines[1]!.message).toMatch(/^not asked: the device did not confirm "remote-backup group"/);
    expect(f.executed).not.toContain('remote-backup group');
    await session.close();
  });

  it('stops at an aborted signal', async () => {
    const { session } = await connect();
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(probeDevice({ device: 'a', session, items: [rbm('quit', 'exit')], signal: ctrl.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
