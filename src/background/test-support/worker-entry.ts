/**
 * The worker entry (background/index.ts) loaded the way the browser loads it, for tests that exercise the module
 * itself rather than its handlers: one demo server for the test file, and the fake browser installed as the global
 * `chrome` and `browser` namespaces (webextension-polyfill hands an existing `browser` namespace out as is, as in
 * Firefox), removed again after the file.
 */
import { afterAll, beforeAll, vi } from 'vitest';
import { startDemoServer, type DemoServer } from '../../../scripts/demo-space/server.ts';
import type { FakeBrowser } from '../../shared/test-support/fake-browser.ts';

export interface WorkerEntry {
  /** The file's demo server; read it inside hooks and tests (it starts in beforeAll). */
  readonly server: DemoServer;
  /**
   * Stops the worker (listeners and memory gone, storage kept) and evaluates the entry module again, as the
   * browser does when it wakes a stopped service worker.
   */
  start(): Promise<void>;
}

export function useWorkerEntry(fake: FakeBrowser): WorkerEntry {
  let server: DemoServer | undefined;
  beforeAll(async () => {
    server = await startDemoServer();
    Object.assign(globalThis, { chrome: fake.namespace, browser: fake.namespace });
  });
  afterAll(async () => {
    await server?.close();
    Reflect.deleteProperty(globalThis, 'chrome');
    Reflect.deleteProperty(globalThis, 'browser');
  });
  return {
    get server() {
      if (!server) throw new Error('the demo server starts in beforeAll');
      return server;
    },
    async start() {
      fake.stopWorker();
      vi.resetModules();
      await import('../index.ts');
    },
  };
}
