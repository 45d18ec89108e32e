import { useEffect, useState } from 'preact/hooks';

/** The time, ticking every `ms`: one timer for the whole board, so every waiting time moves together. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
