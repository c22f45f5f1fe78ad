/** Sign-out in Space: the refresh token forgotten by Space itself, so a copy left anywhere is worthless. */
import { OAUTH_PATHS, oauthHttp, type OAuthCall } from './endpoints.ts';

export interface RevokeParams extends OAuthCall {
  /** A current access token of this sign-in (refresh first if it has expired). */
  accessToken: string;
}

/**
 * `DELETE /api/http/team-directory/profiles/oauth-consents/me/refresh-tokens/self` with the access token. One
 * attempt, an API call like any other, so its errors are `SpaceError`s. Sign-out should forget both tokens locally
 * whatever this answers.
 */
export async function revokeRefreshToken(params: RevokeParams): Promise<void> {
  const http = oauthHttp(params, params.accessToken);
  await http.delete({ path: OAUTH_PATHS.revokeSelf, op: 'revokeToken', ...(params.signal ? { signal: params.signal } : {}) });
}
