import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main';

/**
 * Issue 4: every command that connects to devices takes the same credential and host-key flags,
 * so a script written for `discover` works unchanged for `pair`, `monitor` or `bundle apply`.
 */
const DEVICE_COMMANDS = [['connect'], ['discover'], ['pair'], ['op'], ['bundle', 'apply'], ['monitor'], ['recover']];
const SHARED = ['--user', '--password-env', '--new-password-env', '--identity', '--passphrase-env', '--accept-new-host-key', '--known-hosts'];

function find(program: Command, path: string[]): Command | undefined {
  let cmd: Command | undefined = program;
  for (const name of path) cmd = cmd?.commands.find((c) => c.name() === name);
  return cmd;
}

describe('connection flags', () => {
  it('are the same on every device-facing command, and no command takes a password as a value', async () => {
    const program = await buildProgram();
    for (const path of DEVICE_COMMANDS) {
      const cmd = find(program, path);
      expect(cmd, path.join(' ')).toBeDefined();
      const longs = cmd!.options.map((o) => o.long);
      expect(longs, path.join(' ')).toEqual(expect.arrayContaining(SHARED));
      // a password on the command line lands in shell history and `ps`
      expect(longs.filter((l) => /^--(password|passphrase)$/.test(l ?? '')), path.join(' ')).toEqual([]);
    }
  });
});
