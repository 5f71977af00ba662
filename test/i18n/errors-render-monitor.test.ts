/**
 * The last places that wrote only English: the render's refusals, a monitor database from a newer
 * HotPair and a webhook that is no http(s) URL, a bundle run that failed before any device, monitor
 * targets and inventory rows that do not load, and discovery's warnings. Each is produced for real,
 * then said in English (exactly core's sentence), in Chinese and in the pseudo-locale: outside the
 * catalogue only what the user, the file or the device wrote may be left, as written.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createFromInventory as cliCreateFromInventory } from '../../src/cli/bundle/create';
import { runDiscover } from '../../src/cli/commands/discover';
import { readTargets } from '../../src/cli/commands/monitor';
import { setCliLanguage } from '../../src/i18n/node/cli';
import { toErrorInfo } from '../../src/core/base/errors';
import type { Message } from '../../src/core/base/message';
import { inventoryToPairInputs } from '../../src/core/bundle/inventory';
import { discover } from '../../src/core/discover/discover';
import { formatFacts, warningText } from '../../src/core/discover/format';
import type { Pair } from '../../src/core/model/pair';
import { loadPair } from '../../src/core/model/pair-loader';
import { migrate } from '../../src/core/monitor/node/migrations';
import { Webhook } from '../../src/core/monitor/node/webhook';
import { targetsFromInventory, targetsFromPairText } from '../../src/core/monitor/targets';
import { comware7 } from '../../src/core/platforms/comware7';
import type { CommandTemplate, PlatformPack } from '../../src/core/platforms/pack';
import { renderPair } from '../../src/core/render/render';
import { coreTranslator } from '../../src/i18n/core';
import { errorText } from '../../src/i18n/core-text';
import { diagnosticText } from '../../src/i18n/diagnostic';
import { createFromInventory } from '../../src/host/bundles/create';
import { createHost } from '../../src/host/index';
import { generateSigningKey } from '../../src/core/bundle/node/crypto';
import { FakeSession, fw1Outputs } from '../core/discover/fake-session';
import { GOOD_PAIR } from '../host/fixtures';
import { thrown } from './caught';
import { cliInEach, restoreCliLanguage } from './cli-languages';
import { CJK, EXAMPLE_OR_URL, SENTENCE_SEPARATORS, en, languageChecks, leftover, pseudo, zh, type WordRules } from './english-left';

const ROOT = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'hotpair-errors-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Latin words the Chinese keeps on purpose: commands and keywords to type, the device's display
 * names, field and unit names. None is a sentence.
 */
const ZH_TOKENS = ['hotpair', 'pack', 'dump', 'commands', 'undo', 'every', 'RBM', 'Track', 'HotPair', 'URL', 'http(s)', '--db', '--webhook', 'display', 'current-configuration', 'IP', 'VRRP', 'MAC', 'primary', 'secondary', 'YAML', 'JSON', 'CSV'];
const WORDS: WordRules = { tokens: ZH_TOKENS, separators: SENTENCE_SEPARATORS, syntax: EXAMPLE_OR_URL, fixQuotesValues: true };
const checks = languageChecks(WORDS);
const { expectChinese, said, messageSaid } = checks;

function labPair(): { pair: Pair; pack: PlatformPack } {
  const r = loadPair(readFileSync(join(ROOT, 'resources/examples/lab.yaml'), 'utf8'));
  if (!r.ok) throw new Error('lab pair does not load');
  return { pair: structuredClone(r.pair), pack: r.pack };
}

/** The built-in pack with one command changed (or removed, with `undefined`). */
function packWith(key: string, t: CommandTemplate | undefined, session: Partial<PlatformPack['session']> = {}): PlatformPack {
  const commands = { ...comware7.commands };
  if (t === undefined) delete commands[key];
  else commands[key] = t;
  return { ...comware7, commands, session: { ...comware7.session, ...session } };
}

