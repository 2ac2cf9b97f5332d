"use client";

import dynamic from "next/dynamic";

/**
 * The app's toast outlet (`components/ui/sonner.tsx`), fetched after the page is interactive rather
 * than with it: nothing toasts before a person has done something, and sonner is ~14 kB.
 */
export const Toaster = dynamic(() => import("@/components/ui/sonner").then((module) => module.Toaster), {
  ssr: false,
});
