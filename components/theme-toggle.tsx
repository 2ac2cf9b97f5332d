"use client";

import { MoonIcon, SunIcon } from "lucide-react";
import { useTheme } from "next-themes";
import { useEffect, useState } from "react";
import { buttonVariants } from "@/components/ui/button-variants";

/**
 * Light or dark. Until someone presses it the page follows the system setting (next-themes'
 * `system`); a press picks the opposite of what is shown and remembers it in this browser.
 * Both icons are drawn and CSS shows the right one, so the server-rendered button never flickers.
 */
export function ThemeToggle() {
  const { resolvedTheme, setTheme } = useTheme();
  // The theme is known only in the browser: the server's HTML (and hydration) carry no pressed state.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const next = resolvedTheme === "dark" ? "light" : "dark";
  return (
    // A plain <button> with the Button's classes: the header's first-load JavaScript stays free of
    // Slot and tailwind-merge, which nothing else on most pages needs before an interaction.
    <button
      type="button"
      className={buttonVariants({ variant: "ghost", size: "icon" })}
      aria-label="Dark theme"
      aria-pressed={mounted ? resolvedTheme === "dark" : undefined}
      onClick={() => setTheme(next)}
    >
      <SunIcon
        className="rotate-0 scale-100 transition-all dark:-rotate-90 dark:scale-0"
        aria-hidden="true"
      />
      <MoonIcon
        className="absolute rotate-90 scale-0 transition-all dark:rotate-0 dark:scale-100"
        aria-hidden="true"
      />
    </button>
  );
}
