/**
 * Settings the organization's administrator sets through browser policy (managed storage; the keys and their
 * meaning are in public/managed_schema.json, the README shows the Chrome and Firefox policy files):
 *
 *   spaceUrl          the only Space the extension may connect to
 *   signInMethods     "token", "oauth" or "both" (default): which ways of connecting are offered
 *   oauthClientId     the client ID of the organization's application for "Sign in with Space"
 *   forceSessionOnly  true: "forget when the browser closes" is always on
 *   localDirectory    false: no local directory (issue 16): nothing of the organization is kept, searches ask Space
 *
 * Read fresh for every request that connects (a policy may change at any time) and enforced here, in the worker:
 * the options page only shows them locked. Nothing managed is ever a secret.
 *
 * A value that can't be used is reported in `invalid`; an unusable `spaceUrl` or `signInMethods` refuses every
 * connect (failing closed: the administrator meant to restrict something), the others are ignored. The schema
 * (public/managed_schema.json) deliberately has no `enum` for `signInMethods`: Chromium drops a value that fails
 * the schema before the extension sees it, so a mistyped "Oauth" would arrive as no policy at all — open. Here it
 * arrives, and refuses.
 *
 * A policy binds the stored connection too (`applyPolicyToStored`): one it no longer allows is refused.
 */
import type { AppError, ManagedPolicy } from '../shared/protocol.ts';
import { LIMITS } from '../shared/protocol.ts';
import { normalizeBaseUrl } from '../space/base-url.ts';
import { WorkerError, workerErrors } from './app-error.ts';
import {
  dropConnectionSecrets, makeSessionOnly, readConnection, type ConnectionRecord, type StoredConnection,
} from './connection-store.ts';
import { releaseHostPermission } from './host-permission.ts';
import type { Platform } from './platform.ts';

const NO_POLICY: ManagedPolicy = Object.freeze({ origin: null, methods: 'both', clientId: null, sessionOnly: false, invalid: [] }) as ManagedPolicy;

/** Visible ASCII, no spaces: what a client ID looks like (checked for the managed one and for the message's). */
export const CLIENT_ID = /^[\x21-\x7e]{1,200}$/;

export function parsePolicy(values: Record<string, unknown>): ManagedPolicy {
  const invalid: string[] = [];
  let origin: string | null = null;
  const url = values.spaceUrl;
  if (url !== undefined) {
    const normalized = typeof url === 'string' && url.length <= LIMITS.url ? normalizeBaseUrl(url) : null;
    if (normalized?.ok) origin = normalized.origin;
    else invalid.push('spaceUrl');
  }
  let methods: ManagedPolicy['methods'] = 'both';
  const m = values.signInMethods;
  if (m !== undefined) {
    if (m === 'token' || m === 'oauth' || m === 'both') methods = m;
    else invalid.push('signInMethods');
  }
  let clientId: string | null = null;
  const c = values.oauthClientId;
  if (c !== undefined) {
    if (typeof c === 'string' && CLIENT_ID.test(c.trim())) clientId = c.trim();
    else invalid.push('oauthClientId');
  }
  let sessionOnly = false;
  const s = values.forceSessionOnly;
  if (s !== undefined) {
    if (typeof s === 'boolean') sessionOnly = s;
    else invalid.push('forceSessionOnly');
  }
  if (values.localDirectory !== undefined && typeof values.localDirectory !== 'boolean') invalid.push('localDirectory');
  return { origin, methods, clientId, sessionOnly, invalid };
}

/**
 * Whether the organization allows the local directory (`localDirectory`, default true). A value that is not a
 * boolean turns it off: the administrator meant to set something, and keeping less is the safe reading.
 */
export function localDirectoryAllowed(values: Record<string, unknown>): boolean {
  return values.localDirectory === undefined || values.localDirectory === true;
}

