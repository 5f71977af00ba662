/** The lab device's flash: `save` writes startup.cfg as Comware does, `display startup` names it. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStartup } from '../../../src/core/parse/startup';
import { CliSession } from '../../../src/lab/cli/engine';
import { device } from './helpers';

const run = (cli: CliSession, command: string) => (cli.execute(command).lines ?? []).join('\n');

describe('lab flash', () => {
  it('display startup says NULL before the first save and flash:/startup.cfg after it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hp-flash-'));
    const d = device({ flashDir: dir });
    const cli = new CliSession(d);
    expect(parseStartup(run(cli, 'display startup'))).toEqual({ value: {}, warnings: [] });
    run(cli, 'save force');
    expect(parseStartup(run(cli, 'display startup'))).toEqual({ value: { current: 'flash:/startup.cfg', nextMain: 'flash:/startup.cfg' }, warnings: [] });
  });

  it('save writes the saved configuration with CRLF line ends; the displayed text has the same lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hp-flash-'));
    const d = device({ flashDir: dir });
    const cli = new CliSession(d);
    run(cli, 'system-view');
    run(cli, 'sysname FW1-saved');
    run(cli, 'return');
    run(cli, 'save force');
    const file = readFileSync(join(dir, 'startup.cfg'), 'utf8');
    expect(file).toContain('\r\n sysname FW1-saved\r\n');
    expect(file.endsWith('return\r\n')).toBe(true);
    expect(file.replace(/\r\n/g, '\n')).toBe(`${run(cli, 'display saved-configuration')}\n`);
    // a change not saved leaves the file alone
    run(cli, 'system-view');
    run(cli, 'sysname FW1-unsaved');
    expect(readFileSync(join(dir, 'startup.cfg'), 'utf8')).toBe(file);
  });
});
