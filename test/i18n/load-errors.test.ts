/**
 * A pair file that does not load, said in the reader's language wherever it is shown: core's load
 * message, what the field expects (the CLI's `expected:` line), and the editor's diagnostic with its
 * fix. Each case is a real bad file; in zh-CN and in the pseudo-locale no English may remain but
 * the file's own words (its key names and values) and the names of formats (YAML, JSON …).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ErrorCode } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { formatLoadError } from '../../src/cli/commands/validate';
import { isMessageList, type MessageParam, type MessageParams } from '../../src/core/base/message';
import { loadPairText, type LoadError } from '../../src/core/model/load';
import { SCHEMA_REASONS } from '../../src/core/model/load-reasons';
import { Pair } from '../../src/core/model/pair';
import { keysAt } from '../../src/core/model/schema-keys';
import { DiagnosticSchema } from '../../src/contract/common';
import { checkPairText } from '../../src/host/pair-text';
import { coreTranslator } from '../../src/i18n/core';
import { createI18n } from '../../src/i18n/create';
import { diagnosticText } from '../../src/i18n/diagnostic';
import { PSEUDO_LANGUAGE, pseudoResources } from '../../src/i18n/pseudo';

const ROOT = join(import.meta.dirname, '../..');
const en = createI18n('en');
const zh = createI18n('zh-CN');
const pseudo = createI18n(PSEUDO_LANGUAGE, pseudoResources());
const CJK = /[\u4e00-\u9fff]/;
// The lab pair without its comments, so the file's words are only its keys and values.
const GOOD = readFileSync(join(ROOT, 'resources/examples/lab.yaml'), 'utf8').replace(/^#.*\n/gm, '');

/** Names of formats and units a Chinese sentence writes as they are. */
const TECH = new Set(['YAML', 'JSON', 'KB', 'MB', 'kB', 'NUL', 'UTF', 'Tab', 'HH', 'MM', 'URL', 'ssh', 'serial', 'TCP']);

/** The params that hold the file's words (key names, values, the file's name), never a sentence. */
const DATA = new Set(['key', 'near', 'keys', 'values', 'forms', 'value', 'source', 'file', 'scheme', 'text']);

function dataWords(params: MessageParams | undefined, out = new Set<string>()): Set<string> {
  const add = (v: MessageParam) => {
    if (isMessageList(v)) for (const m of v.items) dataWords(m.params, out);
    else for (const s of [v].flat()) for (const w of String(s).match(/[A-Za-z][\w-]*/g) ?? []) out.add(w);
  };
  for (const [k, v] of Object.entries(params ?? {})) if (DATA.has(k) || isMessageList(v)) add(v);
  // An enum's values are the file's words too; the message names them as one string.
  if (typeof params?.expected === 'string' && params.expected.includes(' | ')) add(params.expected);
  return out;
}

/** A pair file's top-level keys: messages name them as examples of what a pair file holds. */
const TOP_KEYS = keysAt(Pair, []);

/** English words left in `text` once the file's words, the pair's key names, format names and examples (words with digits) are taken out. */
function englishLeft(text: string, file: string, e?: LoadError): string[] {
  const data = new Set([...(file.match(/[A-Za-z][\w-]*/g) ?? []), ...TOP_KEYS, ...dataWords(e?.params), ...dataWords(e?.expectedMessage?.params)]);
  return (text.match(/[\w-]+/g) ?? []).filter((w) => /[A-Za-z]/.test(w) && !/\d/.test(w) && !data.has(w) && !TECH.has(w));
}

/** The words outside the pseudo-locale's brackets: text that bypassed the catalogue. */
function bare(text: string, file: string, e: LoadError): string[] {
  let s = text;
  while (/［[^［］]*］/.test(s)) s = s.replace(/［[^［］]*］/g, ' ');
  return englishLeft(s, file, e);
}

interface Case {
  name: string;
  text: string;
  key: string;
}

