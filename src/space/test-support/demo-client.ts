/**
 * The Space client the integration tests point at the demo server: its retry timings are cut so that a test which
 * makes the client retry (faults, 5xx, timeouts) still ends in milliseconds rather than Space's real back-off.
 */
import type { DemoServer } from '../../../scripts/demo-space/server.ts';
import type { SpaceApi, SpaceClientOptions } from '../api.ts';
import { createSpaceClient } from '../client.ts';

export function demoSpaceClient(server: DemoServer, overrides: Partial<SpaceClientOptions> = {}): SpaceApi {
  return createSpaceClient({
    origin: server.url,
    token: server.token,
    timeoutMs: 3000,
    retry: { retries: 2, baseDelayMs: 10, maxDelayMs: 40, totalBudgetMs: 3000 },
    ...overrides,
  });
}

/** The requests the server logged for one API path (`suffix` after /api/http), in the order they came. */
export const apiRequestsTo = (server: DemoServer, suffix: string) => server.requests.filter((r) => r.path === `/api/http${suffix}`);
