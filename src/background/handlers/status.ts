import { statusWithBadge } from '../badge.ts';
import type { Handler } from '../router.ts';

/**
 * What pages may know about the connection (never the token). The popup asks on every open: a cheap moment
 * to bring the badge in line (e.g. permission revoked).
 */
export const handleStatus: Handler<'status'> = (_request, { platform }) => statusWithBadge(platform);