const CASES: Case[] = [
  { name: 'YAML syntax: a flow list not closed', text: 'name: x\ndevices:\n  a: [1, 2\n  b: 3\n', key: 'load.yaml' },
  { name: 'YAML syntax: a tab as indentation', text: 'name: x\ndevices:\n\ta: 1\n', key: 'load.yaml' },
  { name: 'YAML syntax: a key twice', text: `${GOOD}name: again\n`, key: 'load.yaml' },
  { name: 'YAML syntax: a quote not closed', text: 'name: "lab\nmode: x\n', key: 'load.yaml' },
  { name: 'an unknown key with a suggestion', text: GOOD.replace('  keepalive:', '  keepalve:'), key: 'load.unknown-key' },
  { name: 'an unknown key nothing is near', text: `${GOOD}zebra: 1\n`, key: 'load.unknown-key' },
  { name: 'a password written in the file', text: GOOD.replace('    sysname: FW1\n', '    sysname: FW1\n    password: hunter2\n'), key: 'load.no-secrets' },
  { name: 'a wrong type', text: GOOD.replace('count: 3', 'count: three'), key: 'load.expected-type' },
  { name: 'a missing key', text: GOOD.replace('    sysname: FW2\n', ''), key: 'load.missing-key' },
  { name: 'an enum value', text: GOOD.replace('mode: active-standby', 'mode: active'), key: 'load.expected-value' },
  { name: 'a number below its bound', text: GOOD.replace('{ id: 1, interface', '{ id: 0, interface'), key: 'load.bound' },
  { name: 'a string over its length', text: GOOD.replace('name: lab', `name: ${'x'.repeat(65)}`), key: 'load.bound' },
  { name: 'a schedule of no known form', text: `${GOOD}consistencyCheck: { schedule: 5 }\n`, key: 'load.expected-form' },
  { name: 'a schedule with an unknown form key', text: `${GOOD}consistencyCheck: { schedule: { monthly: 1 } }\n`, key: 'load.unknown-key' },
  { name: 'an address the schema refuses', text: GOOD.replace('localIp: 10.2.1.2', 'localIp: 10.2.1.300'), key: 'load.custom' },
  { name: 'a connect URL the schema refuses', text: GOOD.replace('ssh://admin@127.0.0.1:2202', 'telnet://127.0.0.1'), key: 'load.custom' },
  { name: 'nested too deep', text: `${'['.repeat(100)}${']'.repeat(100)}`, key: 'load.too-deep' },
  { name: 'not text', text: 'name: x\n\u0000', key: 'load.not-text' },
  { name: 'empty', text: '# nothing\n', key: 'load.empty' },
  { name: 'not a mapping', text: '- a\n- b\n', key: 'load.not-mapping' },
];

/** The case's load problem, from a named file, or from text without a name as the editor sends it. */
function problem(c: Case, named = true): LoadError {
  const r = named ? loadPairText(c.text, 'pair.yaml') : loadPairText(c.text);
  if (r.ok) throw new Error(`${c.name}: expected the load to fail`);
  const e = r.errors.find((x) => x.key === c.key);
  if (!e) throw new Error(`${c.name}: no ${c.key} among ${r.errors.map((x) => x.key).join(', ')}`);
  return e;
}