describe('the render refuses a pair it cannot write, in the reader\'s language', () => {
  it('a command the pack lacks: the pack id and the key kept, the fix says what to add', () => {
    const { pair } = labPair();
    const e = said(thrown(() => renderPair(pair, packWith('deviceRole', undefined))), ['comware7', 'deviceRole']);
    expect(e.message).toBe('平台包“comware7”没有命令“deviceRole”');
    expect(e.fix).toBe('请在平台包中添加 commands.deviceRole（hotpair pack dump 可显示内置的平台包）');
  });

  it('a value with a control character', () => {
    const { pair, pack } = labPair();
    pair.devices.a.interfaces[0]!.description = 'down\u0007link';
    expect(said(thrown(() => renderPair(pair, pack)), ['{text}', 'description']).message).toBe('“description”的值 {text} 含有换行符或控制字符');
  });

  it('a line longer than the device accepts: lengths and the line\'s start as rendered', () => {
    const { pair, pack } = labPair();
    // The limit just above every line the pair renders, and one description past it.
    const max = Math.max(...Object.values(renderPair(pair, pack)).flatMap((s: { lines: { text: string }[] }) => s.lines.map((l) => l.text.length)));
    const text = 'x'.repeat(max);
    pair.devices.a.interfaces[0]!.description = text;
    const length = String(`description ${text}`.length);
    const start = `description ${text}`.slice(0, 60);
    const e = said(thrown(() => renderPair(pair, packWith('description', comware7.commands.description, { lineMax: max }))), ['description', length, String(max), start]);
    expect(e.message).toBe(`“description”生成的命令行有 ${length} 个字符，设备一行最多接受 ${max} 个：${start}…`);
    expect(e.fix).toBe('请缩短该值（例如接口描述）');
  });

  it('a command placed in a view it does not belong to, and a header that enters no view', () => {
    const { pair } = labPair();
    const wrong = said(thrown(() => renderPair(pair, packWith('deviceRole', { ...comware7.commands.deviceRole!, view: 'interface' }))), ['deviceRole']);
    expect(wrong.message).toBe('“deviceRole”是接口视图命令，却被放在了RBM 视图中');
    const header = said(thrown(() => renderPair(pair, packWith('rbmEnter', { ...comware7.commands.rbmEnter!, view: 'rbm' }))), ['rbmEnter']);
    expect(header.message).toBe('“rbmEnter”不能从系统视图进入子视图');
  });

  it('a switch to turn off that has no undo form', () => {
    const { pair } = labPair();
    pair.consistencyCheck.enabled = false;
    const { undo: _undo, ...noUndo } = comware7.commands.syncCheckEnable!;
    expect(said(thrown(() => renderPair(pair, packWith('syncCheckEnable', noUndo))), ['syncCheckEnable']).message).toBe('“syncCheckEnable”没有可将其关闭的 undo 形式');
  });

  it('a consistency check that is no whole number of hours, and a manual role left out', () => {
    const { pair, pack } = labPair();
    pair.consistencyCheck = { enabled: true, schedule: { every: '90m' } };
    const every = said(thrown(() => renderPair(pair, pack)), ['90m']);
    expect(every.message).toBe('配置一致性检查间隔“90m”不是整数小时');
    const again = labPair();
    delete again.pair.devices.b.role;
    expect(said(thrown(() => renderPair(again.pair, again.pack)), ['devices.b.role']).message).toBe('缺少 devices.b.role：手动指定角色时需要一个主角色（primary）和一个从角色（secondary）');
  });
});

describe('the monitor\'s database and webhook', () => {
  it('a database written by a newer HotPair', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 99');
    const e = said(thrown(() => migrate(db)), ['99', '2']);
    expect(e.info.code).toBe('UNSUPPORTED');
    expect(e.message).toBe('监控数据库的结构版本 99 比此版本 HotPair 支持的（2）更新');
    db.close();
  });

  it('a webhook that is not http(s), and one that is no URL at all', () => {
    expect(said(thrown(() => new Webhook({ url: 'ftp://noc.example/hook' })), ['ftp://noc.example/hook'], ['http(s)', 'https://noc.example/hook']).message).toBe('告警推送地址必须是 http(s) URL：ftp://noc.example/hook');
    expect(toErrorInfo(thrown(() => new Webhook({ url: 'not a url' })))).toMatchObject({ code: 'VALIDATION', key: 'monitor.webhook-url' });
  });
});

