/**
 * One demo Space server for a client test file, started before and closed after it; faults, the request log,
 * restricted mode and source search are reset after every test so tests can't leak state into each other.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startDemoServer, type DemoServer } from '../../../scripts/demo-space/server.ts';

export function useDemoServer(): { readonly current: DemoServer } {
  const holder: { current: DemoServer } = { current: undefined as unknown as DemoServer };
  beforeAll(async () => {
    holder.current = await startDemoServer();
  });
  afterAll(async () => {
    await holder.current.close();
  });
  afterEach(() => {
    holder.current.clearFaults();
    holder.current.clearRequests();
    holder.current.setRestricted(false);
    holder.current.setSourceSearch(true);
  });
  return holder;
}
