import { z } from 'zod';
import { Manifest } from '../../core/bundle/manifest';
import { OpIdSchema, PairTextSchema } from '../common';

/** The manifest exactly as core writes and reads it (src/core/bundle/manifest.ts). */
export const BundleManifestSchema = Manifest;
export type BundleManifest = z.infer<typeof BundleManifestSchema>;

/**
 * A bundle file passed by content (base64), so browser mode and Electron work alike: a page can
 * read a file the user picked but never learns its path. 16 MB files → at most ~21.4 MB of base64.
 */
export const BundleFileSchema = z.strictObject({
  name: z.string().min(1).max(255),
  data: z.string().max(22_500_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'expected base64' }),
});

export const BundleVerifySchema = z.strictObject({
  /** Every member intact and the signature good. */
  valid: z.boolean(),
  /** The signer is this machine's key or one imported as trusted. */
  trusted: z.boolean(),
  signer: z.string().optional(),
  /** Why it is refused or untrusted; empty when valid and trusted. */
  findings: z.array(z.string()),
});
export type BundleVerify = z.infer<typeof BundleVerifySchema>;

export const BundleShowSchema = z.strictObject({ manifest: BundleManifestSchema, signerTrusted: z.boolean() });
export type BundleShow = z.infer<typeof BundleShowSchema>;

export const bundlesChannels = {
  'bundles.create': {
    input: z.strictObject({ text: PairTextSchema, output: z.string().min(1) }),
    output: z.strictObject({ path: z.string(), manifest: BundleManifestSchema }),
    summary: 'Create a signed offline bundle',
  },
  'bundles.import': { input: BundleFileSchema, output: BundleShowSchema, summary: 'Import a bundle into the app' },
  'bundles.verify': { input: BundleFileSchema, output: BundleVerifySchema, summary: 'Check members and signature: a verdict, not an error' },
  'bundles.show': { input: BundleFileSchema, output: BundleShowSchema, summary: 'The manifest of an intact bundle (an untrusted signer is shown as such)' },
  'bundles.apply': {
    input: z.strictObject({ opId: OpIdSchema, bundle: BundleFileSchema }),
    output: z.strictObject({ verified: z.boolean(), journal: z.string() }),
    summary: 'Apply a bundle to both devices (op)',
  },
} as const;
