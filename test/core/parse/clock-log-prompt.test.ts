import { describe, expect, it } from 'vitest';
import { parseClock } from '../../../src/core/parse/clock';
import { parseLogLine } from '../../../src/core/parse/log-line';
import { parsePrompt } from '../../../src/core/parse/prompt';
import { fixture } from './fixtures';

describe('parseClock', () => {
  it('turns the clock line and time zone into ISO-8601 with the offset', () => {
    expect(parseClock(fixture('clock-utc.txt'))).toEqual({ value: { iso: '2026-11-25T14:00:05.123Z', zone: 'UTC', offsetMinutes: 0 }, warnings: [] });
    expect(parseClock(fixture('clock-zone.txt')).value).toEqual({ iso: '2015-03-16T15:10:00+05:00', zone: 'Z5', offsetMinutes: 300 });
    expect(parseClock(fixture('clock-minus.txt')).value.iso).toBe('2026-11-25T06:10:00-08:00');
  });

  it('keeps local time and says so when the offset is unknown', () => {
    const { value, warnings } = parseClock('10:01:16 beijing Mon 01/07/2013');
    expect(value.iso).toBe('2013-01-07T10:01:16');
    expect(warnings).toEqual(['display clock: offset of time zone "beijing" unknown; time is local']);
    expect(parseClock('25:61:00 UTC Mon 13/45/2013').warnings[0]).toMatch(/impossible date/);
    expect(parseClock('').warnings).toEqual(['display clock: no time line']);
  });
});

describe('parseLogLine', () => {
  const lines = fixture('logs.txt').trimEnd().split('\n');

  it('reads console/log-buffer lines with Comware and ISO stamps', () => {
    expect(parseLogLine(lines[0] ?? '')).toEqual({
      value: {
        time: '2026-11-25T14:00:00.123',
        stamp: 'Nov 25 14:00:00:123 2026',
        host: 'FW1',
        module: 'RBM',
        severity: 6,
        mnemonic: 'RBM_CHANNEL',
        text: 'Local IP=10.2.1.1, remote IP=10.2.1.2, status=Connected.',
        marker: '%',
      },
      warnings: [],
    });
    expect(parseLogLine(lines[1] ?? '').value).toMatchObject({ time: '2026-11-05T09:03:07', host: 'FW-2', module: 'VRRP4', mnemonic: 'VRRP_STATUS_CHANGE' });
    expect(parseLogLine(lines[1] ?? '').value?.text).toMatch(/changed from Backup to Master: Timer expired\.$/);
    expect(parseLogLine(lines[2] ?? '').value).toMatchObject({ time: '2026-11-25T14:00:00.500', severity: 4, mnemonic: 'RBM_CFG_COMPARE_RESULT' });
    expect(parseLogLine(lines[3] ?? '').value).toMatchObject({ time: '2026-11-25T14:00:00.123+08:00', module: 'SHELL', severity: 5 });
    expect(parseLogLine(lines[7] ?? '').value).toMatchObject({ marker: '*', severity: 7, text: 'keepalive sent' });
  });

  it('reads RFC 3164 and RFC 5424 envelopes, the loghost %%10 form and a relayed console line', () => {
    expect(parseLogLine(lines[4] ?? '').value).toEqual({
      time: '2026-11-25T14:00:00',
      stamp: 'Nov 25 14:00:00 2026',
      host: 'FW1',
      module: 'RBM',
      severity: 6,
      mnemonic: 'RBM_CHANNEL',
      text: 'Local IP=10.2.1.1, remote IP=10.2.1.2, status=Disconnected.',
      facility: 23,
    });
    expect(parseLogLine(lines[5] ?? '').value).toMatchObject({ time: '2026-11-25T14:00:00.123Z', host: 'FW1', module: 'SHELL', mnemonic: 'SHELL_CMD', facility: 23 });
    expect(parseLogLine(lines[5] ?? '').value?.text).toBe('-Line=vty0-IPAddr=10.0.0.5-User=admin; Command is display version');
    expect(parseLogLine(lines[6] ?? '').value).toMatchObject({ host: 'FW1', time: '2026-11-25T14:00:00.123', text: 'status=Connected' });
    // The lab's loghost form pads a one-digit day with a space, as RFC 3164 does.
    expect(parseLogLine(lines[8] ?? '').value).toMatchObject({ time: '2026-11-05T09:00:00', host: 'FW2', severity: 4, facility: 23, text: expect.stringMatching(/status=Disconnected\.$/) });
  });

  it('completes a stamp without a year from the option, else warns', () => {
    const line = '<190>Nov 25 14:00:00 FW1 %%10RBM/6/RBM_CHANNEL(l): up';
    expect(parseLogLine(line, { year: 2026 }).value?.time).toBe('2026-11-25T14:00:00');
    const r = parseLogLine(line);
    expect(r.value?.time).toBeUndefined();
    expect(r.warnings).toEqual(['log stamp "Nov 25 14:00:00" has no year']);
  });

  it('rejects lines that are not logs', () => {
    for (const bad of ['', 'display version', '<FW1>', 'Nov 25 14:00:00 2026 FW1 not a log', '<999>Nov 25 14:00:00 2026 FW1 RBM/6/X: y']) {
      const r = parseLogLine(bad);
      expect(r.value, bad).toBeUndefined();
      expect(r.warnings[0]).toMatch(/^not a Comware log line/);
    }
  });
});

describe('parsePrompt', () => {
  it('reads the RBM prefix and the view', () => {
    expect(parsePrompt('RBM_P<FW1>').value).toEqual({ prefix: 'RBM_P', view: 'user', sysname: 'FW1', subview: '', body: 'FW1' });
    expect(parsePrompt('output\r\nRBM_S[FW2]').value).toEqual({ prefix: 'RBM_S', view: 'system', sysname: 'FW2', subview: '', body: 'FW2' });
    expect(parsePrompt('<FW1>').value?.prefix).toBe('');
    expect(parsePrompt('\x00<FW1>').value?.sysname).toBe('FW1');
  });

  it('splits feature views, also for a sysname containing "-"', () => {
    expect(parsePrompt('RBM_P[FW-1-remote-backup-group]').value).toMatchObject({ view: 'subview', sysname: 'FW-1', subview: 'remote-backup-group' });
    expect(parsePrompt('[H3C-FW1-GigabitEthernet1/0/1]').value).toMatchObject({ sysname: 'H3C-FW1', subview: 'GigabitEthernet1/0/1' });
    expect(parsePrompt('[H3C-FW1]').value).toMatchObject({ view: 'system', sysname: 'H3C-FW1' });
    expect(parsePrompt('[A-B-vlan10]', 'A-B').value).toMatchObject({ view: 'subview', subview: 'vlan10' });
    expect(parsePrompt('[X-track-1]', 'FW1').warnings).toEqual(['prompt "X-track-1" does not start with sysname "FW1"']);
  });

  it('does not take a confirmation or a half prompt for a prompt', () => {
    expect(parsePrompt('Continue? [Y/N]').value).toBeUndefined();
    expect(parsePrompt('[Y/N]').value).toBeUndefined();
    expect(parsePrompt('<FW1]').value).toBeUndefined();
    expect(parsePrompt('').value).toBeUndefined();
  });
});
