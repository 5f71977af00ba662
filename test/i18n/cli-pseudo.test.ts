import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runHistory } from '../../src/cli/commands/history';
import { formatLabTable } from '../../src/cli/commands/lab';
import { runPackDump } from '../../src/cli/commands/pack';
import { formatPorts } from '../../src/cli/commands/ports';
import { runRender } from '../../src/cli/commands/render';
import { parseKind, runDrillCli } from '../../src/cli/commands/drill';
import { runMonitor, type MonitorCliOptions } from '../../src/cli/commands/monitor';
import { runOpCli } from '../../src/cli/commands/op';
import { runPairCli } from '../../src/cli/commands/pair';
import { runRecover } from '../../src/cli/commands/recover';
import { precedenceHelp } from '../../src/cli/credentials';
import { parseLoghost, readValidPair } from '../../src/cli/pair-file';
import { translateCommanderError } from '../../src/cli/i18n';
import { buildProgram, main } from '../../src/cli/main';
import { PSEUDO_ENV, setCliLanguage } from '../../src/i18n/node/cli';

/**
 * The CLI in the pseudo-locale (every catalogue message wrapped in ［…］): whatever is left once
 * the bracketed text, the command line's own syntax (flags, <ARG>, [arg], command names) and the
 * data a command prints as it is (paths, names, fingerprints) are taken out must have no letters.
 * A string written into a command instead of the catalogue shows up here by its words.
 */
const ROOT = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'hotpair-cli-pseudo-'));
const saved = { pseudo: process.env[PSEUDO_ENV], data: process.env.HOTPAIR_DATA_DIR };

