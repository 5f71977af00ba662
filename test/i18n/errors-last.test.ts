/**
 * The last sentences that reached the user only in English: a bundle run's outcome and its steps,
 * a webhook that fails, a platform pack file that is refused, the report's "Not read" row and the
 * display parsers' warnings. Each is produced for real, then said in English (exactly what core
 * wrote), in Chinese and in the pseudo-locale: outside the catalogue only what the user, the file
 * or the device wrote may be left, as written.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runValidate } from '../../src/cli/commands/validate';
import type { HostEvent } from '../../src/contract/index';
import type { Message, Translator } from '../../src/core/base/message';
import { discover } from '../../src/core/discover/discover';
import { warningText } from '../../src/core/discover/format';
import { startMonitor } from '../../src/core/monitor/node/runtime';
import type { MonitorEvent } from '../../src/core/monitor/types';
import { parseClock, parseDevice, parseInterfaceBrief, parseManuinfo, parseRbmStatus, parseSyncCheck, parseTrackAll, parseVersion, parseVrrp, parserWarningSaid } from '../../src/core/parse/index';
import { parseStartup } from '../../src/core/parse/startup';
import { comware7 } from '../../src/core/platforms/comware7';
import type { CommissioningRun } from '../../src/core/report/model';
import { devicesSection } from '../../src/core/report/sections';
import { createHost } from '../../src/host/index';
import { LAB_PASSWORD, startLab } from '../../src/lab/lab';
import { applyOutcomeText } from '../../src/i18n/bundle-apply';
import { coreTranslator } from '../../src/i18n/core';
import { progressText } from '../../src/i18n/progress';
import { FakeSession, fw1Outputs } from '../core/discover/fake-session';
import { cliInEach, restoreCliLanguage } from './cli-languages';
import { EXAMPLE_OR_URL, SENTENCE_SEPARATORS, en, languageChecks, pseudo, zh } from './english-left';

const ROOT = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'hotpair-errors-last-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Latin words the Chinese keeps on purpose: commands, keywords and field names to type. */
const ZH_TOKENS = ['hotpair', 'display', 'JSON', 'Webhook', 'Track', 'RBM', 'VRID', 'commands', 'lineMax', 'true', 'false'];
const checks = languageChecks({ tokens: ZH_TOKENS, separators: SENTENCE_SEPARATORS, syntax: EXAMPLE_OR_URL, fixQuotesValues: true });
const { expectChinese, expectPseudo, messageSaid } = checks;

describe('display parsers\' warnings', () => {
  // Output each parser cannot read whole, as a device that printed something new would send it.
  const runs: [string, () => string[]][] = [
    ['version', () => parseVersion('H3C Comware Platform Software\nsomething new here\n').warnings],
    ['version, empty', () => parseVersion('\n\n').warnings],
    ['manuinfo', () => parseManuinfo('Slot 1 CPU 0:\nFailed to get manufacture information\nodd line\n').warnings],
    ['manuinfo, empty', () => parseManuinfo('').warnings],
    ['interface brief', () => parseInterfaceBrief('Brief information on interfaces in route mode:\nwhat is this\n').warnings],
    ['rbm status', () => parseRbmStatus('Remote backup group information:\n  Backup mode: Active/standby\nstrange words\n  Frobnicate: 12\n').warnings],
    ['rbm status, nothing', () => parseRbmStatus('nothing at all\n').warnings],
    ['vrrp', () => parseVrrp('IPv4 Virtual Router Information:\n     VRID           : 1\n     Odd Key        : x\nwho knows\n').warnings],
    ['track', () => parseTrackAll('Status: Positive\nTrack ID: x\nTrack ID: 3\n  Mystery: 5\nloose words here\n').warnings],
    ['clock', () => parseClock('99:99:99.000 UTC Mon 13/45/2026\nTime Zone : Mars add 01:00:00\nextra\n').warnings],
    ['device', () => parseDevice('Slot Type State Subslot Soft Ver Patch Ver\nstray line\n').warnings],
    ['startup', () => parseStartup('MainBoard:\n  what\n').warnings],
    ['sync-check', () => parseSyncCheck('RBM is not configured.\n').warnings],
    ['sync-check, empty', () => parseSyncCheck('').warnings],
  ];

  it.each(runs)('%s: every warning is coded, the device\'s words kept as it printed them', (_, run) => {
    const warnings = run();
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) {
      const m = parserWarningSaid(w);
      expect(m, `not coded: ${w}`).not.toBeNull();
      messageSaid(m!, w);
    }
  });

  it('says an unreadable line in Chinese around the command and the line as written', () => {
    const w = parseClock('what time is it\n').warnings[0]!;
    expect(messageSaid(parserWarningSaid(w)!, w)).toBe('display clock：无法识别的行 "what time is it"');
  });
});