describe('monitor targets that do not load', () => {
  const header = 'name,devices.a.sysname,vrrp.x.vrid,devices.b.sysname';

  it('a pair file with a syntax error: the file and line kept, the loader\'s sentence said', () => {
    const r = targetsFromPairText('name: [unclosed\n', 'site.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.said).toHaveLength(r.errors.length);
    r.said.forEach((m, n) => expect(messageSaid(m, r.errors[n]!, [String(m.params?.where)])).toContain('site.yaml'));
  });

  it('an inventory with a bad cell, a row the schema refuses and a name twice', () => {
    const { pair } = labPair();
    const row = (name: string, extra: Record<string, string> = {}) => ({ ...(JSON.parse(JSON.stringify(pair)) as Record<string, unknown>), name, ...extra });
    const template = row('template');
    const csv = [header, 'site-1,FW1,3,FW2', 'site-2,FW1,,FW2', 'site-2,FW1,,FW2'].join('\n');
    const r = targetsFromInventory(csv, 'inv.csv', { ...template, mode: 'sideways' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const chinese = r.said.map((m, n) => messageSaid(m, r.errors[n]!, ['x', '"sideways"', 'active-standby | dual-active | mirroring']));
    expect(chinese[0]).toBe('inv.csv 第 1 行（vrrp.x.vrid）：路径段“x”不适合此处：此处应为列表序号');
    expect(chinese.some((c) => c.startsWith('inv.csv 第 2 行：mode：'))).toBe(true);
    const twice = targetsFromInventory([header.replace(',vrrp.x.vrid', ''), 'site-2,FW1,FW2', 'site-2,FW1,FW2'].join('\n'), 'inv.csv', template);
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(messageSaid(twice.said[0]!, twice.errors[0]!, ['inv.csv', 'site-2'])).toBe('inv.csv：配对名称“site-2”出现了两次；监控历史按名称区分各个配对');
  });
});

describe('inventory rows on the Open-files card and in bundle creation', () => {
  it('a cell whose path does not fit, and a value where a section should be', () => {
    const { errors } = inventoryToPairInputs([{ name: 'a', 'vrrp.x.vrid': '1' }, { name: 'b', 'name.first': 'x' }, { name: 'c', 'devices.0': 'x' }], { vrrp: [], devices: {} });
    expect(errors.map((e) => e.said.code)).toEqual(['inventory.expected-index', 'inventory.not-a-section', 'inventory.expected-name']);
    expect(errors.map((e) => messageSaid(e.said, e.message))).toEqual([
      '路径段“x”不适合此处：此处应为列表序号',
      '“name”是一个值，不是一个小节',
      '路径段“0”不适合此处：此处应为名称',
    ]);
  });

  it('pairs.inventory sends each row error with its message', async () => {
    const host = createHost({ version: '1', mode: 'browser', examplesDir: dir, keysDir: join(dir, 'keys'), dataDir: dir });
    const r = await host.invoke('pairs.inventory', { csv: 'name,vrrp.x.vrid\nsite-1,3\n', template: 'vrrp: []\n' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const e = (r.data as { errors: { message: string; said?: Message }[] }).errors[0]!;
    expect(messageSaid(e.said!, e.message)).toBe('路径段“x”不适合此处：此处应为列表序号');
    await host.dispose();
  });

  it('bundle creation refuses rows with codes: a cell, a field the schema refuses, a rule, a repeated name', () => {
    const template = GOOD_PAIR.replace(/^name: .*$/m, 'name: template');
    const csv = [
      'name,name.first,mode,devices.b.controlChannel.localIp',
      'site-a,3,,',
      'site-b,,sideways,',
      'site-c,,,10.2.1.1',
      'site-d,,,',
      'site-d,,,',
    ].join('\n');
    const made = createFromInventory(csv, template, generateSigningKey());
    expect(made.count).toBe(1);
    expect(made.refusedSaid.map((r) => r.row)).toEqual([1, 2, 3, 5]);
    expect(made.refusedSaid).toHaveLength(made.refused.length);
    const [cell, field, rule, repeat] = made.refusedSaid;
    expect(cell!.column).toBe('name.first');
    expect(messageSaid(cell!.said!, '"name" is a value, not a section')).toBe('“name”是一个值，不是一个小节');
    expect(messageSaid(repeat!.said!, 'pair name "site-d" repeats an earlier row; names must be unique (they name the files)')).toContain('site-d');
    for (const d of [...field!.diagnostics!, ...rule!.diagnostics!]) {
      const english = diagnosticText(en, d);
      expect(english.message).toBe(d.message);
      const chinese = diagnosticText(zh, d).message;
      expect(chinese, `${d.rule} ${d.message}`).toMatch(CJK);
    }
    expect(field!.diagnostics![0]!.code).toMatch(/^load\./);
    expect(rule!.diagnostics!.map((d) => d.rule)).toContain('channel.local-ne-peer');
  });
});

describe('discovery warnings', () => {
  const config = [
    fw1Outputs()['display current-configuration']!,
    'interface GigabitEthernet1/0/7',
    ' ip address 10.7.1.1 255.0.255.0',
    '#',
    'interface GigabitEthernet1/0/8',
    ' port link-aggregation group 9',
    '#',
  ].join('\n');

  it('from a recorded configuration and a rejected display: coded beside their English, parsers\' notes too', async () => {
    const outputs = fw1Outputs();
    outputs['display current-configuration'] = config;
    delete outputs['display track all'];
    outputs['display clock'] = 'what time is it\n';
    const pack: PlatformPack = { ...comware7, displays: { ...comware7.displays } };
    delete pack.displays.manuinfo;
    const facts = await discover(new FakeSession(outputs), { pack });
    expect(facts.warningsSaid).toHaveLength(facts.warnings.length);
    const coded = facts.warnings.flatMap((w, n) => (facts.warningsSaid![n] ? [{ english: w, m: facts.warningsSaid![n]! }] : []));
    expect(coded.map((c) => c.m.code).sort()).toEqual(['discover.warning.bad-mask', 'discover.warning.no-aggregate', 'discover.warning.no-display', 'discover.warning.rejected', 'parse.warning.no-time-line', 'parse.warning.unrecognised-line']);
    const VALUES = ['GigabitEthernet1/0/7', 'ip address 10.7.1.1 255.0.255.0', 'GigabitEthernet1/0/8', '9', 'Route-Aggregation9', 'manuinfo', 'display track all', "% Unrecognized command found at '^' position."];
    const chinese = coded.map((c) => messageSaid(c.m, c.english));
    expect(chinese).toContain('current-configuration：GigabitEthernet1/0/8 属于聚合组 9，但未配置 Route-Aggregation9');
    expect(chinese).toContain("display track all：设备拒绝执行（% Unrecognized command found at '^' position.）");
    // A parser's note is coded too: the command and the line it could not read kept as written.
    const parser = facts.warnings.findIndex((w) => w.startsWith('display clock: unrecognised line'));
    expect(facts.warningsSaid![parser]).toMatchObject({ code: 'parse.warning.unrecognised-line' });
    expect(warningText(facts, parser, coreTranslator(zh))).toBe('display clock：无法识别的行 "what time is it"');

    // `hotpair discover` prints the report in the reader's language, English unchanged.
    expect(formatFacts(facts, coreTranslator(en))).toBe(formatFacts(facts));
    const report = formatFacts({ ...facts, warnings: facts.warnings.filter((_, n) => n !== parser), warningsSaid: facts.warningsSaid!.filter((_, n) => n !== parser) }, coreTranslator(zh));
    expect(report).toContain('警告（');
    expect(report).toContain('  - current-configuration：GigabitEthernet1/0/7：“ip address 10.7.1.1 255.0.255.0”中的掩码无效');
    const p = formatFacts(facts, coreTranslator(pseudo));
    const values = [...VALUES, ...facts.interfaces.flatMap((i) => [i.name, i.link ?? '', i.address ?? '', i.aggregateMember ?? '', i.description ?? ''])];
    const rbm = facts.rbm!;
    values.push(facts.sysname!, 'H3C SecPath vFW1000', '7.1.064 ESS 1171P23', facts.clock!, rbm.role!, rbm.runningStatus ?? '', rbm.mode ?? '', rbm.controlChannel ?? '', rbm.localIp!, `${rbm.remoteIp}:${rbm.port}`, rbm.dataChannelInterface!, rbm.dataChannelState ?? '');
    values.push(...facts.vrrp.flatMap((g) => [g.interface, String(g.vrid), g.state, ...(g.virtualIps ?? []), String(g.priority ?? ''), g.rbmGroup ?? '']));
    values.push(...facts.warnings.filter((_, n) => facts.warningsSaid![n] === null));
    for (const k of ['consistency', 'consistencyInterval'] as const) if (rbm[k] !== undefined) values.push(String(rbm[k]));
    if (rbm.peer) values.push([rbm.peer.role, rbm.peer.runningStatus, rbm.peer.localIp].filter(Boolean).join(', '));
    const last = rbm.switchovers?.at(-1);
    if (last) values.push(last.time, last.from, last.to, last.cause);
    expect(leftover(p, values.filter((v) => v !== ''), WORDS, true)).toEqual([]);
  });
});

describe('a bundle run that failed before any device keeps the workflow error\'s key', () => {
  it('says the connect failure in the reader\'s language', async () => {
    const host = createHost({ version: '1', mode: 'browser', examplesDir: dir, keysDir: join(dir, 'keys-apply'), dataDir: dir });
    // Ports 1 and 2 on this machine: nothing listens, so the run fails before a device answers.
    const text = readFileSync(join(ROOT, 'resources/examples/lab.yaml'), 'utf8').replaceAll('127.0.0.1:2201', '127.0.0.1:1').replaceAll('127.0.0.1:2202', '127.0.0.1:2');
    const made = await host.invoke('bundles.create', { text });
    expect(made.ok, JSON.stringify(made)).toBe(true);
    if (!made.ok) return;
    const file = (made.data as { file: { name: string; data: string } }).file;
    const r = await host.invoke('bundles.apply', { opId: 'apply-refused-1', bundle: file, a: { password: 'x' }, b: { password: 'x' }, dryRun: true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.key, JSON.stringify(r.error)).toBe('error.connect-failed.ssh');
    expect(errorText(en, r.error).message).toBe(r.error.message);
    expectChinese(errorText(zh, r.error).message, ['ssh admin@127.0.0.1:1', 'ECONNREFUSED']);
    await host.dispose();
  }, 30_000);
});

describe('the CLI says them in the run\'s language', () => {
  restoreCliLanguage();
  const inEach = (run: () => Promise<string> | string, values: readonly string[]) => cliInEach(run, values, checks);

  it('monitor over an inventory with bad rows', async () => {
    const { pair } = labPair();
    const template = join(dir, 'template.json');
    writeFileSync(template, JSON.stringify({ ...pair, name: 'template', vrrp: [] }));
    const csv = join(dir, 'sites.csv');
    writeFileSync(csv, 'name,vrrp.x.vrid,mode\nsite-1,3,\nsite-2,,sideways\nsite-3,,\nsite-3,,\n');
    const lines = () => {
      const r = readTargets(csv, template);
      if (r.ok) throw new Error('bad rows were accepted');
      return r.errors.join('\n');
    };
    const { chinese, english } = await inEach(lines, [csv, 'vrrp.x.vrid', 'x', 'mode', '"sideways"', 'active-standby | dual-active | mirroring', 'site-3']);
    expect(english).toContain(`${csv} row 1 (vrrp.x.vrid): segment "x" does not fit`);
    expect(chinese).toContain(`${csv} 第 1 行（vrrp.x.vrid）：路径段“x”不适合此处`);
  });

  it('bundle create --inventory: each refused row', async () => {
    const { pair, pack } = labPair();
    const template = { ...(JSON.parse(JSON.stringify(pair)) as Record<string, unknown>), name: 'template', vrrp: [] };
    const csv = 'name,vrrp.x.vrid,mode\nsite-1,3,\nsite-2,,sideways\n';
    const key = generateSigningKey();
    const run = async () => {
      const log: string[] = [];
      const r = await cliCreateFromInventory(csv, template, pack, key, join(dir, 'bundles'), (l) => log.push(l));
      expect(r).toEqual({ written: 0, failed: 2 });
      return log.join('');
    };
    const { chinese } = await inEach(run, ['vrrp.x.vrid', 'x', 'mode', '"sideways"', 'active-standby | dual-active | mirroring']);
    expect(chinese).toContain('路径段“x”不适合此处：此处应为列表序号');
  });

  it('discover prints its report, warnings included, in the reader\'s language', async () => {
    const outputs = fw1Outputs();
    outputs['display current-configuration'] = `${outputs['display current-configuration']}\ninterface GigabitEthernet1/0/8\n port link-aggregation group 9\n#\n`;
    const run = async () => {
      const out: string[] = [];
      const s = new FakeSession(outputs);
      await runDiscover('ssh://admin@10.0.0.1', {}, { out: (t) => out.push(t), err: () => undefined }, async () => ({ session: s, close: async () => undefined }), new AbortController().signal);
      return out.join('');
    };
    setCliLanguage('zh-CN');
    const chinese = await run();
    expect(chinese).toContain('警告（1）');
    expect(chinese).toContain('  - current-configuration：GigabitEthernet1/0/8 属于聚合组 9，但未配置 Route-Aggregation9');
    expect(chinese).toMatch(/^设备名称 {2,}FW1$/m);
    setCliLanguage('en');
    expect(await run()).toContain('  - current-configuration: GigabitEthernet1/0/8 is in aggregation group 9 but Route-Aggregation9 is not configured');
  });
});
