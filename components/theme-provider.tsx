"use client";

import { ThemeProvider as NextThemesProvider } from "next-themes";
import type * as React from "react";

/**
 * Light, dark or the system's setting, remembered per browser. next-themes sets the `dark` class on
 * <html> from an inline script before the first paint, so a dark-mode visitor never sees a white flash.
 */
export function ThemeProvider({ children, ...props }: React.ComponentProps<typeof NextThemesProvider>) {
  return <NextThemesProvider {...props}>{children}</NextThemesProvider>;
}
