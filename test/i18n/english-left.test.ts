/** The shared checks must still catch a sentence left in English, and keep only the values they are given. */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_OR_URL, PUNCTUATION, SENTENCE_SEPARATORS, languageChecks, leftover } from './english-left';

describe('the words left outside the catalogue', () => {
  const sentence = languageChecks({ tokens: ['display'], separators: SENTENCE_SEPARATORS, syntax: EXAMPLE_OR_URL });
  const plain = languageChecks({ tokens: [], separators: PUNCTUATION });

  it('finds English around Chinese, and none once the values and tokens are out', () => {
    expect(leftover('设备 FW1 refused the command', ['FW1'], { tokens: [], separators: SENTENCE_SEPARATORS })).toEqual(['refused', 'the', 'command']);
    expect(() => sentence.expectChinese('设备 FW1 refused', ['FW1'])).toThrow();
    expect(() => sentence.expectChinese('设备 FW1 拒绝了 display version', ['FW1'], ['version'])).not.toThrow();
    expect(() => sentence.expectChinese('设备拒绝了命令', ['FW1'])).toThrow();
  });

  it('in the pseudo-locale only the values may stand outside ［…］', () => {
    expect(() => plain.expectPseudo('［Ðéváçé］ FW1 ［ŕéƒúšéð］', ['FW1'])).not.toThrow();
    expect(() => plain.expectPseudo('［Ðéváçé］ FW1 refused', ['FW1'])).toThrow();
    // Examples count as words in the plain rules, not in the sentence rules.
    expect(() => plain.expectPseudo('［x］ GE1/0/1', [])).toThrow();
    expect(() => sentence.expectPseudo('［x］ GE1/0/1', [])).not.toThrow();
  });
});
