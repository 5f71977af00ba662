import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../../fixtures/outputs/', import.meta.url));

/** A recorded-format display output from test/fixtures/outputs. */
export function fixture(name: string): string {
  return readFileSync(`${DIR}${name}`, 'utf8');
}

/**
 * The same output as a device might really deliver it: CRLF line ends, a pager marker erased
 * with ANSI cursor moves or with backspaces, the echoed command and the trailing prompt. A
 * parser must read the same value from every variant.
 */
export function deliveryVariants(text: string, command = 'display version'): Record<string, string> {
  const lines = text.replace(/\n$/, '').split('\n');
  const withPager = (erase: string) =>
    lines.map((l, i) => (i > 0 && i % 3 === 0 ? `  ---- More ----${erase}${l}` : l)).join('\r\n');
  return {
    crlf: lines.join('\r\n'),
    ansiPager: withPager('\x1b[16D                \x1b[16D'),
    backspacePager: withPager(`${'\b'.repeat(16)}${' '.repeat(16)}${'\b'.repeat(16)}`),
    echoAndPrompt: [`<FW1>${command}`, ...lines, 'RBM_P<FW1>'].join('\n'),
  };
}
