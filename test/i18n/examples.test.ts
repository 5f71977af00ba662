import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGUAGES } from '../../src/i18n/index';

// The Home screen describes each built-in example in the reader's language; an example added to
// resources/examples without its description would show its English comment to a Chinese reader.
describe('built-in example pairs', () => {
  const ids = readdirSync(join(import.meta.dirname, '../../resources/examples'))
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f) => f.replace(/\.(ya?ml|json)$/, ''));

  it.each(LANGUAGES)('each has its description in %s', (lang) => {
    expect(ids.length).toBeGreaterThan(0);
    const about = (CATALOGUES[lang].app as { home: { examples: { about?: Record<string, string> } } }).home.examples.about ?? {};
    expect(ids.filter((id) => !about[id])).toEqual([]);
    expect(Object.keys(about).filter((id) => !ids.includes(id))).toEqual([]);
  });
});
