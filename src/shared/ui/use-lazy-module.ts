import { useEffect, useState } from 'preact/hooks';

/**
 * A chunk imported the first time `wanted` is true, then kept: null until it has loaded. Pages split by what
 * they show (Options: the connect form or the connection's panels), so a state that is never shown costs no
 * bytes; the import starts as soon as the state is known.
 */
export function useLazyModule<T>(load: () => Promise<T>, wanted: boolean): T | null {
  const [module, setModule] = useState<T | null>(null);
  useEffect(() => {
    if (!wanted || module) return;
    let live = true;
    // A namespace object is not a function, but the updater form keeps that from ever mattering.
    void load().then((m) => live && setModule(() => m));
    return () => {
      live = false;
    };
  }, [wanted]);
  return module;
}
