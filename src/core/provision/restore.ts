/**
 * The second pass of a rollback: when undoing the applied lines did not bring a device back to
 * its pre-push copy (configuration backup rewrote part of it — in mirroring mode the primary's
 * addresses and users overwrite the secondary's — or an undo form was refused), type what the
 * comparison names: a missing line again, in its view, and the undo form of a line left over.
 */
import { fill, type PlatformPack } from '../platforms/pack';
import { ENTERS } from '../render/emit';
import { parseCommand } from '../render/templates';

const SEP = ' > ';

/** Lists typed from system view, for differences as configDifferences reports them. */
export function restoreLists(differences: readonly string[], pack: PlatformPack): { lists: string[][]; unknown: string[] } {
  const quit = pack.session.quit;
  const extra: string[][] = [];
  const missing: string[][] = [];
  const unknown: string[] = [];
  for (const d of differences) {
    const sign = d.slice(0, 2);
    const path = d.slice(2).split(SEP);
    if (path.length > 2 || (sign !== '- ' && sign !== '+ ')) {
      unknown.push(d);
      continue;
    }
    const [header, child] = path as [string, string | undefined];
    if (sign === '- ') {
      missing.push(child === undefined ? [header, quit] : [header, child, quit]);
      continue;
    }
    const view = child === undefined ? 'system' : (ENTERS[parseCommand(pack, header, 'system')?.key ?? ''] ?? 'system');
    const p = parseCommand(pack, child ?? header, view);
    const undo = p && !p.negated ? pack.commands[p.key]?.undo : undefined;
    if (!p || undo === undefined) {
      unknown.push(d);
      continue;
    }
    const u = fill(undo, p.values);
    extra.push(child === undefined ? [u] : [header, u, quit]);
  }
  // Left-over lines go first: a missing single-valued setting typed again then replaces nothing twice.
  return { lists: [...extra, ...missing], unknown };
}
