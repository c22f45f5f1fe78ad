/** The worker's cold start ÷ warm, and where a cold start's time goes (its own performance marks). */
import type { Harness } from '../../e2e/harness.ts';
import { type BenchState, benchState } from './probes.ts';
import { COLD_SAMPLES, VERBOSE } from './settings.ts';
import { ms } from './stats.ts';

/**
 * The worker's cold start: the popup opened with an issue key in its URL, first result painted, with the worker
 * stopped first (cold) or running (warm). Each open asks for a key not asked before, so no cache answers.
 */
export async function measureColdStart(h: Harness) {
  let issue = 0;
  const settle = () => new Promise((r) => setTimeout(r, 150));
  const open = async (cold: boolean) => {
    issue += 1;
    if (cold) await h.killWorker();
    else await h.worker();
    await settle();
    const p = await h.openPopupPage(`ABC-T-${issue}`);
    await p.waitForFunction(() => (window as unknown as { __bench: BenchState }).__bench.resultFrame >= 0, undefined, { timeout: 30_000 });
    const at = (await benchState(p)).resultFrame;
    await p.close();
    if (cold) {
      // ms from the worker's start (its time origin) to the end of its top-level code: src/background/index.ts.
      const [evaluating = -1, ready = -1] = await (await h.worker()).evaluate(() => ['space-lookup:evaluating', 'space-lookup:listening']
        .map((name) => performance.getEntriesByName(name)[0]?.startTime ?? -1));
      if (evaluating >= 0 && ready >= 0 && sampling) {
        loaded.push(evaluating);
        listening.push(ready);
      }
    }
    return at;
  };
  const loaded: number[] = [];
  const listening: number[] = [];
  let sampling = false;
  const cold: number[] = [];
  const warm: number[] = [];
  const ratios: number[] = [];
  const WARM_UP = 1;
  for (let i = -WARM_UP; i < COLD_SAMPLES; i++) {
    sampling = i >= 0;
    let c: number;
    let w: number;
    if (i % 2 === 0) {
      c = await open(true);
      w = await open(false);
    } else {
      w = await open(false);
      c = await open(true);
    }
    if (VERBOSE) console.log(`cold-start pair ${i}${i < 0 ? ' (warm-up)' : ''}: cold ${ms(c)}, warm ${ms(w)}`);
    if (i < 0) continue;
    cold.push(c);
    warm.push(w);
    ratios.push(c / w);
  }
  return { cold, warm, ratios, loaded, listening };
}
