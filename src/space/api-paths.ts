/**
 * Paths under `/api/http` (except `attachment`) of the endpoints every kind shares (space-api.md §2a), and the
 * two ways a kind's own paths put a value in a path: a raw segment and a typed identifier (`key:`, `username:`).
 * Identifier prefixes stay literal; every value is percent-encoded, so user input can never add a path segment
 * or a query. A kind's own paths are in its folder (`src/kinds/<kind>/space.ts`).
 */
import { SpaceError } from './errors.ts';
import { encodeComponent } from './uri-component.ts';

/** A raw id segment. Empty or dot segments would change the path itself, so they can't name anything. */
export function pathSegment(value: string): string {
  if (value === '' || value === '.' || value === '..') {
    throw new SpaceError('not-found', { reason: 'empty-id' });
  }
  return encodeComponent(value);
}

/** `key:ABC`, `username:alex` — a typed identifier segment. */
export function pathIdent(prefix: string, value: string): string {
  if (value === '') throw new SpaceError('not-found', { reason: 'empty-id' });
  return `${prefix}:${encodeComponent(value)}`;
}

/** A member's profile (`username:{name}`); `me` is the token's owner. */
export const profilePath = (username: string) => `/team-directory/profiles/${pathIdent('username', username)}`;

export const paths = {
  me: '/team-directory/profiles/me',
  revokeCurrentToken: '/team-directory/profiles/me/permanent-tokens/current',
  /** `/d/{attachmentId}`: avatars and other attachments [C]; on the origin itself, not under `/api/http`. */
  attachment: (id: string) => `/d/${pathSegment(id)}`,
} as const;
