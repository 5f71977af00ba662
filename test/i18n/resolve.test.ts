import { describe, expect, it } from 'vitest';
import { matchLanguage, resolveLanguage } from '../../src/i18n/index';

describe('resolveLanguage', () => {
  it('reads POSIX locales the way gettext does: LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(resolveLanguage({ env: { LANG: 'zh_CN.UTF-8' } })).toBe('zh-CN');
    expect(resolveLanguage({ env: { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' } })).toBe('en');
    expect(resolveLanguage({ env: { LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.GB18030' } })).toBe('zh-CN');
    expect(resolveLanguage({ env: { LANG: 'de_DE.UTF-8', LANGUAGE: 'fr:zh_CN' } })).toBe('zh-CN');
    expect(resolveLanguage({ env: { LANG: 'C.UTF-8', LANGUAGE: 'zh_CN' } })).toBe('en');
    expect(resolveLanguage({ env: { LANG: 'de_DE.UTF-8' } })).toBe('en');
  });

  it('lets the flag win, ignores one that names no catalogue, then follows the system', () => {
    expect(resolveLanguage({ flag: 'en', env: { LANG: 'zh_CN.UTF-8' } })).toBe('en');
    expect(resolveLanguage({ flag: 'zh-CN', env: { LANG: 'en_US.UTF-8' } })).toBe('zh-CN');
    expect(resolveLanguage({ flag: 'system', system: ['zh-Hans-CN', 'en'] })).toBe('zh-CN');
    expect(resolveLanguage({ flag: 'fr', system: ['en-GB'] })).toBe('en');
    expect(resolveLanguage({})).toBe('en');
  });

  it('maps every Chinese variant to the one Chinese catalogue', () => {
    expect(['zh', 'zh-CN', 'zh_SG', 'zh-Hant-TW', 'ZH-cn'].map(matchLanguage)).toEqual(['zh-CN', 'zh-CN', 'zh-CN', 'zh-CN', 'zh-CN']);
    expect([undefined, '', 'C', 'POSIX', 'ja_JP'].map(matchLanguage)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
