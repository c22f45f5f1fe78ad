/**
 * Who a request's Bearer token belongs to: the server's personal tokens (DEMO_TOKEN or the one given, and any added
 * with `addToken`), minus those revoked through `DELETE …/permanent-tokens/current`, plus the OAuth access tokens
 * oauth.ts issued. Failure descriptions are invented ([U] in space-api.md §5).
 */
import type { Dataset } from './dataset.ts';
import type { DemoOAuth } from './oauth.ts';
import type { MemberProfile } from './world-types.ts';
import type { DemoRequest } from './transport.ts';

export type Authentication = { viewer: MemberProfile; token: string } | { failure: string };

export class TokenRegistry {
  /** token → owner's user name (lower case). */
  private readonly tokens = new Map<string, string>();
  private readonly revoked = new Set<string>();

  /** `dataset`: the organization the tokens' owners are looked up in; replaced when the server rebuilds it. */
  constructor(public dataset: Dataset, private readonly oauth: DemoOAuth, primaryToken: string) {
    this.tokens.set(primaryToken, dataset.demoUser.username.toLowerCase());
  }

  /** An extra valid personal token; the owner defaults to the demo user. */
  add(token: string, username?: string): void {
    const owner = (username ?? this.dataset.demoUser.username).toLowerCase();
    if (!this.dataset.profileByUsername.has(owner)) throw new TypeError(`no profile with user name '${username}'`);
    if (token.trim() === '') throw new TypeError('token must not be empty');
    this.tokens.set(token, owner);
    this.revoked.delete(token);
  }

  revoke(token: string): void {
    this.revoked.add(token);
  }

  /** The owner of the request's valid token, or the reason it is not valid. */
  authenticate(req: DemoRequest): Authentication {
    const header = req.headers.authorization;
    if (!header) return { failure: 'Authentication required' };
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) return { failure: 'Unsupported authorization scheme; use a Bearer token' };
    const token = match[1] as string;
    if (this.revoked.has(token)) return { failure: 'Access token has been revoked' };
    const issued = this.oauth.authenticate(token);
    if (issued && 'failure' in issued) return issued;
    const owner = issued?.username ?? this.tokens.get(token);
    const viewer = owner ? this.dataset.profileByUsername.get(owner) : undefined;
    if (!viewer) return { failure: 'Invalid access token' };
    return { viewer, token };
  }
}
