import type { MaintenanceWindowChanged } from '@vigil/contracts';
import type { Matcher } from '../routing/matcher';

/** What a faults maintenance window covers: a camera, a site, or every camera of an owner. */
export type MaintenanceScope = MaintenanceWindowChanged['scope'];

/**
 * The alerts a faults window covers, as matchers on their labels (see faultLabels): a camera's
 * window the faults of that one camera; a site's the faults of its cameras and its site outage,
 * not a network outage (its `site` label is a network segment, and a segment is not the site);
 * an owner's every fault of its cameras. Incidents never (the maintenance muter skips them), and
 * source supervision carries none of these labels: a radio gateway is not a camera.
 */
export function maintenanceMatchers(scope: MaintenanceScope, target: string): Matcher[] {
  switch (scope) {
    case 'camera':
      return [{ label: 'camera', equals: target }];
    case 'site':
      return [
        { label: 'site', equals: target },
        { label: 'scope', notEquals: 'network' },
      ];
    case 'owner':
      return [{ label: 'owner', equals: target }];
  }
}
