import { andList, type Rule } from './diagnostic';

const ROUTING = ['ospf', 'isis', 'bgp', 'ospfv3'] as const;

/** Virtual-IP collaboration: switchover on uplink/downlink failure needs Track. */
const vipRequiresTrack: Rule = {
  id: 'vip.requires-track',
  summary: 'Floating IPs come with track entries.',
  severity: 'error',
  reason: 'You must associate RBM with Track in the network environment.',
  check: ({ pair }) =>
    pair.floatingIps.length > 0 && pair.track.length === 0
      ? [{ path: 'track', key: 'none', message: 'floating IPs are set but no track entry is associated, so a link failure causes no switchover', fix: 'add track entries for the uplink and downlink interfaces, e.g. track: [{ id: 1, interface: GigabitEthernet1/0/2 }]' }]
      : [],
};

/** Routing collaboration: cost adjustment follows the active/standby state, which only Track can change on link failure. */
const routingRequiresTrack: Rule = {
  id: 'routing.requires-track',
  summary: 'Routing cost adjustment comes with track entries.',
  severity: 'error',
  reason:
    'To use the hot backup system with routing protocols, you must use track entries to monitor the status of uplink and downlink interfaces for the hot backup system to perform an active/standby switchover when link or interface failure occurs.',
  check: ({ pair }) => {
    const used = ROUTING.filter((p) => pair.routing[p] !== undefined);
    return used.length > 0 && pair.track.length === 0
      ? [{ path: 'track', key: 'none', params: { protocols: used }, message: `${andList(used)} cost adjustment is set but no track entry watches the uplink and downlink interfaces`, fix: 'add track entries for the uplink and downlink interfaces' }]
      : [];
  },
};

/** Auto Sync Static routes: only meaningful where both devices forward with the same addresses. */
const staticRoutesScope: Rule = {
  id: 'static-routes.scope',
  summary: 'Static-route sync only in mirroring mode or with floating IPs.',
  severity: 'error',
  reason: 'Use this function only in mirroring mode or when hot backup and virtual IP addresses are used in combination to direct traffic.',
  check: ({ pair }) =>
    pair.configSync.staticRoutes && pair.mode !== 'mirroring' && pair.floatingIps.length === 0
      ? [{ path: 'configSync.staticRoutes', key: 'out-of-scope', params: { mode: pair.mode }, message: `static-route synchronisation is for mirroring mode or floating IPs; this ${pair.mode} pair has neither`, fix: 'set configSync.staticRoutes: false (configure static routes on each device)' }]
      : [],
};

export const collaborationRules: Rule[] = [vipRequiresTrack, routingRequiresTrack, staticRoutesScope];
