"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavItem {
  href: string;
  label: string;
}

/**
 * The organization's sections as tabs. At phone width the row scrolls sideways rather than
 * wrapping or hiding behind a menu: every section stays one tap (or one Tab key) away.
 */
export function OrganizationNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  // The first item is the dashboard, whose path prefixes every other one: it is active only on itself.
  const isActive = (href: string, index: number) =>
    index === 0 ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label="Organization" className="mx-auto max-w-6xl overflow-x-auto px-2 sm:px-4">
      <ul className="flex w-max gap-1">
        {items.map((item, index) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={isActive(item.href, index) ? "page" : undefined}
              className="block whitespace-nowrap rounded-t-md border-transparent border-b-2 px-3 py-2 font-medium text-muted-foreground text-sm outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 aria-[current=page]:border-primary aria-[current=page]:text-foreground"
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
