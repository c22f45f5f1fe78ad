/** PKCE (RFC 7636) and the `state` of an authorization request: WebCrypto only, no Buffer (runs in service workers). */
import { base64 } from '../base64.ts';

/** base64url without padding (RFC 4648 §5), as RFC 7636 uses it. */
export function base64url(bytes: Uint8Array): string {
  return base64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** RFC 7636 §4.1: 43–128 characters of `[A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~"`. */
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

export function isValidVerifier(verifier: string): boolean {
  return VERIFIER.test(verifier);
}

type RandomFill = (bytes: Uint8Array) => Uint8Array;
const cryptoRandom: RandomFill = (bytes) => crypto.getRandomValues(bytes);

/** 32 random bytes, base64url: 43 characters (RFC 7636 §4.1's recommendation; KT does the same, space-api.md §8). */
export function randomVerifier(random: RandomFill = cryptoRandom): string {
  return base64url(random(new Uint8Array(32)));
}

/** `BASE64URL(SHA256(ASCII(verifier)))` (RFC 7636 §4.2, S256). */
export async function pkceChallenge(verifier: string): Promise<string> {
  if (!isValidVerifier(verifier)) throw new TypeError('PKCE verifier must be 43–128 unreserved characters');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export interface Pkce {
  verifier: string;
  /** S256 challenge of `verifier`. */
  challenge: string;
}

export async function createPkce(random: RandomFill = cryptoRandom): Promise<Pkce> {
  const verifier = randomVerifier(random);
  return { verifier, challenge: await pkceChallenge(verifier) };
}

/** 16 random bytes, base64url (22 characters): the `state` that ties the redirect to this sign-in. */
export function randomState(random: RandomFill = cryptoRandom): string {
  return base64url(random(new Uint8Array(16)));
}
