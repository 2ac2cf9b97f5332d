import { OrganizationSwitcher } from "@/components/organization-switcher";
import { listMyOrganizations } from "@/server/data/organization";

/**
 * The switcher with the caller's organizations, read here rather than in the layout: the layout
 * returns at once and React renders this read beside the page's own instead of before it.
 */
export async function MyOrganizationsSwitcher({ current }: { current: string }) {
  return <OrganizationSwitcher current={current} organizations={await listMyOrganizations()} />;
}
