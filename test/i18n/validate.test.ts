import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Pair } from '../../src/core/model/pair';
import { RULES, UNCHECKED_CODE, validatePair, type Diagnostic } from '../../src/core/validate/index';
import { createI18n, diagnosticText, LANGUAGES, ruleSummary } from '../../src/i18n/index';
import { channelAndRoleCases, envCases, type RuleCase } from '../core/validate/cases-core';
import { collaborationCases, mirroringCases, monitorCases } from '../core/validate/cases-modes';

const CASES: RuleCase[] = [...channelAndRoleCases, ...envCases, ...mirroringCases, ...collaborationCases, ...monitorCases];
const fired: Diagnostic[] = CASES.filter((c) => c.fires).flatMap((c) => {
  const input = structuredClone(c.base());
  c.edit?.(input);
  return validatePair(Pair.parse(input), c.facts ?? {});
});

describe('rule diagnostics through the catalogue', () => {
  it('carry a code under their rule and params on every finding the rule cases raise', () => {
    expect(fired.length).toBeGreaterThan(50);
    expect(fired.filter((d) => !d.code?.startsWith(`${d.rule}.`) || d.params === undefined).map((d) => d.rule)).toEqual([]);
  });

  it.each(LANGUAGES)('%s has a summary for every rule and a message and fix for every raised code', (lang) => {
    const i = createI18n(lang);
    expect(RULES.filter((r) => !i.exists(`validate:rule.${r.id}.summary`)).map((r) => r.id)).toEqual([]);
    const codes = new Set([...fired.map((d) => d.code!), UNCHECKED_CODE]);
    expect([...codes].filter((c) => !i.exists(`validate:finding.${c}.message`) || !i.exists(`validate:finding.${c}.fix`))).toEqual([]);
  });

  it('has a catalogue entry for every finding key written in the rules\' source, even those no case raises', () => {
    const en = createI18n('en');
    const dir = join(import.meta.dirname, '../../src/core/validate');
    const missing: string[] = [];
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const src = readFileSync(join(dir, f), 'utf8');
      const ids = [...src.matchAll(/id: '([a-z0-9.-]+)'/g)].map((m) => m[1]!);
      // `key: 'a'` and `key: x === 'v' ? 'a' : 'b'`: the quoted words up to the end of the property, not the compared ones.
      const keys = [...src.matchAll(/key: ([^,\n]+)/g)].flatMap((m) => [...m[1]!.matchAll(/(?<!=== )'([a-z0-9-]+)'/g)].map((k) => k[1]!));
      for (const k of keys) if (!ids.some((id) => en.exists(`validate:finding.${id}.${k}.message`))) missing.push(`${f}: ${k}`);
    }
    expect(missing).toEqual([]);
  });

  it('renders in English exactly what the rules say in English, so the two cannot drift', () => {
    const en = createI18n('en');
    const drift = fired.flatMap((d) => {
      const t = diagnosticText(en, d);
      return t.message === d.message && t.fix === d.fix ? [] : [`${d.code}: "${t.message}" / "${t.fix}" vs "${d.message}" / "${d.fix}"`];
    });
    expect(drift).toEqual([]);
    expect(RULES.filter((r) => ruleSummary(en, r) !== r.summary).map((r) => r.id)).toEqual([]);
  });

  it('says every raised finding in Chinese, keeping file values, and quotes the vendor\'s English reason untouched', () => {
    const zh = createI18n('zh-CN');
    for (const d of fired) {
      const t = diagnosticText(zh, d);
      expect(t.message, d.code).toMatch(/[\u4e00-\u9fff]/);
      expect(t.reason).toBe(d.reason);
      for (const v of Object.values(d.params ?? {})) if (typeof v === 'string' && /[0-9.:/]/.test(v) && t.message.includes('{')) expect.fail(`${d.code}: unformatted ${t.message}`);
    }
    const peer = fired.find((d) => d.code === 'channel.local-ne-peer.same-ip')!;
    expect(diagnosticText(zh, peer).message).toContain(String(peer.params!.ip));
    expect(diagnosticText(zh, peer).message).toContain('控制通道');
  });

  it('falls back to the diagnostic\'s own text for a code this catalogue lacks (a newer host)', () => {
    const zh = createI18n('zh-CN');
    expect(diagnosticText(zh, { rule: 'x.y', code: 'x.y.z', params: {}, severity: 'error', message: 'new message', fix: 'new fix' })).toMatchObject({ message: 'new message', fix: 'new fix', severity: '错误' });
  });
});
