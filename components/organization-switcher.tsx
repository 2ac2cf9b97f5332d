"use client";

import { Building2Icon, ChevronsUpDownIcon } from "lucide-react";
import { type ComponentProps, useEffect, useRef, useState } from "react";
import type { Button } from "@/components/ui/button";
import { buttonVariants } from "@/components/ui/button-variants";
import type { OrganizationChoice } from "@/server/data/organization";
import type { OrganizationMenu } from "./organization-menu";

export const switcherTriggerProps = {
  variant: "outline",
  size: "sm",
  className: "max-w-56",
} as const satisfies ComponentProps<typeof Button>;

export function SwitcherLabel({ name }: { name: string }) {
  return (
    <>
      <Building2Icon aria-hidden="true" />
      <span className="sr-only">Organization: </span>
      <span className="truncate">{name}</span>
      <ChevronsUpDownIcon aria-hidden="true" className="opacity-60" />
    </>
  );
}

/**
 * Switches organization by opening its URL: the middleware asks Clerk to activate the organization
 * the URL names, so a switch is a plain link — usable whether or not Clerk's script loads, and the
 * path a bookmark takes. The menu (Radix, ~35 kB) is not part of the page's first load: the button
 * is drawn at once and the menu's code is fetched right after hydration; a press that comes first
 * opens the menu as soon as it arrives.
 */
export function OrganizationSwitcher({
  current,
  organizations,
}: {
  current: string;
  organizations: OrganizationChoice[];
}) {
  const [menu, setMenu] = useState<{ Menu: typeof OrganizationMenu; autoFocus: boolean } | null>(null);
  const [pressed, setPressed] = useState(false);
  const placeholder = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    let live = true;
    import("./organization-menu").then(({ OrganizationMenu: Menu }) => {
      if (live) setMenu({ Menu, autoFocus: document.activeElement === placeholder.current });
    });
    return () => {
      live = false;
    };
  }, []);
  const currentName = organizations.find((organization) => organization.slug === current)?.name ?? current;

  if (menu) {
    return (
      <menu.Menu
        current={current}
        currentName={currentName}
        organizations={organizations}
        defaultOpen={pressed}
        autoFocus={menu.autoFocus || pressed}
      />
    );
  }
  return (
    // Button's classes on a plain <button>, as in theme-toggle.tsx: Slot and tailwind-merge come with the menu.
    <button
      ref={placeholder}
      type="button"
      className={buttonVariants(switcherTriggerProps)}
      aria-haspopup="menu"
      aria-expanded={false}
      onClick={() => setPressed(true)}
    >
      <SwitcherLabel name={currentName} />
    </button>
  );
}
