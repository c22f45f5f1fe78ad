import { readSettings } from '../settings-store.ts';
import type { Handler } from '../router.ts';

export const handleSettingsGet: Handler<'settings-get'> = (_request, { platform }) => readSettings(platform);
