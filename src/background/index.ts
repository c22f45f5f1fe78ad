/**
 * The service worker (an event page in Firefox): wiring only.
 *
 * Every listener is registered synchronously at the top level, so an event that wakes a stopped worker is
 * delivered. Nothing that matters is kept in memory between events: the connection, auth state, caches and
 * the last view live in storage, and the worker may be stopped at any moment.
 */
import './boot-mark.ts';
import browser from 'webextension-polyfill';
import { createSpaceClient } from '../space/client.ts';
import { refreshBadge } from './badge.ts';
import { browserPlatform } from './browser-platform.ts';
import { restrictStorageAccess } from './storage-access.ts';
import { handleContextMenuClick } from './context-menu.ts';
import { handlers } from './handlers/index.ts';
import { onInstalled, onStartup } from './install.ts';
import { handleOmniboxEnter, handleOmniboxInput, setDefaultSuggestion } from './omnibox.ts';
import type { Deps } from './platform.ts';
import { applyPolicyToStored } from './policy.ts';
import { createRouter } from './router.ts';
import { acceptLookupPort } from './search/port.ts';
import { handleAlarm } from './waiting-alarm.ts';

const platform = browserPlatform(browser);
const deps: Deps = { platform, createClient: createSpaceClient, now: () => Date.now() };
const route = createRouter(handlers, deps);
const ignore = () => undefined;

// Returning the Promise makes the polyfill answer exactly once; the router never rejects.
browser.runtime.onMessage.addListener((message: unknown, sender: unknown) => route(message, sender));
browser.runtime.onConnect.addListener((port) => acceptLookupPort(port, deps));

browser.runtime.onInstalled.addListener((details) => { onInstalled(platform, details).catch(ignore); });
browser.runtime.onStartup.addListener(() => { onStartup(platform).catch(ignore); });

browser.contextMenus.onClicked.addListener((info, tab) => { handleContextMenuClick(deps, info, tab).catch(ignore); });

// The opt-in toolbar count's schedule (waiting-schedule.ts): the alarm wakes a stopped worker.
browser.alarms.onAlarm.addListener((alarm) => { handleAlarm(deps, alarm).catch(ignore); });

browser.omnibox.onInputStarted.addListener(() => setDefaultSuggestion(platform));
browser.omnibox.onInputChanged.addListener((text, suggest) => { handleOmniboxInput(deps, text, suggest).catch(ignore); });
browser.omnibox.onInputEntered.addListener((text, disposition) => {
  handleOmniboxEnter(deps, text, disposition).catch(ignore);
});

// Firefox users can revoke host access at any time (and grant it back): the badge follows.
browser.permissions.onRemoved.addListener(() => { refreshBadge(platform).catch(ignore); });
browser.permissions.onAdded.addListener(() => { refreshBadge(platform).catch(ignore); });

// The organization's managed settings bind the stored connection: a policy set or changed while the browser runs
// applies at once (the event wakes a stopped worker), not at the next start. Every other area's change is ignored.
const applyPolicy = () => { applyPolicyToStored(platform).then(() => refreshBadge(platform)).catch(ignore); };
browser.storage.onChanged.addListener((_changes, area) => { if (area === 'managed') applyPolicy(); });

restrictStorageAccess(platform).catch(ignore);
// The managed settings may also have changed while the worker slept (it wakes often: 30 s idle).
applyPolicy();

// Read by the benchmark (scripts/bench/cold-start.ts): when, after the worker started, its code had loaded and
// every listener above was registered — what the size of this bundle costs each wake-up.
performance.mark('space-lookup:listening');
