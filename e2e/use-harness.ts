import { afterAll, beforeAll } from 'vitest';
import { Harness, type HarnessOptions } from './harness.ts';

/**
 * Registers a suite's harness: the extension in a fresh browser with its own demo server, connected to it
 * when `connect` is set, closed after the suite. `use` receives it once started.
 */
export function useHarness(opts: HarnessOptions & { connect?: boolean }, use: (h: Harness) => void): void {
  let started: Harness | undefined;
  beforeAll(async () => {
    const { connect, ...harnessOptions } = opts;
    started = await Harness.start(harnessOptions);
    if (connect) await (await started.connect(started.origin, started.demo.token)).close();
    use(started);
  });
  afterAll(async () => {
    await started?.close();
  });
}
