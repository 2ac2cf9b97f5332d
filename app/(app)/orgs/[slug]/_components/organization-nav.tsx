"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavItem {
  href: string;
  label: string;
}

export function OrganizationNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  // The first item is the dashboard, whose path prefixes every other one: it is active only on itself.
  const isActive = (href: string, index: number) =>
    index === 0 ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label="Organization" className="mx-auto flex max-w-6xl gap-1 px-6">
      {items.map((item, index) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={isActive(item.href, index) ? "page" : undefined}
          className="border-b-2 border-transparent px-3 py-2 text-sm font-medium text-zinc-600 hover:text-zinc-900 aria-[current=page]:border-indigo-600 aria-[current=page]:text-zinc-900"
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
