import { describe, expect, it } from 'vitest';
import type { Diagnostic, ErrorInfo } from '../../src/contract/index';
import { toErrorInfo } from '../../src/core/base/errors';
import { createHost } from '../../src/host/index';
import { checkPairText, openPairDoc, requireValidPair } from '../../src/host/pair-text';
import { errorText } from '../../src/i18n/core-text';
import { createI18n } from '../../src/i18n/create';
import { diagnosticText } from '../../src/i18n/diagnostic';
import { GOOD_PAIR, tmpWorld } from './fixtures';

// What the pair editor shows when the text does not load, and what the app refuses with: each
// carries its message key, so the screen says it in the reader's language; the English stays
// core's own, the file's names and positions stay as written.
const en = createI18n('en');
const zh = createI18n('zh-CN');
const CJK = /[\u4e00-\u9fff]/;
const TYPO = GOOD_PAIR.replace('  b:\n', '  b:\n    sysnam: FW2b\n');

const host = () => {
  const w = tmpWorld();
  return createHost({ version: '1', mode: 'browser', examplesDir: w.examples, settingsFile: w.settingsFile });
};

function refusal(f: () => unknown): ErrorInfo {
  try {
    f();
  } catch (e) {
    return toErrorInfo(e);
  }
  throw new Error('expected a refusal');
}

describe('load problems in the pair editor', () => {
  it('reach the screen through pairs.validate with their code, params and fix, in Chinese, at their line', async () => {
    const r = await host().invoke('pairs.validate', { text: TYPO });
    // The host checks its own output against the contract: sub-messages in params pass it.
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [d] = (r.data as { diagnostics: Diagnostic[] }).diagnostics;
    expect(d).toMatchObject({ rule: 'file.unknown-key', code: 'load.unknown-key', path: 'devices.b.sysnam', line: 13, column: 5, params: { key: 'sysnam', near: 'sysname', fixCode: 'load.fix.expected' } });
    expect(diagnosticText(en, d!)).toMatchObject({ message: d!.message, fix: d!.fix });
    const t = diagnosticText(zh, d!);
    expect(t.message).toBe('未知的键“sysnam”——是否应为 sysname？');
    expect(t.fix).toMatch(/^应为：以下键之一：sysname, role, connect, .*, interfaces。$/);
  });

  it('say a syntax error and a refused file in Chinese, with a fix each', () => {
    const syntax = checkPairText('name: [unclosed\n');
    expect(syntax.checked).toBe('structure');
    const s = syntax.diagnostics[0]!;
    expect(s).toMatchObject({ rule: 'file.syntax', code: 'load.yaml', line: expect.any(Number) });
    expect(diagnosticText(zh, s).message).toMatch(/^YAML 语法错误：[\u4e00-\u9fff]/);
    expect(diagnosticText(zh, s).fix).toBe('请更正该位置的语法。');
    const binary = checkPairText('name: x\n\u0000').diagnostics[0]!;
    expect(diagnosticText(zh, binary)).toMatchObject({ message: '配对文件 不是文本文件（含有 NUL 字节）；配对文件应为 YAML 或 JSON 文本', fix: expect.stringMatching(/^请打开配对文件本身/) });
    expect(diagnosticText(en, binary)).toMatchObject({ message: binary.message, fix: binary.fix });
  });

  it('leaves rule findings as they were: a loaded file\'s diagnostics come from the rules', () => {
    const d = checkPairText(GOOD_PAIR.replace('10.2.1.2', '10.2.1.1')).diagnostics.find((x) => x.severity === 'error')!;
    expect(d.code).toMatch(/^channel\./);
    expect(diagnosticText(zh, d).message).toMatch(CJK);
  });
});

describe('refusals the app gives for a pair file', () => {
  it('openPairDoc names the file, line and column and says the problem and its fix in Chinese', async () => {
    const info = refusal(() => openPairDoc('broken.yaml', 'name: x\ndevices: [a, b\n'));
    expect(info).toMatchObject({ code: 'VALIDATION', key: 'host.not-pair-doc' });
    expect(errorText(en, info)).toMatchObject({ message: info.message, fix: info.fix });
    const t = errorText(zh, info);
    expect(t.message).toMatch(/^broken\.yaml:\d+:\d+: YAML 语法错误：[\u4e00-\u9fff].*（无法作为配对文件打开）$/);
    expect(t.fix).toMatch(CJK);
    // Through the channel the editor opens files with.
    const r = await host().invoke('pairs.open', { name: 'broken.yaml', text: 'name: x\ndevices: [a, b\n' });
    expect(r).toMatchObject({ ok: false, error: { key: 'host.not-pair-doc', params: { where: expect.stringMatching(/^broken\.yaml:/) } } });
  });

  // Every combination the callers pass (src/host/handlers, src/host/bundles), with the English each stands for.
  const CALLS = [
    ['untouched', 'beside', 'nothing was read from or pushed to the devices', 'Fix the findings shown beside the fields.'],
    ['untouched', 'step3', 'nothing was read from or pushed to the devices', 'Fix the findings shown beside the fields (step 3).'],
    ['unasked', 'step3', 'nothing was asked of the devices', 'Fix the findings shown beside the fields (step 3).'],
    ['unbundled', 'pairing', 'only a valid pair is bundled', 'Fix the findings on the Pairing screen first.'],
    ['unrendered', 'beside', 'scripts are rendered only for a valid pair', 'Fix the findings shown beside the fields.'],
  ] as const;

  it.each(CALLS)('requireValidPair: %s / %s in English as written and in Chinese', (refused, fix, english, englishFix) => {
    const info = refusal(() => requireValidPair(TYPO, refused, fix));
    expect(info).toMatchObject({ code: 'VALIDATION', key: 'host.pair-invalid', message: `The pair file has 1 error; ${english}.`, fix: englishFix, details: { diagnostics: [{ code: 'load.unknown-key' }] } });
    expect(errorText(en, info)).toMatchObject({ message: info.message, fix: info.fix });
    const t = errorText(zh, info);
    expect(t.message).toMatch(/^配对文件有 1 个错误；[\u4e00-\u9fff]+.*。$/);
    expect(t.fix).toMatch(/^请[\u4e00-\u9fff“”（）]/);
    expect(`${t.message}${t.fix}`).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('counts the errors the way the reader\'s language does', () => {
    const two = TYPO.replace('  a:\n', '  a:\n    rol: x\n');
    const info = refusal(() => requireValidPair(two, 'unrendered', 'beside'));
    expect(errorText(en, info).message).toBe('The pair file has 2 errors; scripts are rendered only for a valid pair.');
    expect(errorText(zh, info).message).toBe('配对文件有 2 个错误；只有有效的配对才会生成脚本。');
  });
});
