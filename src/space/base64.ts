/**
 * Base64 of bytes (RFC 4648 §4) with the platform's own `btoa`: no Buffer, so it runs in the service worker. In
 * chunks, because `String.fromCharCode(...bytes)` takes only so many arguments (a picture is tens of kilobytes).
 */
export function base64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}
