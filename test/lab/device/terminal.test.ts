import { describe, expect, it } from 'vitest';
import { comware7 } from '../../../src/core/platforms/comware7';
import { fakeRuntime } from '../cli/helpers';
import { device, loggedIn, term } from './helpers';

const re = (s: string) => new RegExp(s, 'm');

describe('console login', () => {
  it('shows the banner, asks login and password without echoing the password', () => {
    const d = device();
    const x = term(d);
    expect(x.screen()).toContain('* Copyright (c) 2004-2026 New H3C Technologies Co., Ltd. All rights reserved.*');
    expect(x.screen()).toMatch(/\*\n\nLine aux0 is available\.\n\nPress ENTER to get started\.$/);
    expect(x.screen()).toMatch(re(comware7.login.pressEnter));
    x.line('');
    expect(x.screen()).toMatch(re(comware7.login.username));
    x.line('admin');
    expect(x.screen()).toMatch(re(comware7.login.password));
    x.line('admin');
    expect(x.screen()).toMatch(/login: admin\nPassword: \n<FW1>$/);
  });

  it('re-prompts after a wrong password and locks the user after three', () => {
    let now = 1_000_000;
    const d = device({ now: () => now, lockoutMs: 60_000 });
    const x = term(d);
    x.line('');
    x.line('admin');
    x.line('wrong');
    expect(x.screen()).toMatch(re(`${comware7.login.authFailed}[\\s\\S]*login: $`));
    x.line('admin');
    x.line('wrong');
    x.line('admin');
    x.line('wrong');
    expect(x.screen()).toMatch(re(comware7.login.lockedOut));
    x.line('admin');
    x.line('admin'); // right password, but locked
    expect(x.screen()).not.toMatch(/<FW1>$/);
    now += 61_000;
    x.line('admin');
    x.line('admin');
    expect(x.screen()).toMatch(/<FW1>$/);
  });

  it('forces the first-login password change with the §5.3 prompts', () => {
    const d = device({ users: [{ username: 'admin', password: 'admin', firstLoginChange: true }] });
    const x = term(d);
    for (const l of ['', 'admin', 'admin']) x.line(l);
    expect(x.screen()).toMatch(re(comware7.login.firstLogin));
    expect(x.screen()).toMatch(re(comware7.login.oldPassword));
    x.line('admin');
    expect(x.screen()).toMatch(re(comware7.login.newPassword));
    x.line('short');
    expect(x.screen()).toMatch(/at least 10 characters\.\nnew password: $/);
    x.line('Secret-Pass-42');
    expect(x.screen()).toMatch(re(comware7.login.confirmPassword));
    x.line('Secret-Pass-42');
    expect(x.screen()).toMatch(/Updating user information\. Please wait \.\.\.\n<FW1>$/);
    expect(d.authenticate('admin', 'Secret-Pass-42', 'terminal')).toBe('ok');
    expect(x.screen()).not.toContain('Secret-Pass-42');
  });

  it('returns to Press ENTER after quit in user view', () => {
    const x = loggedIn(device());
    x.line('quit');
    expect(x.screen()).toMatch(/^quit\n\n\*+\n[\s\S]*Press ENTER to get started\.$/);
    expect(x.screen()).not.toContain('<FW1>');
    expect(x.closed()).toBe(false);
  });
});

describe('SSH shell', () => {
  it('prints banner and prompt at once and closes on quit', () => {
    const d = device();
    const x = term(d, { kind: 'ssh', username: 'admin' });
    expect(x.screen()).toMatch(/\*{78}\n\n<FW1>$/);
    x.line('quit');
    expect(x.closed()).toBe(true);
  });
});

describe('SSH first login', () => {
  it('asks for the password change inside the shell before the prompt', () => {
    const d = device({ users: [{ username: 'admin', password: 'admin', firstLoginChange: true }] });
    const x = term(d, { kind: 'ssh', username: 'admin' });
    expect(x.screen()).toMatch(/First login or password reset\..*\nold password: $/);
    x.line('wrong');
    expect(x.screen()).toMatch(/The old password is incorrect\.\nold password: $/);
    x.line('admin');
    x.line('Another-Pass-1');
    x.line('Another-Pass-1');
    expect(x.screen()).toMatch(/Updating user information\. Please wait \.\.\.\n<FW1>$/);
    expect(d.mustChangePassword.has('admin')).toBe(false);
  });
});