/** Discovery over recorded outputs with lines no parser knows and a display the device refuses. */
async function unreadFacts() {
  const outputs = fw1Outputs();
  outputs['display clock'] = 'what time is it\n';
  outputs['display interface brief'] = `${outputs['display interface brief']}\nthis line is new\n`;
  delete outputs['display track all'];
  return discover(new FakeSession(outputs), { pack: comware7 });
}

describe('discovery\'s warnings where they are shown', () => {
  it('the report\'s "Not read" row follows the report\'s language', async () => {
    const facts = await unreadFacts();
    expect(facts.warnings.length).toBeGreaterThanOrEqual(3);
    expect(facts.warningsSaid?.every((m) => m !== null)).toBe(true);
    const run = { facts: { a: facts, b: facts } } as unknown as CommissioningRun;
    const row = (tr: Translator, label: string) => {
      const html = devicesSection(run, tr);
      const tr1 = html.split('<tr>').find((r) => r.includes(`>${label}<`));
      expect(tr1, `no row ${label}`).toBeDefined();
      return tr1!.replace(/<[^>]+>/g, ' ').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
    };
    const values = ['display clock', '"what time is it"', 'display interface brief', '"this line is new"', 'display track all', "% Unrecognized command found at '^' position.", 'FW1'];
    expect(row(coreTranslator(en), 'Not read')).toContain('display clock: unrecognised line "what time is it"');
    const chinese = row(coreTranslator(zh), zh.t('core:report.devices.fact.not-read'));
    expect(chinese).toContain('display clock：无法识别的行 "what time is it"');
    expectChinese(chinese, ['"what time is it"', '"this line is new"', 'display track all'], values);
    expectPseudo(row(coreTranslator(pseudo), pseudo.t('core:report.devices.fact.not-read')), ['"what time is it"'], values);
  });

  it('facts recorded before parsers\' warnings were coded (an older journal) are still said in the reader\'s language', async () => {
    const facts = await unreadFacts();
    const old = { ...facts, warningsSaid: facts.warningsSaid!.map((m) => (m?.code.startsWith('parse.') ? null : m)) };
    const n = facts.warnings.findIndex((w) => w.startsWith('display clock'));
    expect(warningText(old, n, coreTranslator(zh))).toBe('display clock：无法识别的行 "what time is it"');
  });
});

