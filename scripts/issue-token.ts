/**
 * Issues a dashboard/API token signed with VIGIL_AUTH_SECRET.
 *   npm run token -- police pc-1234
 *   npm run token -- partner sbc-duty stevenage
 *   npm run token -- contractor eurovia-1
 */
import { Role, signToken } from '@vigil/auth';
import { loadPlatformConfig } from '@vigil/config';
import { findPartner } from '@vigil/contracts';

const ROLES: Role[] = ['police', 'operator', 'partner', 'contractor'];
const [role, subject, partnerId] = process.argv.slice(2) as [Role, string, string | undefined];
if (!ROLES.includes(role) || !subject || (role === 'partner' && !findPartner(partnerId ?? ''))) {
  process.stderr.write(`usage: npm run token -- <${ROLES.join('|')}> <who> [partner id, for role partner]\n`);
  process.exit(2);
}
const hours = 12;
const token = signToken({ subject, role, ...(role === 'partner' ? { partnerId } : {}) }, loadPlatformConfig(process.env).authSecret, hours * 3600);
process.stdout.write(`${token}\n`);
