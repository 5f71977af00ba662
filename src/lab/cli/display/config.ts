import { renderGlobal, renderInterface, renderObjectGroup, renderRbm, renderTrack, renderUser } from '../../device/render';
import type { CommandSpec, Ctx } from '../types';

/** `display this`: the configuration of the current view, between `#` lines as Comware prints it. */
function thisView(ctx: Ctx): string[] {
  const { cfg, view } = ctx;
  let body: string[][] = [];
  switch (view.kind) {
    case 'user':
    case 'system':
      body = renderGlobal(cfg);
      break;
    case 'interface': {
      const i = cfg.interfaces.find((x) => x.name === view.id);
      body = i ? [renderInterface(i)] : [];
      break;
    }
    case 'rbm':
      body = cfg.rbm ? [renderRbm(cfg.rbm)] : [];
      break;
    case 'track': {
      const t = cfg.tracks.find((x) => String(x.id) === view.id);
      body = t ? [renderTrack(t)] : [];
      break;
    }
    case 'objgroup': {
      const g = cfg.objectGroups.find((x) => x.name === view.id);
      body = g ? [renderObjectGroup(g)] : [];
      break;
    }
    case 'luser': {
      const u = cfg.users.find((x) => x.name === view.id);
      body = u ? [renderUser(u)] : [];
      break;
    }
  }
  const out: string[] = [];
  for (const s of body) out.push('#', ...s);
  out.push('#', 'return');
  return out;
}

export const CONFIG_DISPLAYS: CommandSpec[] = [
  { syntax: 'display current-configuration', views: 'any', run: (ctx) => ctx.device.currentConfig() },
  { syntax: 'display saved-configuration', views: 'any', run: (ctx) => ctx.device.savedConfig() },
  { syntax: 'display startup', views: 'any', run: (ctx) => ctx.device.startupLines() },
  { syntax: 'display this', views: 'any', run: thisView },
];