beforeAll(() => {
  process.env[PSEUDO_ENV] = '1';
  process.env.HOTPAIR_DATA_DIR = join(dir, 'data');
  setCliLanguage('pseudo');
});
afterAll(() => {
  for (const [k, v] of [[PSEUDO_ENV, saved.pseudo], ['HOTPAIR_DATA_DIR', saved.data]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  setCliLanguage('en');
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => vi.restoreAllMocks());

/** The words left outside the catalogue's brackets once `allowed` (syntax and data) is taken out. */
function bare(text: string, allowed: readonly (string | RegExp)[] = []): string[] {
  let s = text;
  // Messages nest (an error inside "hotpair: …"): innermost first.
  while (/［[^［］]*］/.test(s)) s = s.replace(/［[^［］]*］/g, ' ');
  for (const a of allowed) s = typeof a === 'string' ? s.split(a).join(' ') : s.replace(new RegExp(a.source, a.flags.includes('g') ? a.flags : `${a.flags}g`), ' ');
  return s.split(/\s+/).filter((w) => /[A-Za-z]/.test(w));
}

/** Every command and subcommand, with its full name ("bundle key trust"). */
function commands(c: Command, prefix: string[] = []): { name: string; cmd: Command }[] {
  return c.commands.flatMap((sub) => [{ name: [...prefix, sub.name()].join(' '), cmd: sub }, ...commands(sub, [...prefix, sub.name()])]);
}

// Help syntax: flags, placeholders, the program's and the commands' names.
const HELP_SYNTAX = [/(?<![\w])--?[A-Za-z][\w-]*/, /<[^>\s]+>/, /\[[^\]\s]+\]/, 'hotpair'];

function capture(): { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  return { out: () => out, err: () => err };
}

async function hotpair(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = capture();
  process.exitCode = undefined;
  const code = await main(['node', 'hotpair', '--lang', 'pseudo', ...args]);
  process.exitCode = undefined;
  vi.restoreAllMocks();
  return { code, out: io.out(), err: io.err() };
}

describe('pseudo-locale: no CLI English outside the catalogue', () => {
  it('every command\'s --help, commander\'s headings and built-in options included', async () => {
    const program = await buildProgram(['node', 'hotpair', '--lang', 'pseudo']);
    const all = commands(program);
    expect(all.length).toBeGreaterThan(25);
    const names = new Set(['help', ...all.flatMap(({ cmd }) => [cmd.name(), ...cmd.registeredArguments.map((a) => a.name())])]);
    const allowed = [...HELP_SYNTAX, ...[...names].map((n) => new RegExp(`(?<![\\w-])${n.replace(/[-]/g, '\\-')}(?![\\w-])`))];
    const found: Record<string, string[]> = {};
    for (const { name, cmd } of [{ name: 'hotpair', cmd: program }, ...all]) {
      const help = cmd.helpInformation();
      expect(help).toContain('［Usage:］');
      const words = bare(help, allowed);
      if (words.length) found[name] = words;
    }
    expect(found).toEqual({});
  });

  it('the connection flags\' precedence, for each source of device settings', () => {
    for (const source of [undefined, 'pair file', 'journal', 'bundle']) expect(bare(precedenceHelp(source), HELP_SYNTAX)).toEqual([]);
  });

  it('commander\'s parse errors', async () => {
    const r = await hotpair('render', '--frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toContain("［error: unknown option '--frobnicate'］");
    expect(bare(translateCommanderError("error: missing required argument 'file'\n(Did you mean render?)"), ['file', 'render'])).toEqual([]);
  });

  it('render and pack dump errors', () => {
    const errs: string[] = [];
    const err = (s: string) => void errs.push(s);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(join(ROOT, 'resources/examples/lab.yaml'), 'utf8').replace('localIp: 10.2.1.2', 'localIp: 10.2.1.1'));
    const missingPack = join(dir, 'nope.json');
    expect(runRender(bad, { device: 'c' }, () => undefined, err)).toBe(2);
    expect(runRender(bad, {}, () => undefined, err)).toBe(1);
    expect(runRender(bad, { pack: missingPack }, () => undefined, err)).toBe(2);
    expect(runPackDump({ pack: missingPack }, () => undefined, err)).toBe(2);
    // The rule's id and path, the file's name and the value it quotes are data.
    expect(bare(errs.join(''), [bad, dir, 'channel.local-ne-peer', 'devices.b.controlChannel.localIp', /\d+(\.\d+){3}/, '"c"'])).toEqual([]);
  });

  it('the unverified-syntax note after a rendered script, and the script\'s headers (device text stays as typed)', () => {
    let out = '';
    let err = '';
    expect(runRender(join(ROOT, 'resources/examples/lab.yaml'), {}, (s) => (out += s), (s) => (err += s))).toBe(0);
    const headers = out.split('\n').filter((l) => l.includes(' ---- '));
    expect(headers).toHaveLength(2);
    expect(bare(headers.join('\n'), ['FW1', 'FW2', '#'])).toEqual([]);
    // The listed lines are device commands: only the note's own words are checked.
    expect(bare(err.split('\n').filter((l) => !/^ {2}[ab]:\d+ /.test(l)).join('\n'), ['`?`', /`[^`]+`/])).toEqual([]);
  });

  it('history: its refusals and its empty answer', () => {
    const errs: string[] = [];
    const io = { out: (s: string) => void errs.push(s), err: (s: string) => void errs.push(s), tty: false };
    const db = join(dir, 'none.sqlite');
    expect(runHistory('lab', { since: '24h', json: true, csv: true }, io)).toBe(2);
    expect(runHistory('lab', { since: 'soon' }, io)).toBe(2);
    expect(runHistory('lab', { since: '24h', kind: 'bogus' }, io)).toBe(2);
    expect(runHistory('lab', { since: '24h', db }, io)).toBe(2);
    const kinds = /[a-z]+(-[a-z]+)*(, [a-z]+(-[a-z]+)*)+/;
    expect(bare(errs.join(''), ['"soon"', 'bogus', db, kinds, 'hotpair history', 'hotpair monitor'])).toEqual([]);
  });

  it('ports and the lab\'s table', () => {
    expect(bare(formatPorts([]))).toEqual([]);
    expect(bare(formatPorts([{ path: '/dev/ttyUSB0', manufacturer: 'FTDI', serialNumber: 'A1B2' } as never]), ['/dev/ttyUSB0', 'FTDI', 'A1B2'])).toEqual([]);
    const lab = formatLabTable({
      pid: 4242,
      stateDir: '/tmp/lab',
      baud: 9600,
      devices: [{ key: 'a', sysname: 'FW1', ssh: { host: '127.0.0.1', port: 2201, username: 'admin', password: 'pw' }, loopback: '127.0.1.1' }] as never,
      controlChannel: [{ pair: 1, port: 60064, map: { '10.2.1.1': '127.0.1.1' } }],
      syslog: '127.0.0.1:5514',
      notes: [],
    });
    expect(bare(lab, ['/tmp/lab', 'FW1', 'admin', 'pw', 'RBM', 'SSH', 'Syslog', 'Ctrl-C', /^a /m])).toEqual([]);
  });

  it('journal, and bundle create / verify / show / key list', async () => {
    const journal = await hotpair('journal', 'lab');
    expect(bare(journal.out, [join(dir, 'data'), 'lab'])).toEqual([]);
    const bundle = join(dir, 'lab.hpb');
    const created = await hotpair('bundle', 'create', join(ROOT, 'resources/examples/lab.yaml'), '-o', bundle);
    expect(created.code).toBe(0);
    expect(bare(created.out, [bundle])).toEqual([]);
    const fingerprint = /SHA256:[A-Za-z0-9+/]+/;
    const show = await hotpair('bundle', 'show', bundle);
    expect(show.out).toContain('FW1');
    expect(bare(show.out, [bundle, fingerprint, 'lab', 'active-standby', 'FW1', 'FW2', 'comware7', /HotPair [\d.]+\S*/, /\b[0-9a-f]{16}…/, /\S+\.(json|cfg)/, /\d{4}-\d\d-\d\dT\S+/, 'sha256'])).toEqual([]);
    const verify = await hotpair('bundle', 'verify', bundle);
    expect(verify.code).toBe(0);
    expect(bare(verify.out, [bundle, fingerprint, 'OK'])).toEqual([]);
    const list = await hotpair('bundle', 'key', 'list');
    expect(bare(list.out, [fingerprint])).toEqual([]);
    const refused = await hotpair('bundle', 'create');
    expect(refused.code).toBe(2);
    expect(bare(refused.err, ['--inventory'])).toEqual([]);
  });

  it('the refusals of pair, op, recover, drill and monitor, and --loghost\'s complaints', async () => {
    const lab = join(ROOT, 'resources/examples/lab.yaml');
    const valid = readValidPair(lab, undefined);
    if (!valid.ok) throw new Error(valid.message);
    const said: string[] = [];
    const io = { out: (s: string) => void said.push(s), err: (s: string) => void said.push(s) };
    // No terminal here: pushing, drilling and operating without --yes are refused before any connection.
    expect(await runPairCli({ pair: valid.pair, pack: valid.pack, flags: {}, io })).toBe(2);
    expect(await runPairCli({ pair: valid.pair, pack: valid.pack, flags: { yes: true, forceUnconfirmed: ' ' }, io })).toBe(2);
    expect(await runPairCli({ pair: valid.pair, pack: valid.pack, flags: { yes: true, verifyTimeout: 'soon' }, io })).toBe(2);
    expect(await runPairCli({ pair: valid.pair, pack: valid.pack, flags: { yes: true, loghost: 'monitor.example' }, io })).toBe(2);
    expect(await runDrillCli(lab, {}, io)).toBe(2);
    const kind = parseKind(['sideways']);
    expect(kind.ok).toBe(false);
    if (!kind.ok) said.push(kind.message);
    for (const text of ['[::1', '192.0.2.1:70000']) {
      const r = parseLoghost(text);
      if (!r.ok) said.push(r.message);
    }
    const monitorOpts = { interval: '5s', syslog: 'off', metrics: 'off', retention: '90', channelDown: '30s', flap: '3/10m' } as MonitorCliOptions;
    const monitorIo = { ...io, tty: false, rows: 40 };
    for (const bad of [{ interval: '1ms' }, { channelDown: 'never' }, { flap: 'often' }, { retention: 'forever' }, { duration: 'long' }])
      expect(await runMonitor(lab, { ...monitorOpts, ...bad }, monitorIo)).toBe(2);
    const io2 = capture();
    expect(await runOpCli(lab, 'dance', {})).toBe(2);
    expect(await runOpCli(lab, 'sync', {})).toBe(2);
    expect(await runRecover(join(dir, 'no-such.jsonl'), {})).toBe(2);
    said.push(io2.out(), io2.err());
    // Values the user typed and names from the file are data; so are the lists of choices.
    const typed = ['"dance"', '"1ms"', '"never"', '"often"', '"forever"', '"long"', '"monitor.example"', '"[::1"', '"192.0.2.1:70000"', '"sideways"', '"switchover"', '"link'];
    const data = [join(dir, 'no-such.jsonl'), ...typed, /\b(check|sync|switchover|peer-active|peer-standby|reset)\b/, /HOST\[:PORT\]/, /\S+:\d+/, /\[[^\]]*\]:\d+/, /K\/\S+/, /\d+(ms|s|m)\b/];
    expect(bare(said.join('\n'), [...data, ...HELP_SYNTAX])).toEqual([]);
  });
});
