import { handleDirectoryRefresh, handleDirectoryStatus } from '../directory/handlers.ts';
import type { Handlers } from '../router.ts';
import { handleAvatar } from './avatar.ts';
import { handleConnect } from './connect.ts';
import { handleDetails } from './details.ts';
import { handleForget } from './forget.ts';
import { handleOAuthStart } from './oauth-start.ts';
import { handlePin } from './pin.ts';
import { handlePolicy } from './policy.ts';
import { handleProjects } from './projects.ts';
import { handleRemember } from './remember.ts';
import { handleSettingsGet } from './settings-get.ts';
import { handleSettingsSet } from './settings-set.ts';
import { handleStatus } from './status.ts';
import { handleVerify } from './verify.ts';
import { handleWaiting } from './waiting.ts';

/** One handler per request type; the mapped type makes a missing one a compile error. */
export const handlers: Handlers = {
  status: handleStatus,
  connect: handleConnect,
  'oauth-start': handleOAuthStart,
  policy: handlePolicy,
  verify: handleVerify,
  forget: handleForget,
  details: handleDetails,
  avatar: handleAvatar,
  'settings-get': handleSettingsGet,
  'settings-set': handleSettingsSet,
  projects: handleProjects,
  'directory-status': handleDirectoryStatus,
  'directory-refresh': handleDirectoryRefresh,
  remember: handleRemember,
  pin: handlePin,
  waiting: handleWaiting,
};
