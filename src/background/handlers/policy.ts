import { readPolicy } from '../policy.ts';
import type { Handler } from '../router.ts';

/** The organization's managed settings, for Options to show locked (the worker enforces them itself). */
export const handlePolicy: Handler<'policy'> = (_request, { platform }) => readPolicy(platform);
