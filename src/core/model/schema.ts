import { z } from 'zod';
import { Pair } from './pair';

/**
 * The JSON Schema of the pair file as an editor sees it (input side: defaults are optional), so
 * yaml-language-server and VS Code complete keys and flag typos while the file is written. Format
 * checks that zod does in code (addresses, connect URLs) are left to `hotpair validate`.
 */
export function pairJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Pair, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  return {
    ...schema,
    title: 'HotPair pair file',
    description: 'One hot-backup (RBM) pair of Comware V7 security appliances. See resources/examples/.',
    // A JSON pair file may name its schema; the loader drops the key.
    properties: { $schema: { type: 'string' }, ...properties },
  };
}

/** The committed resources/pair.schema.json is exactly this text. */
export const pairJsonSchemaText = (): string => `${JSON.stringify(pairJsonSchema(), null, 2)}\n`;
