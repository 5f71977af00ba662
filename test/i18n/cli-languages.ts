import { afterEach } from 'vitest';
import { PSEUDO_ENV, setCliLanguage } from '../../src/i18n/node/cli';
import type { languageChecks } from './english-left';

/** Each test of the suite leaves the CLI in English and the pseudo-locale switch as it found it. */
export function restoreCliLanguage(): void {
  const saved = process.env[PSEUDO_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[PSEUDO_ENV];
    else process.env[PSEUDO_ENV] = saved;
    setCliLanguage('en');
  });
}

/** The same CLI run in English, Chinese and the pseudo-locale: outside the catalogue only `values` may be left bare. */
export async function cliInEach(run: () => Promise<string> | string, values: readonly string[], checks: Pick<ReturnType<typeof languageChecks>, 'expectChinese' | 'expectPseudo'>): Promise<{ english: string; chinese: string }> {
  setCliLanguage('en');
  const english = await run();
  setCliLanguage('zh-CN');
  const chinese = await run();
  checks.expectChinese(chinese, [], values);
  process.env[PSEUDO_ENV] = '1';
  setCliLanguage('pseudo');
  checks.expectPseudo(await run(), [], values);
  return { english, chinese };
}
