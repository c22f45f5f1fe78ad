import { statusWithBadge } from '../badge.ts';
import type { Handler } from '../router.ts';

/**
 * What pages may know about the connection (never the token). The popup asks on every open: a cheap moment
 * to bring the badge in line (e.g. permission revoked) — and to apply the organization's managed settings to the
 * stored connection, so a new policy binds it within one status read even if its change event never came.
 */
export const handleStatus: Handler<'status'> = (_request, { platform }) => statusWithBadge(platform, { applyPolicy: true });
