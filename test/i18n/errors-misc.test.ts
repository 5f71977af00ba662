/**
 * The errors that were English-only until they carried a message key: the USB export's refusals,
 * finding a run for its report, a monitor poll that would have to ask for a login, a template or a
 * pair object that does not load, a file the system cannot read, and the CLI's refused device URLs.
 * Each is produced for real, then said in English (exactly core's sentence), in Chinese and in the
 * pseudo-locale: outside the catalogue only what the user or the device wrote may be left, as written.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withTargetFlags, readTargets } from '../../src/cli/commands/monitor';
import { runOneCableCli } from '../../src/cli/commands/pair-one-cable';
import { timeSn, usbFiles, type UsbDevice } from '../../src/core/bundle/export';
import type { DeviceFacts } from '../../src/core/model/facts';
import { readPairDocFile, readTextFile } from '../../src/core/model/node/read-pair';
import { loadPair, loadPairObject } from '../../src/core/model/pair-loader';
import type { ConnectTarget } from '../../src/core/model/connect';
import { deviceLink } from '../../src/core/monitor/node/links';
import type { MonitorTarget } from '../../src/core/monitor/targets';
import { comware7 } from '../../src/core/platforms/comware7';
import type { PlatformPack } from '../../src/core/platforms/pack';
import { healthMatrix } from '../../src/core/provision/health';
import { findRun, loadReportRun, type JournalRuns } from '../../src/core/report/node/load';
import type { DeviceConnector } from '../../src/core/session/node/connect';
import { healthCheckText } from '../../src/i18n/core-text';
import { PSEUDO_ENV, setCliLanguage } from '../../src/i18n/node/cli';
import { thrown } from './caught';
import { restoreCliLanguage } from './cli-languages';
import { en, languageChecks, leftover, zh, type WordRules } from './english-left';

const ROOT = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'hotpair-errors-misc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Latin words the Chinese keeps on purpose: commands and flags a fix tells the user to type, the
 * device's field names, format and unit names. None is a sentence.
 */
