"use client";

import { useEffect, useState } from "react";

/**
 * A module fetched right after hydration instead of with the page: for code that is only needed once
 * someone interacts (a dialog, a menu), so that it does not count in the page's first load. Null
 * until it arrives. `load` must be a stable, module-level function: `() => import("./dialog")`.
 */
export function useAfterHydration<T>(load: () => Promise<T>): T | null {
  const [loaded, setLoaded] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    load().then((module) => {
      if (live) setLoaded(() => module);
    });
    return () => {
      live = false;
    };
  }, [load]);
  return loaded;
}
