/** What the benchmark measures with, in one place (the method notes are in cli.ts). */
import { join } from 'node:path';
import { ROOT } from '../../e2e/paths.ts';

export const LATENCY_MS = 300;
export const KEY_DELAY_MS = 50;
/** Pairs of (blank, popup) opens; even, so both orders are sampled equally. */
export const RENDER_SAMPLES = 20;
/** Chromium's per-host socket limit for HTTP/1.1 (net::ClientSocketPoolManager, normal pool). */
export const HTTP1_CONNECTIONS_PER_HOST = 6;
export const TYPING_QUERIES = ['jonathan', 'whitaker', 'amsterdam', 'telemetry', 'backend'];
/** Per process, so two benchmarks can run side by side. */
export const BENCH_EXT = join(ROOT, '.tmp', `bench-ext-${process.pid}`);
/** Pairs of (cold, warm) popup opens for the worker's cold start; even, so both orders are sampled equally. */
export const COLD_SAMPLES = 10;
export const SECTIONS = ['typing', 'h2', 'render', 'cold', 'home'] as const;
export type Section = (typeof SECTIONS)[number];
/** The popup's HTML shell without scripts, added to the measured copy of the extension. */
export const BLANK_PAGE = 'bench-blank.html';
export const VERBOSE = process.argv.includes('--verbose');