describe('line editing', () => {
  it('echoes, handles backspace, and ends lines on CR, LF or CRLF', () => {
    const x = loggedIn(device(), { kind: 'ssh', username: 'admin' });
    x.type('dis clokk\x7f\x7fck\r\n');
    x.type('sys\n');
    x.type('quit\r');
    expect(x.raw()).toContain('dis clokk\b \b\b \bck\r\n');
    const s = x.screen();
    expect(s).toContain('UTC');
    expect(s).toMatch(/<FW1>sys\nSystem View: return to User View with Ctrl\+Z\.\n\[FW1\]quit\n<FW1>$/);
  });

  it('Ctrl+Z returns to user view from any view', () => {
    const x = loggedIn(device(), { kind: 'ssh', username: 'admin' });
    x.line('sys');
    x.line('remote-backup group');
    x.type('\x1a');
    expect(x.screen()).toMatch(/<FW1>$/);
  });

  it('stops taking characters at 511', () => {
    const x = loggedIn(device(), { kind: 'ssh', username: 'admin' });
    x.type('a'.repeat(600));
    expect(x.raw().length).toBe(511);
  });
});

describe('pager', () => {
  it('pages long output with ---- More ----: space, Enter and q', () => {
    const x = loggedIn(device(), { kind: 'ssh', username: 'admin' });
    x.line('display current-configuration');
    const first = x.raw();
    expect(first.endsWith('  ---- More ----')).toBe(true);
    expect(first.split('\r\n')).toHaveLength(1 + 24 + 1); // echo line, 24 lines, the marker
    x.type('\r');
    expect(x.raw().slice(first.length)).toMatch(/^\x08{16} {16}\x08{16}[^\r\n]*\r\n {2}---- More ----$/);
    x.type('q');
    expect(x.screen()).toMatch(/<FW1>$/);
    x.clear();
    x.line('screen-length disable');
    x.line('display current-configuration');
    expect(x.screen()).not.toContain('More');
    expect(x.screen()).toMatch(/return\n<FW1>$/);
  });

  it('space shows the rest and then the prompt', () => {
    const x = loggedIn(device(), { kind: 'ssh', username: 'admin' });
    x.line('display current-configuration');
    x.type(' ');
    expect(x.screen()).toMatch(/\nreturn\n<FW1>$/);
  });
});

describe('confirmations and save', () => {
  it('insists on Y or N', () => {
    const d = device();
    const x = loggedIn(d, { kind: 'ssh', username: 'admin' });
    x.line('save');
    x.line('');
    expect(x.screen()).toContain("Are you sure? [Y/N]:\nBefore pressing ENTER you must choose 'YES' or 'NO'[Y/N]:");
    x.line('y');
    x.line('');
    x.line('y');
    expect(x.screen()).toMatch(re(comware7.session.saveOk));
    expect(x.screen()).toMatch(/<FW1>$/);
  });

  it('save force asks nothing, prints the two save lines and saves', () => {
    const d = device();
    const x = loggedIn(d, { kind: 'ssh', username: 'admin' });
    x.line('system-view');
    x.line('sysname FW7');
    x.line('save force');
    expect(x.screen()).toMatch(/\[FW7\]save force\nValidating file\. Please wait\.\.\.\nSaved the current configuration to mainboard device successfully\.\n\[FW7\]$/);
    expect(x.screen()).not.toContain('[Y/N]');
    expect(d.saved.sysname).toBe('FW7');
  });

  it('Ctrl+C abandons the question', () => {
    const d = device();
    const x = loggedIn(d, { kind: 'ssh', username: 'admin' });
    x.line('save');
    x.type('\x03');
    expect(x.screen()).toMatch(/\[Y\/N\]:\^C\n<FW1>$/);
    x.line('y');
    expect(x.screen()).toMatch(/<FW1>y\n {5}\^\n % Unrecognized command found at '\^' position\.\n<FW1>$/);
  });

  it('answers the pack confirmations (the tool’s automatic answers lead to a save)', () => {
    const d = device();
    const x = loggedIn(d, { kind: 'ssh', username: 'admin' });
    x.line('system-view');
    x.line('sysname FW2');
    x.line('save');
    for (let i = 0; i < 3; i++) {
      const c = comware7.confirmations.find((k) => new RegExp(k.pattern).test(x.raw()));
      expect(c).toBeDefined();
      x.clear();
      x.line(c?.answer ?? '');
    }
    expect(x.screen()).toContain('Saved the current configuration to mainboard device successfully.');
    expect(d.saved.sysname).toBe('FW2');
  });
});

describe('asynchronous log lines', () => {
  it('reach the console (monitor on by default) and re-show prompt and typed text', () => {
    const d = device();
    const x = loggedIn(d);
    x.type('dis cl');
    d.log('RBM', 6, 'RBM_CHANNEL', 'Local IP=10.2.1.1, remote IP=10.2.1.2, status=Connected');
    expect(x.screen()).toMatch(/^dis cl\n%\w{3} \d\d [\d:]+ \d{4} FW1 RBM\/6\/RBM_CHANNEL: Local IP=10\.2\.1\.1, remote IP=10\.2\.1\.2, status=Connected\n<FW1>dis cl$/);
    expect(x.screen().split('\n')[1]).toMatch(new RegExp(comware7.session.logLine));
  });

  it('stay off SSH unless terminal monitor', () => {
    const d = device();
    const x = loggedIn(d, { kind: 'ssh', username: 'admin' });
    d.log('RBM', 6, 'RBM_CHANNEL', 'one');
    expect(x.screen()).not.toContain('one');
    x.line('terminal monitor');
    d.log('RBM', 6, 'RBM_CHANNEL', 'two');
    expect(x.screen()).toContain('RBM/6/RBM_CHANNEL: two');
    x.line('undo terminal monitor');
    d.log('RBM', 6, 'RBM_CHANNEL', 'three');
    expect(x.screen()).not.toContain('three');
  });
});

