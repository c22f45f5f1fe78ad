/** Construction and input checks of the client that need no server: nothing here is sent anywhere. */
import { describe, expect, it } from 'vitest';
import { createSpaceClient } from './client.ts';
import { SpaceError } from './errors.ts';

// Every call below must fail before fetching; a fetch that throws proves it was never reached.
const noFetch: typeof fetch = () => {
  throw new Error('fetch must not be called');
};

describe('createSpaceClient', () => {
  it.each([
    ['https://space.example.com/', 'not-canonical'],
    ['space.example.com', 'not-canonical'],
    ['http://space.example.com', 'insecure-http'],
    ['ftp://space.example.com', 'unsupported-scheme'],
    ['', 'empty'],
  ])('refuses the origin %j (%s)', (origin, reason) => {
    try {
      createSpaceClient({ origin, token: 't', fetch: noFetch });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SpaceError);
      expect(e).toMatchObject({ code: 'invalid-url', reason });
    }
  });

  it('exposes the canonical origin', () => {
    expect(createSpaceClient({ origin: 'http://127.0.0.1:8084', token: 't', fetch: noFetch }).origin).toBe('http://127.0.0.1:8084');
  });
});

describe('input that can name nothing fails without a request', () => {
  const api = createSpaceClient({ origin: 'https://space.example.com', token: 't', fetch: noFetch });
  it('avatar(".") → not-found (a rejected promise, never a synchronous throw)', async () => {
    const pending = api.avatar('.');
    expect(pending).toBeInstanceOf(Promise);
    await expect(pending).rejects.toMatchObject({ code: 'not-found' });
  });
});