/** `localDirectoryAllowed` of the managed settings as they are now (none: allowed). */
export async function readLocalDirectoryAllowed(platform: Platform): Promise<boolean> {
  try {
    const values = await platform.storage.managed?.get('localDirectory');
    return localDirectoryAllowed(typeof values === 'object' && values !== null ? values : {});
  } catch {
    return true; // Firefox without a policy for the extension.
  }
}

/** The managed settings; none when the browser has no managed storage or no policy for the extension. */
export async function readPolicy(platform: Platform): Promise<ManagedPolicy> {
  const managed = platform.storage.managed;
  if (!managed) return { ...NO_POLICY, invalid: [] };
  let values: Record<string, unknown>;
  try {
    values = await managed.get(null);
  } catch {
    // Firefox rejects when no policy names the extension ("Managed storage manifest not found").
    return { ...NO_POLICY, invalid: [] };
  }
  return parsePolicy(typeof values === 'object' && values !== null ? values : {});
}

/**
 * Throws the `policy` failure when connecting to `origin` with `method` (and, for sign-in, `clientId`) is not
 * allowed. Returns whether session-only mode is forced.
 */
export function enforcePolicy(
  policy: ManagedPolicy,
  request: { origin: string; method: 'token' | 'oauth'; clientId?: string },
): { sessionOnly: boolean } {
  if (policy.invalid.includes('spaceUrl') || policy.invalid.includes('signInMethods')) throw workerErrors.policy('invalid');
  if (policy.methods !== 'both' && policy.methods !== request.method) throw workerErrors.policy('method');
  if (policy.origin !== null && policy.origin !== request.origin) throw workerErrors.policy('url', new URL(policy.origin).host);
  if (request.method === 'oauth' && policy.clientId !== null && request.clientId !== policy.clientId) throw workerErrors.policy('client-id');
  return { sessionOnly: policy.sessionOnly };
}

/**
 * Why `policy` refuses a stored connection, as the failure a new connect with its origin, method and client ID
 * would get (one rule for both: a connection is kept only while it could be made now); null when allowed. Forced
 * session-only is not a refusal: the secret moves to memory instead (`applyPolicyToStored`).
 */
export function storedRefusal(
  policy: ManagedPolicy,
  stored: Pick<ConnectionRecord, 'origin' | 'method' | 'clientId'>,
): AppError | null {
  try {
    enforcePolicy(policy, { origin: stored.origin, method: stored.method, ...(stored.clientId === null ? {} : { clientId: stored.clientId }) });
    return null;
  } catch (e) {
    if (e instanceof WorkerError) return e.error;
    throw e;
  }
}

/**
 * What the policy means for the connection already stored — run when the worker starts, when the managed
 * settings change (`storage.onChanged`, area `managed`) and on every status read, so a new policy applies
 * within one status read even if its change event was missed:
 *  - a connection the policy no longer allows (another Space, a method not allowed, an unusable `spaceUrl` or
 *    `signInMethods`) loses its secret and the host access of its origin; its record stays, and the status then
 *    says what the organization refused (badge, popup, Options: `readPageStatus`);
 *  - forced session-only moves its secret off disk at once.
 */
export async function applyPolicyToStored(platform: Platform): Promise<void> {
  const [policy, stored] = await Promise.all([readPolicy(platform), readConnection(platform)]);
  await applyPolicyTo(platform, policy, stored);
}

/** `applyPolicyToStored` for what the caller has just read; returns what is stored afterwards. */
export async function applyPolicyTo(platform: Platform, policy: ManagedPolicy, stored: StoredConnection): Promise<StoredConnection> {
  const { record } = stored;
  if (!record) return stored;
  if (storedRefusal(policy, record)) {
    // The check is repeated in the queue (by id): a connection saved since this read is not touched.
    if (await dropConnectionSecrets(platform, record.id)) await releaseHostPermission(platform, record.origin, null);
    return { record, token: null };
  }
  if (policy.sessionOnly && !record.sessionOnly && await makeSessionOnly(platform)) return { record: { ...record, sessionOnly: true }, token: stored.token };
  return stored;
}
