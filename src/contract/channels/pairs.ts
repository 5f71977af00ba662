import { z } from 'zod';
import { DiagnosticSchema, Empty, PairTextSchema } from '../common';
import { MessageSchema } from '../errors';

export const ValidateOutputSchema = z.strictObject({
  diagnostics: z.array(DiagnosticSchema),
  /** No error-severity diagnostics (warnings allowed), as `hotpair validate` exits 0. */
  valid: z.boolean(),
  /**
   * What was checked: `structure` = syntax and field formats only; `rules` = also every
   * hot-backup rule. Lets the UI say honestly when the rule set was not run.
   */
  checked: z.enum(['structure', 'rules']),
});
export type ValidateOutput = z.infer<typeof ValidateOutputSchema>;

/** One typed line: its stage (channel / sync / local, the order of a push) and whether its syntax is vendor-confirmed. */
export const ScriptLineSchema = z.strictObject({ text: z.string(), stage: z.enum(['channel', 'sync', 'local']), verified: z.boolean() });
export type ScriptLine = z.infer<typeof ScriptLineSchema>;
export const DeviceScriptSchema = z.strictObject({ lines: z.array(ScriptLineSchema), undo: z.array(z.string()) });
export const RenderOutputSchema = z.strictObject({
  devices: z.strictObject({ a: DeviceScriptSchema, b: DeviceScriptSchema }),
});
export type RenderOutput = z.infer<typeof RenderOutputSchema>;

export const pairsChannels = {
  'pairs.validate': {
    input: z.strictObject({ text: PairTextSchema }),
    output: ValidateOutputSchema,
    summary: 'Pair file text → every diagnostic at once (never fails on a bad file)',
  },
  'pairs.render': {
    input: z.strictObject({ text: PairTextSchema }),
    output: RenderOutputSchema,
    summary: 'Pair file text → per-device command and undo scripts; VALIDATION with diagnostics when the file has errors',
  },
  'pairs.schema': {
    input: Empty,
    output: z.strictObject({ schema: z.record(z.string(), z.unknown()) }),
    summary: 'JSON Schema of the pair file, for editors',
  },
  'pairs.open': {
    input: z.strictObject({ name: z.string().max(255), text: PairTextSchema }),
    output: z.strictObject({ doc: z.record(z.string(), z.unknown()) }),
    summary: 'A pair file the user picked → its document for the editor; VALIDATION with line:column when it does not parse',
  },
  'pairs.inventory': {
    input: z.strictObject({ csv: z.string().max(5_000_000), template: PairTextSchema.optional() }),
    output: z.strictObject({
      pairs: z.array(z.strictObject({ row: z.number().int(), name: z.string(), doc: z.record(z.string(), z.unknown()) })),
      /** `message` is the English; `said` the same as a core catalogue message (inventory.…). */
      errors: z.array(z.strictObject({ row: z.number().int(), column: z.string().optional(), message: z.string(), said: MessageSchema.optional() })),
    }),
    summary: 'An inventory CSV (one pair per row, dotted pair-file paths as headers) over an optional template → one document per row',
  },
} as const;

export const ExampleSummarySchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  mode: z.string().optional(),
});
export type ExampleSummary = z.infer<typeof ExampleSummarySchema>;

export const ExampleSchema = z.strictObject({
  id: z.string(),
  text: z.string(),
  /** The parsed document (before defaults) for the form editor; null when the text does not parse. */
  doc: z.unknown(),
});
export type Example = z.infer<typeof ExampleSchema>;

export const examplesChannels = {
  'examples.list': {
    input: Empty,
    output: z.strictObject({ examples: z.array(ExampleSummarySchema) }),
    summary: 'The example pair files shipped in resources/examples',
  },
  'examples.get': {
    input: z.strictObject({ id: z.string().regex(/^[A-Za-z0-9._-]+$/).max(100) }),
    output: ExampleSchema,
    summary: 'One example pair file',
  },
} as const;