const ZH_TOKENS = ['U', 'USB', 'MAC', 'ID', 'JSON', 'HotPair', 'configFile', 'usbAutoConfig', 'display', 'device', 'manuinfo', 'DEVICE_SERIAL_NUMBER', 'hotpair', 'discover', '--json', 'journal', 'runId', 'last', 'pair', 'FILE', 'URL', 'ssh', 'serial', 'YAML'];
const WORDS: WordRules = {
  tokens: ZH_TOKENS,
  separators: /[\s，。；：、“”（）()"`.]+/,
  // Examples (words with digits), URL schemes and flags are syntax to type, not sentences.
  syntax: (w) => /\d/.test(w) || /^(?:ssh|serial):\/\/$/.test(w) || /^--[a-z]+:?$/.test(w),
};
const { expectChinese, said, loadSaid } = languageChecks(WORDS);


describe('the USB export refuses in the reader\'s language, device values as written', () => {
  const device = (over: Partial<UsbDevice>): UsbDevice => ({ sysname: 'FW-A', serial: '210235A1B2C3', script: 'system-view\nsysname FW-A\nreturn', ...over });
  const NOW = '2026-03-01T10:20:30.000Z';

  it('a device without a serial number, and one whose serial cannot name a file', () => {
    const none = said(thrown(() => usbFiles(comware7, [device({ serial: undefined })], NOW)), ['FW-A']);
    expect(none.message).toBe('FW-A 没有序列号：U 盘自动配置按序列号识别每台设备');
    expect(none.fix).toContain('display device manuinfo');
    const bad = said(thrown(() => usbFiles(comware7, [device({ serial: 'SN 1/2' })], NOW)), ['FW-A', 'SN 1/2']);
    expect(bad.message).toBe('FW-A 的序列号“SN 1/2”含有文件名或索引文件无法容纳的字符');
  });

  it('a MAC that is none, two devices with one serial, and a pack whose file name is no plain name', () => {
    expect(said(thrown(() => usbFiles(comware7, [device({ mac: 'zz:zz' })], NOW)), ['zz:zz', 'FW-A']).message).toBe('“zz:zz”（FW-A）不是 MAC 地址');
    const twice = said(thrown(() => usbFiles(comware7, [device({}), device({ sysname: 'FW-B' })], NOW)), ['210235A1B2C3.cfg']);
    expect(twice.message).toBe('U 盘上会有两个文件同名：210235A1B2C3.cfg');
    const layout = { ...comware7.usbAutoConfig, configFile: '../{serial}.cfg' } as PlatformPack['usbAutoConfig'];
    const pack: PlatformPack = { ...comware7, usbAutoConfig: layout };
    const name = said(thrown(() => usbFiles(pack, [device({})], NOW)), ['../{serial}.cfg', '../210235A1B2C3.cfg', 'FW-A']);
    expect(name.message).toContain('平台包');
  });

  it('a creation time that is none', () => {
    expect(said(thrown(() => timeSn('yesterday')), ['yesterday']).message).toBe('“yesterday”不是有效的时间');
  });
});

describe('finding the run a report is made of', () => {
  const run = (runId: string, journal: string) => ({ runId, journal, path: join(dir, 'journal', journal), pair: 'site-1', startedAt: '2026-01-01T09:00:00.000Z' });
  const all = { runs: [run('a1b2c3d4e5', 'one.jsonl'), run('a1b2c3ffff', 'two.jsonl')], drills: [{ runId: 'drill-77', journal: 'drill.jsonl', pair: 'site-1', startedAt: '2026-01-01T10:00:00.000Z' }] } as unknown as JournalRuns;

  it('an empty journal folder: no run at all', () => {
    mkdirSync(join(dir, 'empty', 'journal'), { recursive: true });
    const e = said(thrown(() => loadReportRun(join(dir, 'empty'), 'last')), []);
    expect(e.info.code).toBe('NOT_FOUND');
    expect(e.message).toBe('运行日志中没有开局运行记录。');
  });

  it('a prefix of two runs, a drill, and a run that is not there', () => {
    expect(said(thrown(() => findRun(all, 'a1b2c3')), ['a1b2c3', '2']).message).toBe('“a1b2c3”匹配到 2 次运行。');
    expect(said(thrown(() => findRun(all, 'drill-77')), ['drill-77']).message).toBe('drill-77 是一次演练，不是开局运行。');
    const missing = said(thrown(() => findRun(all, 'zzzzzz')), ['zzzzzz']);
    expect(missing.info.code).toBe('NOT_FOUND');
    expect(missing.fix).toContain('hotpair journal --json');
  });
});

describe('a monitor poll that would have to ask for a login', () => {
  it('names the device and what is missing, in Chinese', async () => {
    const target: ConnectTarget = { kind: 'ssh', host: '192.0.2.11', port: 22 } as ConnectTarget;
    const connector = { openWith: async (r: { ask: { missing: (w: 'username' | 'password', t: ConnectTarget) => Error }; target: ConnectTarget }) => Promise.reject(r.ask.missing('password', r.target)) } as unknown as DeviceConnector;
    const link = deviceLink(target, { username: 'admin' } as never, { connector });
    const e = await link.open(new AbortController().signal).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(said(e, ['192.0.2.11']).message).toBe('192.0.2.11 没有密码：监控轮询期间无法询问。');
  });
});

describe('templates, pair objects and files that do not load', () => {
  const template = join(dir, 'template.yaml');
  writeFileSync(template, 'name: [unclosed\n');

  it('a template with a syntax error: each error keyed, the file and its line kept', () => {
    const r = readPairDocFile(template);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.message).toContain(template);
    for (const e of r.errors) expect(e.key).toBeDefined();
  });

  it('a missing template and a file the system cannot read: the path and the system\'s words kept, what to do said', () => {
    const gone = readPairDocFile(join(dir, 'nowhere.yaml'));
    expect(gone.ok).toBe(false);
    if (!gone.ok) expect(loadSaid(gone.errors[0]!, [join(dir, 'nowhere.yaml')])).toBe(`文件不存在：${join(dir, 'nowhere.yaml')}`);
    // A path through a regular file: ENOTDIR, none of the failures with words of their own.
    const through = join(template, 'inner.yaml');
    const read = readTextFile(through);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const reason = String(read.error.params?.reason);
    expect(reason).toMatch(/^ENOTDIR/);
    expect(read.error.message).toBe(`cannot read ${through} (${reason}); check the path and that you may read the file`);
    expect(loadSaid(read.error, [through, reason])).toBe(`无法读取 ${through}（${reason}）；请检查路径以及是否有权读取该文件`);
  });

  it('a pair object (an inventory row over a template) is refused as its file would be, by field path', () => {
    const good = loadPair(readFileSync(join(ROOT, 'resources/examples/lab.yaml'), 'utf8'));
    expect(good.ok).toBe(true);
    if (!good.ok) return;
    const doc = JSON.parse(JSON.stringify(good.pair)) as Record<string, unknown>;
    const r = loadPairObject({ ...doc, mode: 'sideways', colour: 'blue' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path).sort()).toEqual(['colour', 'mode']);
    // The values the file would hold: the unknown key, the enum's choices and what was written.
    const VALUES: Record<string, string[]> = { mode: ['active-standby | dual-active | mirroring', '"sideways"'], colour: ['colour'] };
    for (const e of r.errors) {
      expect(e.line).toBeUndefined();
      loadSaid(e, VALUES[e.path!]!);
    }
  });
});

