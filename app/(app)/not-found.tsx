import Link from "next/link";
import { Button } from "@/components/ui/button";
import { CHOOSE_ORGANIZATION_PATH } from "@/lib/auth/routes";

// Also what a page of another organization, or one the role may not see, looks like: nothing to
// tell it apart from a page that does not exist.
export default function SignedInNotFound() {
  return (
    <main className="mx-auto flex max-w-xl flex-col items-center gap-4 px-6 py-24 text-center">
      <h1 className="font-bold text-2xl">Page not found</h1>
      <p className="text-muted-foreground">
        This page does not exist, or it belongs to an organization you are not acting for.
      </p>
      <Button asChild>
        <Link href={CHOOSE_ORGANIZATION_PATH}>Choose an organization</Link>
      </Button>
    </main>
  );
}
