"use client";

import { useEffect } from "react";

/**
 * While `active`, closing or reloading the tab asks first (the browser's own "Leave site?" dialog: browsers show their
 * own words, not ours). For work the page itself drives, such as the import wizard sending its batches, which stops
 * when the page goes.
 */
export function useWarnBeforeLeaving(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // older browsers ask only when returnValue is set to something other than its initial ""
      event.returnValue = true;
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [active]);
}