describe('a webhook that fails', () => {
  const alert: MonitorEvent = { id: 'r-1', rev: 0, pair: 'site-1', time: 1, kind: 'alert', rule: 'unexpected-switchover', severity: 'critical', message: 'FW2 took over', device: 'b', cause: 'Peer lost' };

  it('the monitor\'s warning carries its message: the status, the rule and the pair kept', async () => {
    const srv = http.createServer((_req, res) => res.writeHead(404).end());
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/hook`;
    const warnings: { message: string; said?: Message }[] = [];
    const runtime = await startMonitor({ pairs: [], intervalMs: 60_000, webhookUrl: url, onWarning: (message, said) => warnings.push({ message, ...(said ? { said } : {}) }) });
    runtime.service.onEvents.fire([alert]);
    await runtime.stop();
    await new Promise((r) => srv.close(r));
    expect(warnings).toHaveLength(1);
    const w = warnings[0]!;
    expect(w.message).toBe('webhook: webhook answered 404 (alert unexpected-switchover on site-1)');
    expect(w.said).toEqual({ code: 'monitor.warning.webhook-status', params: { status: '404', rule: 'unexpected-switchover', pair: 'site-1' } });
    expect(messageSaid(w.said!, w.message)).toBe('Webhook：Webhook 返回 404（告警 unexpected-switchover，配对 site-1）');
  });

  it('one that cannot be reached keeps the system\'s reason as written', async () => {
    const warnings: { message: string; said?: Message }[] = [];
    const runtime = await startMonitor({ pairs: [], intervalMs: 60_000, webhookUrl: 'http://127.0.0.1:1/hook', onWarning: (message, said) => warnings.push({ message, ...(said ? { said } : {}) }) });
    runtime.service.onEvents.fire([alert]);
    await runtime.stop();
    const w = warnings[0]!;
    expect(w.said?.code).toBe('monitor.warning.webhook-failed');
    messageSaid(w.said!, w.message);
  }, 15_000);
});

describe('a platform pack file the CLI refuses', () => {
  restoreCliLanguage();

  /** `hotpair validate --pack FILE` in English, Chinese and pseudo; only the values may be left bare. */
  function inEach(pack: string, kept: readonly string[]): Promise<{ english: string; chinese: string }> {
    const run = () => {
      let err = '';
      expect(runValidate(join(ROOT, 'resources/examples/lab.yaml'), { pack }, () => undefined, (s) => (err += s))).toBe(2);
      return err;
    };
    // The program's name before the colon is not a word to translate.
    return cliInEach(run, ['hotpair', ...kept], checks);
  }

  it('not JSON: the parser\'s reason kept as the system wrote it', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "id": ');
    let reason = '';
    try {
      JSON.parse('{ "id": ');
    } catch (e) {
      reason = (e as Error).message;
    }
    const { english, chinese } = await inEach(file, [file, reason]);
    expect(english).toContain(`platform pack ${file} is invalid:\n  not JSON: ${reason}`);
    expect(chinese).toContain(reason);
  });

  it('schema errors: an unknown key, a wrong type, a missing field, a wrong version', async () => {
    const pack = JSON.parse(JSON.stringify(comware7)) as Record<string, unknown>;
    pack.formatVersion = 2;
    pack.colour = 'blue';
    (pack.session as Record<string, unknown>).lineMax = 'long';
    delete (pack.pager as Record<string, unknown>).marker;
    const file = join(dir, 'overlay.json');
    writeFileSync(file, JSON.stringify(pack));
    const { english, chinese } = await inEach(file, [file, 'formatVersion', 'colour', 'session.lineMax', 'pager.marker', '1']);
    for (const p of ['formatVersion', 'colour', 'session.lineMax', 'pager.marker']) expect(english).toContain(p);
    expect(chinese).toContain('session.lineMax：应为 数字');
  });

  it('a file that is not there', async () => {
    const file = join(dir, 'nowhere.json');
    const { chinese } = await inEach(file, [file]);
    expect(chinese).toContain(file);
  });
});

describe('a bundle run that ends with findings, through the host over the lab pair', () => {
  it('says the outcome, each finding and the steps in the reader\'s language', async () => {
    const labDir = join(dir, 'lab');
    const lab = await startLab({ stateDir: labDir, sshPortBase: 0, pairIndexBase: 244, stateFile: false, console: false });
    const host = createHost({ version: '1', mode: 'browser', examplesDir: dir, keysDir: join(dir, 'keys'), dataDir: dir });
    const events: HostEvent[] = [];
    host.onEvent((e) => events.push(e));
    try {
      const ports = lab.describe().devices.map((d) => d.ssh.port);
      // Device A names an interface the lab device does not have: preflight refuses the run.
      const text = readFileSync(join(ROOT, 'resources/examples/lab.yaml'), 'utf8')
        .replaceAll('127.0.0.1:2201', `127.0.0.1:${ports[0]}`)
        .replaceAll('127.0.0.1:2202', `127.0.0.1:${ports[1]}`)
        .replace('      - { name: GigabitEthernet1/0/2, address: 10.1.2.1/24, description: uplink }\n', '      - { name: GigabitEthernet1/0/2, address: 10.1.2.1/24, description: uplink }\n      - { name: GigabitEthernet7/0/7, address: 10.1.7.1/24 }\n');
      const made = await host.invoke('bundles.create', { text });
      expect(made.ok, JSON.stringify(made)).toBe(true);
      if (!made.ok) return;
      const file = (made.data as { file: { name: string; data: string } }).file;
      const fps: Record<string, string> = {};
      for (const k of ['a', 'b'] as const) {
        const r = await host.invoke('console.open', { url: `ssh://admin@127.0.0.1:${ports[k === 'a' ? 0 : 1]}`, password: LAB_PASSWORD });
        fps[k] = (r as unknown as { error: { details: { fingerprint: string } } }).error.details.fingerprint;
      }
      const r = await host.invoke('bundles.apply', { opId: 'apply-findings-1', bundle: file, a: { password: LAB_PASSWORD, acceptHostKey: fps.a }, b: { password: LAB_PASSWORD, acceptHostKey: fps.b }, dryRun: true });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (!r.ok) return;
      const out = r.data as { outcome: string; message: string; said?: Parameters<typeof applyOutcomeText>[1]['said'] };
      expect(out.outcome).toBe('preflight-failed');
      expect(out.said?.findings.length).toBeGreaterThan(0);
      expect(out.message).toContain('GigabitEthernet7/0/7');
      expect(applyOutcomeText(en, out)).toBe(out.message);
      const values = ['GigabitEthernet7/0/7', 'a', ...out.said!.findings.flatMap((d) => Object.values(d.params ?? {}).filter((v): v is string => typeof v === 'string'))];
      const chinese = applyOutcomeText(zh, out);
      expect(chinese).toContain('预检发现问题；未下发任何配置。');
      expectChinese(chinese, ['GigabitEthernet7/0/7'], values);
      expectPseudo(applyOutcomeText(pseudo, out), ['GigabitEthernet7/0/7'], values);

      const steps = events.flatMap((e) => (e.event === 'op.progress' && e.payload.opId === 'apply-findings-1' && e.payload.state === 'running' ? [e.payload] : []));
      expect(steps.length).toBeGreaterThan(2);
      for (const s of steps) {
        expect(s.code, `step without a message: ${s.step}`).toBeDefined();
        expect(progressText(en, { text: s.step, code: s.code, params: s.params })).toBe(s.step);
        const stepValues = Object.values(s.params ?? {}).filter((v): v is string => typeof v === 'string');
        expectChinese(progressText(zh, { text: s.step, code: s.code, params: s.params }), [], stepValues);
      }
    } finally {
      await host.dispose();
      await lab.stop();
    }
  }, 60_000);
});
