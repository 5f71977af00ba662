import type { Message } from '../base/message';

/**
 * What a field accepts, as core's English (`expected`, kept for `--json` readers and as the
 * fallback) and as a message of the core catalogue (`load.expected.…`), so the CLI's `expected:`
 * line and the editor's fix say it in the reader's language. Key names, values and type names are
 * params: they are the file's words, shown as written.
 */
export interface Expectation {
  expected: string;
  expectedMessage: Message;
}

const said = (expected: string, id: string, params?: Message['params']): Expectation => ({
  expected,
  expectedMessage: { code: `load.expected.${id}`, ...(params ? { params } : {}) },
});

/** The keys a mapping accepts, as the file writes them (no language joins them); none when the value takes no keys at all. */
export const keysExpected = (keys: readonly string[]): Expectation => {
  const joined = keys.join(', ');
  return keys.length > 0 ? said(`one of: ${joined}`, 'keys', { keys: joined }) : said('no keys here', 'no-keys');
};

/** The forms of a union of mappings, written in the file's own syntax ("{ every: … } | { daily: … }"). */
export const formsExpected = (forms: string): Expectation => said(forms, 'forms', { forms });

/** A zod type name ("string", "number", "object"); the catalogue names the common ones in the reader's language. */
export const typeExpected = (type: string): Expectation => said(type, 'type', { type });

/** An enum's values, in the notation the load message writes them in ("a | b | c"), which needs no translating. */
export const valuesExpected = (values: readonly string[]): Expectation => {
  const joined = values.join(' | ');
  return said(joined, 'values', { values: joined });
};

/** `measure` is length, count or value; `bound` is "≥ 1", "< 65536". */
export function boundExpected(measure: 'length' | 'count' | 'value', bound: string): Expectation {
  const unit = measure === 'length' ? ' characters' : measure === 'count' ? ' entries' : '';
  return said(`${measure} ${bound}${unit}`, 'bound', { measure, bound });
}
