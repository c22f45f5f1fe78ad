// Imported first by index.ts, so it runs first: by then the browser has started the worker and fetched, parsed
// and linked every module of the bundle; what follows is their top-level code. Read by the benchmark
// (scripts/bench/cold-start.ts) beside 'space-lookup:listening', to tell loading the bundle from running it.
performance.mark('space-lookup:evaluating');
