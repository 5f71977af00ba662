import { z } from 'zod';
import { MAX_INVENTORY_BYTES } from '../../core/model/limits';
import { Manifest } from '../../core/bundle/manifest';
import { DiagnosticSchema, OpIdSchema, PairTextSchema } from '../common';
import { ErrorInfoSchema, MessageSchema } from '../errors';

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

/** A file the host made for the user to save (browser download or Electron save dialog). */
export const BundleDownloadSchema = z.strictObject({ name: z.string(), data: z.string() });

export const BundleCreateInputSchema = z.union([
  /** One pair: the pair file text (the editor's current pair). */
  z.strictObject({
    text: PairTextSchema,
    /** Device passwords to carry, sealed with the passphrase (scrypt + AES-GCM) as secrets.enc. */
    secrets: z.strictObject({ passphrase: z.string().min(8).max(256), a: z.string().min(1).max(256), b: z.string().min(1).max(256) }).optional(),
  }),
  /** Many pairs: one bundle per inventory row, laid over an optional YAML template pair. */
  z.strictObject({ inventory: z.string().min(1).max(MAX_INVENTORY_BYTES), template: PairTextSchema.optional() }),
]);

export const BundleCreateOutputSchema = z.strictObject({
  /** A single .hpb, or a .zip of one .hpb per good inventory row. */
  file: BundleDownloadSchema,
  count: z.number().int(),
  /** Inventory rows refused, each with its reason (English); the good rows are still bundled. */
  refused: z.array(z.string()),
  /**
   * `refused`, index for index, for the reader's language: a row's cell or name problem as a core
   * message (`inventory.…`, `bundle.row-repeat`), its load errors and rule findings as diagnostics.
   */
  refusedSaid: z
    .array(z.strictObject({ row: z.number().int(), column: z.string().optional(), said: MessageSchema.optional(), diagnostics: z.array(DiagnosticSchema).optional() }))
    .optional(),
  /** The manifest of a single bundle. */
  manifest: BundleManifestSchema.optional(),
});

export const BundleKeysSchema = z.strictObject({
  /** This machine's public key line (hotpair-ed25519 <base64> <fingerprint>) to hand to appliers. */
  own: z.strictObject({ line: z.string(), fingerprint: z.string() }).optional(),
  trusted: z.array(z.string()),
});

const ApplyDevice = z.strictObject({
  /** Overrides the bundle's connect URL (e.g. the serial port on this laptop). */
  url: z.string().min(1).max(500).optional(),
  password: z.string().max(256).optional(),
  credentialId: z.string().max(64).optional(),
  acceptHostKey: z.string().max(128).optional(),
});

export const bundlesChannels = {
  'bundles.create': { input: BundleCreateInputSchema, output: BundleCreateOutputSchema, summary: 'Sign a bundle (or one per inventory row) for download' },
  'bundles.keys': { input: z.strictObject({}), output: BundleKeysSchema, summary: 'This machine\'s public key and the keys trusted to sign bundles' },
  'bundles.import': {
    input: z.strictObject({
      /** A public key line as `hotpair bundle key export` prints it. */
      publicKey: z.string().min(1).max(1000),
      /** The fingerprint the user compared with the creator; absent = only show it. */
      confirmFingerprint: z.string().max(128).optional(),
    }),
    output: z.strictObject({ fingerprint: z.string(), trusted: z.boolean() }),
    summary: "Trust a creator's public key, after the user has checked its fingerprint",
  },
  'bundles.verify': { input: BundleFileSchema, output: BundleVerifySchema, summary: 'Check members and signature: a verdict, not an error' },
  'bundles.show': { input: BundleFileSchema, output: BundleShowSchema, summary: 'The manifest of an intact bundle (an untrusted signer is shown as such)' },
  'bundles.apply': {
    input: z.strictObject({
      opId: OpIdSchema,
      bundle: BundleFileSchema,
      a: ApplyDevice.default({}),
      b: ApplyDevice.default({}),
      /** Opens the device passwords the bundle carries (secrets.enc). */
      bundlePassphrase: z.string().max(256).optional(),
      rollback: z.boolean().default(true),
      dryRun: z.boolean().default(false),
    }),
    output: z.strictObject({
      verified: z.boolean(),
      saved: z.boolean(),
      outcome: z.string(),
      journal: z.string(),
      /** The English; `said` is the same in parts (outcome, error findings, the run's error) for the reader's language. */
      message: z.string(),
      said: z.strictObject({ outcome: MessageSchema, findings: z.array(DiagnosticSchema), error: ErrorInfoSchema.optional() }).optional(),
    }),
    summary: 'Commission the pair of a verified, trusted bundle (op: progress per stage and line, Cancel rolls back)',
  },
} as const;
