/**
 * Issues a dashboard/API token signed with VIGIL_AUTH_SECRET, under the same rule as every Vigil
 * process: outside demo mode (VIGIL_DEMO=on) it refuses a missing, demo or short secret.
 *   npm run token -- police pc-1234
 *   npm run token -- partner sbc-duty stevenage
 *   npm run token -- contractor eurovia-1
 */
import { Role, signToken } from '@vigil/auth';
import { demoBanner, exitOnStartupFailure, loadPlatformConfig, PlatformConfig } from '@vigil/config';
import { findPartner } from '@vigil/contracts';

const ROLES: Role[] = ['police', 'operator', 'partner', 'contractor'];
const [role, subject, partnerId] = process.argv.slice(2) as [Role, string, string | undefined];
if (!ROLES.includes(role) || !subject || (role === 'partner' && !findPartner(partnerId ?? ''))) {
  process.stderr.write(`usage: npm run token -- <${ROLES.join('|')}> <who> [partner id, for role partner]\n`);
  process.exit(2);
}
function loadConfig(): PlatformConfig {
  try {
    return loadPlatformConfig(process.env);
  } catch (error) {
    return exitOnStartupFailure(error);
  }
}

const hours = 12;
const config = loadConfig();
// The token alone goes to stdout, so scripts can capture it; the warning goes beside it.
process.stderr.write(demoBanner(config) ?? '');
const token = signToken({ subject, role, ...(role === 'partner' ? { partnerId } : {}) }, config.authSecret, hours * 3600);
process.stdout.write(`${token}\n`);
