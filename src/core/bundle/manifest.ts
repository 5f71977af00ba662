import { z } from 'zod';

/**
 * An offline bundle (.hpb): a zip of named members followed by an Ed25519 signature over every
 * byte of the zip. The manifest lists each member's SHA-256 so a refusal can name the member that
 * changed; the whole-file signature makes any other byte change (zip headers, timestamps) fatal too.
 */
export const BUNDLE_FORMAT = 'hotpair-bundle';
export const BUNDLE_FORMAT_VERSION = 1;

export const LIMITS = {
  fileBytes: 16 * 1024 * 1024,
  memberBytes: 2 * 1024 * 1024,
  totalBytes: 8 * 1024 * 1024,
  members: 32,
} as const;

export const MemberEntry = z.strictObject({
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
});

export const Manifest = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.number().int(),
  pair: z.strictObject({ name: z.string(), mode: z.string(), sysnames: z.strictObject({ a: z.string(), b: z.string() }) }),
  platform: z.strictObject({ id: z.string(), version: z.string() }),
  tool: z.strictObject({ name: z.string(), version: z.string() }),
  createdAt: z.string(),
  signer: z.strictObject({ publicKey: z.string(), fingerprint: z.string() }),
  secrets: z.boolean(),
  members: z.array(MemberEntry),
});
export type Manifest = z.infer<typeof Manifest>;
export type MemberEntry = z.infer<typeof MemberEntry>;

/** The members every bundle carries; secrets.enc is optional. */
export const REQUIRED_MEMBERS = ['pair.json', 'pack.json', 'a.cfg', 'b.cfg', 'a.undo.cfg', 'b.undo.cfg', 'verify.json'] as const;
export const OPTIONAL_MEMBERS = ['secrets.enc'] as const;
export const MANIFEST_MEMBER = 'manifest.json';

/**
 * A member name must stay inside the bundle: no absolute paths, no `..`, no backslashes or drive
 * letters, no control characters. Returns the reason it is refused, or null when it is fine.
 */
export function memberNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 128) return 'empty or over 128 characters';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'absolute path';
  if (name.includes('\\')) return 'backslash in name';
  if (name.split('/').some((p) => p === '..' || p === '.' || p === '')) return 'escapes the bundle (.. or empty segment)';
  if (/[\x00-\x1f\x7f]/.test(name)) return 'control character in name';
  if (!/^[A-Za-z0-9._/-]+$/.test(name)) return 'characters outside A-Z a-z 0-9 . _ - /';
  return null;
}
