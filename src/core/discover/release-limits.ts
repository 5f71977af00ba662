/**
 * What a discovered software cannot do for hot backup, as data: the Comware generation RBM
 * needs, and the releases whose vendor guide leaves out features a pair file may use. A release
 * newly found wanting is one more row here, not a new branch in the preflight.
 */
export type RbmFeature = 'mirroring' | 'virtual-ip' | 'management-interface' | 'interface-monitoring';

export const FEATURE_LABELS: Record<RbmFeature, string> = {
  mirroring: 'mirroring mode',
  'virtual-ip': 'virtual-IP association',
  'management-interface': 'a management interface for mirroring mode',
  'interface-monitoring': 'interface monitoring',
};

export interface ReleaseLimit {
  /** Matched against the release as `display version` prints it ("Release 9620P06", "ESS 9620"). */
  release: RegExp;
  lacks: readonly RbmFeature[];
  /** The document that shows the absence, named in the finding so the engineer can check it. */
  source: string;
  /**
   * The release's guide names the manual operation "primary/secondary member switchover": it may
   * swap the roles, and so the direction of configuration sync, rather than the running states.
   */
  switchoverSwapsRoles?: boolean;
}

export const RELEASE_LIMITS: readonly ReleaseLimit[] = [
  {
    // The 2020 SecPath F50X0-D/F5000-AK R9620 RBM guide has none of these tasks; the 2025 guides have all.
    release: /^(?:Release|ESS|R)\s*9620(?:P\d+)?$/i,
    lacks: ['mirroring', 'virtual-ip', 'management-interface', 'interface-monitoring'],
    source: 'the H3C SecPath F5000-AK R9620 RBM configuration guide (2020)',
    switchoverSwapsRoles: true,
  },
];

/** The row describing what `release` lacks, if any. */
export function releaseLimit(release: string | undefined): ReleaseLimit | undefined {
  const r = release?.trim();
  return r ? RELEASE_LIMITS.find((l) => l.release.test(r)) : undefined;
}

/** RBM (remote-backup group) exists on Comware V7 only. */
export const RBM_COMWARE_MAJOR = 7;

/** The Comware generation from the version `display version` prints ("7.1.064" → 7, "5.20" → 5). */
export function comwareMajor(version: string | undefined): number | undefined {
  const m = /^\s*(\d+)\./.exec(version ?? '');
  return m ? Number(m[1]) : undefined;
}
