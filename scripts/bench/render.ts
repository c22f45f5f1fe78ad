/** Popup first render ÷ a blank page of the same extension: the popup's shell without its scripts. */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFirstFrame } from '../../e2e/first-frame.ts';
import type { Harness } from '../../e2e/harness.ts';
import { DIST } from '../../e2e/paths.ts';
import { type BenchState, benchState } from './probes.ts';
import { BENCH_EXT, BLANK_PAGE, RENDER_SAMPLES, VERBOSE } from './settings.ts';
import { ms } from './stats.ts';

/** dist/ plus a blank page made of the popup's HTML shell (stylesheets kept, scripts removed). */
export function prepareExtension(): void {
  rmSync(BENCH_EXT, { recursive: true, force: true });
  cpSync(DIST, BENCH_EXT, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(BENCH_EXT, 'manifest.json'), 'utf8'));
  const shell = readFileSync(join(BENCH_EXT, manifest.action.default_popup), 'utf8')
    .replace(/<script\b[^>]*><\/script>\s*/gi, '')
    .replace(/<link\b[^>]*rel="modulepreload"[^>]*>\s*/gi, '');
  writeFileSync(join(BENCH_EXT, BLANK_PAGE), shell);
}


/** Popup first render ÷ blank extension page: pairs of cold tab opens, alternating which goes first. */
export async function measureRender(h: Harness) {
  const popupFrames: number[] = [];
  const popupMarks: number[] = [];
  const blankFrames: number[] = [];
  const ratios: number[] = [];
  // Each open starts from a quiet browser: the previous tab's teardown must not land in the next page's timing.
  const settle = () => new Promise((r) => setTimeout(r, 150));
  const openBlank = async () => {
    await settle();
    const blank = await h.context.newPage();
    await blank.goto(h.extUrl(BLANK_PAGE));
    await blank.waitForFunction(() => (window as unknown as { __bench: BenchState }).__bench.contentFrame >= 0);
    const at = (await benchState(blank)).contentFrame;
    await blank.close();
    return at;
  };
  const openPopup = async () => {
    await settle();
    const p = await h.openPopupPage();
    await p.waitForFunction(() => (window as unknown as { __bench: BenchState }).__bench.contentFrame >= 0);
    const at = (await benchState(p)).contentFrame;
    const mark = (await readFirstFrame(p)).ms;
    await p.close();
    return { at, mark };
  };
  const WARM_UP = 2;
  for (let i = -WARM_UP; i < RENDER_SAMPLES; i++) {
    // The warm-up pairs compile and cache both pages' resources and are not counted.
    let blank: number;
    let popup: { at: number; mark: number };
    if (i % 2 === 0) {
      blank = await openBlank();
      popup = await openPopup();
    } else {
      popup = await openPopup();
      blank = await openBlank();
    }
    if (VERBOSE) {
      console.log(`render pair ${i}${i < 0 ? ' (warm-up)' : ''}: ${i % 2 === 0 ? 'blank first' : 'popup first'}: blank ${ms(blank)}, popup ${ms(popup.at)} (mark ${ms(popup.mark)})`);
    }
    if (i < 0) continue;
    blankFrames.push(blank);
    popupFrames.push(popup.at);
    popupMarks.push(popup.mark);
    ratios.push(popup.at / blank);
  }
  return { popupFrames, popupMarks, blankFrames, ratios };
}

