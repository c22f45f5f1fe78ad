import { useEffect, useState } from 'preact/hooks';

/** The current time, refreshed every `everyMs` while the component is mounted ("3 minutes ago", local times). */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
