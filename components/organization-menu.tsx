"use client";

import { CreateOrganization } from "@clerk/nextjs";
import { Building2Icon, CheckIcon, PlusIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { ORGANIZATION_PATH_PATTERN, organizationPath } from "@/lib/auth/routes";
import type { OrganizationChoice } from "@/server/data/organization";
import { ClerkWidget } from "./clerk-widget";
import { SwitcherLabel, switcherTriggerProps } from "./organization-switcher";

/**
 * The organization switcher's menu, loaded by `organization-switcher.tsx` once the page is
 * interactive. Each organization is a link to its URL (see there); creating one is Clerk's own form,
 * in a dialog.
 */
export function OrganizationMenu({
  current,
  currentName,
  organizations,
  defaultOpen,
  autoFocus,
}: {
  current: string;
  currentName: string;
  organizations: OrganizationChoice[];
  /** Someone pressed the trigger before this module arrived: open right away. */
  defaultOpen: boolean;
  /** The placeholder trigger had focus: keep it on the real one. */
  autoFocus: boolean;
}) {
  const [creating, setCreating] = useState(false);
  return (
    <>
      <DropdownMenu defaultOpen={defaultOpen}>
        <DropdownMenuTrigger asChild>
          <Button {...switcherTriggerProps} autoFocus={autoFocus}>
            <SwitcherLabel name={currentName} />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="min-w-56">
          <DropdownMenuLabel className="text-muted-foreground text-xs">Your organizations</DropdownMenuLabel>
          {organizations.map((organization) => (
            <DropdownMenuItem key={organization.slug} asChild>
              {/* A full page load, not <Link>: the middleware activates the organization through Clerk's
                  handshake, which is made for document requests, and every layout re-renders for it. */}
              <a
                href={organizationPath(organization.slug)}
                aria-current={organization.slug === current ? "page" : undefined}
              >
                <Building2Icon aria-hidden="true" />
                <span className="flex-1 truncate">{organization.name}</span>
                {organization.slug === current ? <CheckIcon aria-hidden="true" /> : null}
              </a>
            </DropdownMenuItem>
          ))}
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setCreating(true)}>
            <PlusIcon aria-hidden="true" />
            Create organization
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <Dialog open={creating} onOpenChange={setCreating}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Create organization</DialogTitle>
            <DialogDescription>
              You become its admin, and can invite your team from its settings.
            </DialogDescription>
          </DialogHeader>
          <ClerkWidget unavailable="The form to create an organization">
            <CreateOrganization routing="hash" afterCreateOrganizationUrl={ORGANIZATION_PATH_PATTERN} />
          </ClerkWidget>
        </DialogContent>
      </Dialog>
    </>
  );
}
