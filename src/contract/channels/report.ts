import { z } from 'zod';
import { OpIdSchema } from '../common';
import { MessageSchema } from '../errors';

/** A file the host made for the user to save (browser download or Electron save dialog), base64. */
const ReportFileSchema = z.strictObject({ name: z.string(), data: z.string() });

export const ReportCreateInputSchema = z.strictObject({
  opId: OpIdSchema.optional(),
  /** `last`, a run id, or the journal path `pair.runs` lists. */
  run: z.string().min(1).max(4096),
  /** Also print it to PDF (Electron's printToPDF in the app, the system's Chromium in browser mode). */
  pdf: z.boolean().default(false),
  paper: z.enum(['A4', 'Letter']).default('A4'),
  /** Printed in the sign-off boxes; blank lines when absent. */
  engineer: z.string().max(200).optional(),
  customer: z.string().max(200).optional(),
  /** The report's language (the app's, "zh-CN"); English when absent. */
  lang: z.string().max(35).optional(),
});

export const ReportCreateOutputSchema = z.strictObject({
  /** The signed HTML: the file `hotpair report verify` checks. */
  html: ReportFileSchema,
  pdf: ReportFileSchema.optional(),
  /** Why no PDF was made when one was asked for (no printer here); the HTML is still there. */
  pdfUnavailable: z.string().optional(),
  /** The same as a message of the core catalogue, for the reader's language. */
  pdfUnavailableSaid: MessageSchema.optional(),
  pair: z.string(),
  runId: z.string(),
  drills: z.number().int(),
  /** The signing key's fingerprint (SHA256:…), the bundles' key. */
  signer: z.string(),
});

export const ReportVerifyInputSchema = z.strictObject({
  name: z.string().min(1).max(255),
  data: z.string().max(22_500_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'expected base64' }),
});

export const ReportVerifyOutputSchema = z.strictObject({
  /** Every byte as signed. */
  valid: z.boolean(),
  trusted: z.boolean(),
  signer: z.string().optional(),
  /** Why it is refused or untrusted; empty when valid and trusted. */
  findings: z.array(z.string()),
});

// The signed commissioning report: the same key, trust list and checks as `hotpair report`.
export const reportChannels = {
  'report.create': { input: ReportCreateInputSchema, output: ReportCreateOutputSchema, summary: 'The signed commissioning report of a run and the drills after it (HTML, optionally PDF)' },
  'report.verify': { input: ReportVerifyInputSchema, output: ReportVerifyOutputSchema, summary: 'Whether a report is unchanged since signed, and who signed it: a verdict, not an error' },
} as const;