describe('power', () => {
  it('closes sessions on power-off; a new console shows the banner after power-on', () => {
    const d = device();
    const ssh = loggedIn(d, { kind: 'ssh', username: 'admin' });
    d.powerOff();
    expect(ssh.closed()).toBe(true);
    const con = term(d);
    expect(con.raw()).toBe('');
    d.powerOn();
    expect(con.screen()).toMatch(/Press ENTER to get started\.$/);
  });
});

describe('reboot from the CLI', () => {
  it('offers to save unsaved changes, asks to continue, then the device cycles and reverts', async () => {
    const d = device();
    const x = loggedIn(d, { kind: 'ssh', username: 'admin' });
    x.line('system-view');
    x.line('sysname Unsaved');
    x.line('return');
    x.line('reboot');
    expect(x.screen()).toMatch(/save current configuration\? \[Y\/N\]:$/);
    x.line('n');
    expect(x.screen()).toMatch(/This command will reboot the device\. Continue\? \[Y\/N\]:$/);
    x.line('y');
    expect(x.screen()).toMatch(/Now rebooting, please wait\.\.\.\n$/);
    await Promise.resolve();
    expect(x.closed()).toBe(true);
    expect(d.powered()).toBe(true);
    expect(d.sysname()).toBe('FW1');
    expect(d.rebootReason).toBe('User reboot');
  });

  it('N at the last question keeps the device up', () => {
    const d = device();
    const x = loggedIn(d, { kind: 'ssh', username: 'admin' });
    x.line('reboot');
    x.line('n');
    expect(x.screen()).toMatch(/Continue\? \[Y\/N\]:n\n<FW1>$/);
    expect(x.closed()).toBe(false);
  });
});

describe('interactive save variants', () => {
  it('N at the first question saves nothing; another file name skips the overwrite question', () => {
    const d = device();
    const x = loggedIn(d, { kind: 'ssh', username: 'admin' });
    x.line('system-view');
    x.line('sysname Changed');
    x.line('save');
    x.line('n');
    expect(d.saved.sysname).toBe('FW1');
    x.clear();
    x.line('save');
    x.line('y');
    x.line('backup.cfg');
    expect(x.screen()).not.toContain('overwrite');
    expect(x.screen()).toContain('Saved the current configuration to mainboard device successfully.');
    expect(d.saved.sysname).toBe('Changed');
  });
});

describe('Tab completion', () => {
  it('completes a unique keyword and leaves an ambiguous one alone', () => {
    const x = loggedIn(device(), { kind: 'ssh', username: 'admin' });
    x.type('sys\t');
    expect(x.screen()).toBe('system-view');
    x.type('\x03');
    x.clear();
    x.type('s\t');
    expect(x.screen()).toBe('s'); // save, screen-length, system-view
  });
});

describe('? help', () => {
  it('lists completions of a partial word and what may follow, then restores the line', () => {
    const x = loggedIn(device(), { kind: 'ssh', username: 'admin' });
    x.line('system-view');
    x.line('remote-backup group');
    x.clear();
    x.type('keepalive ?');
    expect(x.screen()).toBe('keepalive ?\n  count     Keepalive count\n  interval  Specify an interval\n\n[FW1-remote-backup-group]keepalive ');
    x.clear();
    x.type('count ?');
    expect(x.screen()).toContain('  INTEGER<3-20>  Missed keepalives before the peer is down\n');
    x.clear();
    x.type('\x03hot-backup enable ?');
    expect(x.screen()).toContain('  <cr>\n');
    x.clear();
    x.type('\x03sw?');
    expect(x.screen()).toContain('  switchback\n  switchover\n');
  });
});

describe('log lines raised by a command', () => {
  it('come after the command output, before the prompt, without an extra prompt', () => {
    const d = device();
    d.applyConfig(['remote-backup group']);
    d.attachRbm(
      fakeRuntime({
        switchover: () => {
          d.log('RBM', 6, 'RBM_SWITCHOVER', 'Manual switchover.');
          return { ok: true, message: 'Switchover started.' };
        },
      }),
    );
    const x = loggedIn(d);
    x.line('system-view');
    x.line('remote-backup group');
    x.clear();
    x.line('switchover request');
    expect(x.screen()).toMatch(/^switchover request\nSwitchover started\.\n%.*RBM\/6\/RBM_SWITCHOVER: Manual switchover\.\nRBM_P\[FW1-remote-backup-group\]$/);
  });
});