describe('the health matrix: two connections to one device', () => {
  it('says which fact gives it away in the reader\'s language, English made from the same value', () => {
    const facts: DeviceFacts = { serialNumber: '210235A1B2C3', interfaces: [], vrrp: [], tracks: [], warnings: [] };
    const good = loadPair(readFileSync(join(ROOT, 'resources/examples/lab.yaml'), 'utf8'));
    if (!good.ok) throw new Error('lab pair does not load');
    const c = healthMatrix(good.pair, facts, facts, new Date()).find((x) => x.id === 'identity')!;
    expect(c.status).toBe('fail');
    expect(healthCheckText(en, c).reason).toBe(c.reason);
    expect(c.reason).toBe('both connections reach serial 210235A1B2C3');
    expectChinese(healthCheckText(zh, c).reason, ['210235A1B2C3']);
  });
});

describe('the CLI\'s refused device URLs', () => {
  restoreCliLanguage();
  const target: MonitorTarget = { name: 'site-1', devices: { a: { connect: { kind: 'ssh', host: '192.0.2.11', port: 22 } }, b: { connect: { kind: 'ssh', host: '192.0.2.12', port: 22 } } } } as unknown as MonitorTarget;

  function inEach(run: () => Promise<string> | string, values: readonly string[]) {
    return async () => {
      setCliLanguage('zh-CN');
      expectChinese(await run(), [], values);
      process.env[PSEUDO_ENV] = '1';
      setCliLanguage('pseudo');
      const p = await run();
      expect(leftover(p, values, WORDS, true).filter((w) => w !== 'hotpair')).toEqual([]);
    };
  }

  it(
    'monitor --a with a URL it cannot use',
    inEach(() => (thrown(() => withTargetFlags([target], { a: 'telnet://192.0.2.11' })) as Error).message, ['telnet:']),
  );

  it(
    'pair --one-cable with a console URL it cannot use',
    inEach(async () => {
      let err = '';
      const good = loadPair(readFileSync(join(ROOT, 'resources/examples/lab.yaml'), 'utf8'));
      if (!good.ok) throw new Error('lab pair does not load');
      await runOneCableCli({ pair: good.pair, pack: good.pack, flags: { yes: true, console: 'telnet://192.0.2.11' } as never, io: { out: () => undefined, err: (s: string) => void (err += s) } as never });
      return err;
    }, ['telnet:']),
  );

  it(
    'monitor over an inventory whose template does not exist',
    inEach(() => {
      const csv = join(dir, 'inventory.csv');
      writeFileSync(csv, 'name\nsite-1\n');
      const r = readTargets(csv, join(dir, 'no-template.yaml'));
      if (r.ok) throw new Error('a missing template was accepted');
      return r.errors.join('\n');
    }, [join(dir, 'no-template.yaml')]),
  );
});