describe('load errors in the reader\'s language', () => {
  it.each(CASES)('$name: core\'s message, in English as core wrote it, in Chinese with the file\'s words kept', (c) => {
    const e = problem(c);
    expect(coreTranslator(en).text(e.key!, e.params, '(missing)')).toBe(e.message);
    const said = coreTranslator(zh).text(e.key!, e.params, '(missing)');
    expect(said).toMatch(CJK);
    expect(englishLeft(said, c.text, e)).toEqual([]);
    if (e.key === 'load.unknown-key' && e.params?.near !== 'none') expect(said).toContain(String(e.params!.near));
  });

  it.each(CASES.filter((c) => problem(c).expected !== undefined))('$name: what the field expects, structured, its names as written', (c) => {
    const e = problem(c);
    expect(e.expectedMessage?.code).toMatch(/^load\.expected\./);
    const m = e.expectedMessage!;
    const english = coreTranslator(en).text(m.code, m.params, '(missing)');
    // Lists are joined the language's way; everything else is core's English exactly.
    if (Array.isArray(m.params?.keys ?? m.params?.values)) for (const v of (m.params!.keys ?? m.params!.values) as string[]) expect(english).toContain(v);
    else expect(english).toBe(e.expected);
    const said = coreTranslator(zh).text(m.code, m.params, '(missing)');
    expect(said).toMatch(CJK);
    expect(englishLeft(said, c.text, e)).toEqual([]);
  });

  it.each(CASES)('$name: the editor\'s diagnostic carries the code, params and fix, at its path and line', (c) => {
    const e = problem(c, false);
    const d = checkPairText(c.text).diagnostics.find((x) => x.code === e.key && x.path === (e.path ?? ''))!;
    expect(d).toMatchObject({ rule: `file.${e.kind}`, severity: 'error', message: e.message, ...(e.line !== undefined ? { line: e.line, column: e.column } : {}) });
    // What the host sends passes the contract's output check.
    expect(DiagnosticSchema.safeParse(d).success).toBe(true);
    expect(diagnosticText(en, d)).toMatchObject({ message: d.message, fix: d.fix });
    const t = diagnosticText(zh, d);
    expect(t.severity).toBe('错误');
    expect(t.message).toMatch(CJK);
    expect(englishLeft(t.message, c.text, e)).toEqual([]);
    if (d.fix !== undefined) {
      expect(t.fix).toMatch(CJK);
      expect(englishLeft(t.fix!, c.text, e)).toEqual([]);
    }
    const p = diagnosticText(pseudo, d);
    expect(bare(`${p.message} ${p.fix ?? ''}`, c.text, e)).toEqual([]);
  });

  it('gives the editor a fix for what is expected, for a syntax error, and for a file that is no pair file', () => {
    const fix = (text: string) => diagnosticText(zh, checkPairText(text).diagnostics[0]!).fix;
    expect(fix(GOOD.replace('  keepalive:', '  keepalve:'))).toBe('应为：以下键之一：port, keepalive。');
    expect(fix(GOOD.replace('count: 3', 'count: three'))).toBe('应为：数字。');
    expect(fix(GOOD.replace('mode: active-standby', 'mode: active'))).toBe('应为：以下值之一：active-standby | dual-active | mirroring。');
    expect(fix(GOOD.replace('{ id: 1, interface', '{ id: 0, interface'))).toBe('应为：值 ≥ 1。');
    expect(fix('name: x\ndevices:\n\ta: 1\n')).toBe('请更正该位置的语法。');
    expect(fix(`${'['.repeat(100)}${']'.repeat(100)}`)).toMatch(/^请打开配对文件本身/);
  });

  it('says a YAML warning in Chinese too, with its line', () => {
    const d = checkPairText(GOOD.replace('name: lab', 'name: !custom lab')).diagnostics.find((x) => x.rule === 'file.yaml')!;
    expect(d).toMatchObject({ code: 'load.yaml-warning', severity: 'warning' });
    expect(diagnosticText(en, d)).toMatchObject({ message: d.message, fix: d.fix });
    const t = diagnosticText(zh, d);
    expect(t.message).toMatch(/^第 \d+ 行第 \d+ 列：无法识别该标签/);
    expect(t.fix).toMatch(CJK);
  });
});

