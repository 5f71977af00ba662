import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main';

/**
 * Every command that connects to devices takes the same credential and host-key flags, so a
 * script written for `discover` works unchanged for `pair`, `monitor` or `bundle apply`; the
 * pair-based ones also take `--a/--b`, so a pair reached with them (the lab) can be commissioned,
 * operated, monitored and recovered alike. Each states the one precedence rule in its --help.
 */
const SINGLE_URL = [['connect'], ['discover']];
const PAIR_BASED = [['pair'], ['op'], ['bundle', 'apply'], ['monitor'], ['recover']];
const SHARED = ['--user', '--password-env', '--new-password-env', '--identity', '--passphrase-env', '--accept-new-host-key', '--known-hosts'];

function find(program: Command, path: string[]): Command | undefined {
  let cmd: Command | undefined = program;
  for (const name of path) cmd = cmd?.commands.find((c) => c.name() === name);
  return cmd;
}

function helpOf(cmd: Command): string {
  let text = '';
  cmd.configureOutput({ writeOut: (s) => (text += s), writeErr: (s) => (text += s) });
  cmd.outputHelp();
  return text;
}

describe('connection flags', () => {
  it('are the same on every device-facing command, and no command takes a password as a value', async () => {
    const program = await buildProgram();
    for (const path of [...SINGLE_URL, ...PAIR_BASED]) {
      const cmd = find(program, path);
      expect(cmd, path.join(' ')).toBeDefined();
      const longs = cmd!.options.map((o) => o.long);
      expect(longs, path.join(' ')).toEqual(expect.arrayContaining(SHARED));
      // a password on the command line lands in shell history and `ps`
      expect(longs.filter((l) => /^--(password|passphrase)$/.test(l ?? '')), path.join(' ')).toEqual([]);
    }
  });

  it('pair-based commands, monitor included, take --a/--b to replace the devices\' URLs', async () => {
    const program = await buildProgram();
    for (const path of PAIR_BASED) {
      const longs = find(program, path)!.options.map((o) => o.long);
      expect(longs, path.join(' ')).toEqual(expect.arrayContaining(['--a', '--b']));
    }
    // a single URL is the argument: --a/--b would mean nothing there
    for (const path of SINGLE_URL) expect(find(program, path)!.options.map((o) => o.long), path.join(' ')).not.toContain('--a');
  });

  it('state the one precedence rule in each command\'s --help', async () => {
    const program = await buildProgram();
    for (const path of [...SINGLE_URL, ...PAIR_BASED]) {
      const help = helpOf(find(program, path)!);
      expect(help, path.join(' ')).toMatch(/command-line flag > .*prompt/);
      expect(help, path.join(' ')).toContain('password      --password-env >');
    }
    for (const path of PAIR_BASED) {
      const help = helpOf(find(program, path)!);
      expect(help, path.join(' ')).toMatch(/command-line flag > the (pair file|journal|bundle)'s per-device setting > prompt/);
      expect(help, path.join(' ')).toContain('connect URL   --a/--b >');
      if (path[0] !== 'recover') expect(help, path.join(' ')).toContain('SSH key       --identity > devices.<a|b>.identityFile');
    }
  });
});