describe('what the catalogue must hold for it', () => {
  it('names every YAML error code in Chinese, so no syntax error falls back to the parser\'s English', () => {
    // Typed against the parser's own union: a code added in a yaml upgrade fails to compile here.
    const CODES: Record<ErrorCode, true> = {
      ALIAS_PROPS: true, BAD_ALIAS: true, BAD_DIRECTIVE: true, BAD_DQ_ESCAPE: true, BAD_INDENT: true, BAD_PROP_ORDER: true, BAD_SCALAR_START: true,
      BLOCK_AS_IMPLICIT_KEY: true, BLOCK_IN_FLOW: true, DUPLICATE_KEY: true, IMPOSSIBLE: true, KEY_OVER_1024_CHARS: true, MISSING_CHAR: true,
      MULTILINE_IMPLICIT_KEY: true, MULTIPLE_ANCHORS: true, MULTIPLE_DOCS: true, MULTIPLE_TAGS: true, NON_STRING_KEY: true, RESOURCE_EXHAUSTION: true,
      TAB_AS_INDENT: true, TAG_RESOLVE_FAILED: true, UNEXPECTED_TOKEN: true, BAD_COLLECTION_TYPE: true,
    };
    const tr = coreTranslator(zh);
    for (const code of Object.keys(CODES)) {
      const said = tr.text('load.yaml', { yamlCode: code, reason: 'ENGLISH REASON' }, '(missing)');
      expect(said, code).not.toContain('ENGLISH');
      expect(said, code).toMatch(/^YAML 语法错误：.*[\u4e00-\u9fff]/);
    }
  });

  it('has every sentence the schema writes, in both languages, English exactly as the schema says it', () => {
    const src = readFileSync(join(ROOT, 'src/core/model/pair.ts'), 'utf8');
    const written = [...src.matchAll(/message: '([^']+)'/g)].map((m) => m[1]!);
    expect(written.length).toBeGreaterThan(5);
    expect(written.filter((w) => SCHEMA_REASONS[w] === undefined)).toEqual([]);
    for (const [english, id] of Object.entries(SCHEMA_REASONS)) {
      expect(coreTranslator(en).text(`load.reason.${id}`, {}, '(missing)')).toBe(english);
      const said = coreTranslator(zh).text(`load.reason.${id}`, {}, '(missing)');
      expect(said, id).toMatch(CJK);
      expect(englishLeft(said, 'HOTPAIR_A_PASSWORD sysname', undefined), id).toEqual([]);
    }
  });
});

describe('hotpair validate: the expected: line', () => {
  it('formats in Chinese for every problem that prints one, its names as written', () => {
    const tr = coreTranslator(zh);
    const lines = CASES.flatMap((c) => {
      const out = formatLoadError('pair.yaml', problem(c), tr);
      return out.split('\n').filter((l) => l.startsWith('  应为：')).map((l) => ({ c, l, e: problem(c) }));
    });
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const { c, l, e } of lines) expect(englishLeft(l, c.text, e), c.name).toEqual([]);
    expect(formatLoadError('pair.yaml', problem(CASES.find((c) => c.name.startsWith('an unknown key with'))!), tr)).toContain('\n  应为：以下键之一：port, keepalive\n');
  });

  const dir = mkdtempSync(join(tmpdir(), 'hotpair-load-i18n-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function hotpair(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(LANG|LANGUAGE|LC_ALL|LC_MESSAGES)$/.test(k)));
    return new Promise((resolve) => {
      execFile(process.execPath, [join(ROOT, 'bin/hotpair.mjs'), ...args], { cwd: ROOT, env: { ...clean, ...env }, timeout: 15_000 }, (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
      });
    });
  }

  it('LANG=zh_CN.UTF-8 prints it in Chinese, the key names as written; English stays English', async () => {
    const text = GOOD.replace('  keepalive:', '  keepalve:');
    const file = join(dir, 'typo.yaml');
    writeFileSync(file, text);
    const [zhRun, enRun] = await Promise.all([hotpair({ LANG: 'zh_CN.UTF-8' }, 'validate', file), hotpair({ LANG: 'en_US.UTF-8' }, 'validate', file)]);
    expect(zhRun.code).toBe(2);
    expect(zhRun.stderr).toContain(`${file}:7:3: controlChannel.keepalve: 未知的键“keepalve”——是否应为 keepalive？\n  应为：以下键之一：port, keepalive\n`);
    const e = problem({ name: 'typo', text, key: 'load.unknown-key' });
    for (const l of zhRun.stderr.trimEnd().split('\n')) expect(englishLeft(l.replace(file, ''), text, e), l).toEqual([]);
    expect(enRun.stderr).toContain('\n  expected: one of: port, keepalive\n');
  });
});
