import Link from "next/link";
import { CHOOSE_ORGANIZATION_PATH } from "@/lib/auth/routes";

// Also what a page of another organization, or one the role may not see, looks like: nothing to
// tell it apart from a page that does not exist.
export default function SignedInNotFound() {
  return (
    <main className="mx-auto flex max-w-xl flex-col items-center gap-4 px-6 py-24 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="text-zinc-600">
        This page does not exist, or it belongs to an organization you are not acting for.
      </p>
      <Link
        href={CHOOSE_ORGANIZATION_PATH}
        className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white"
      >
        Choose an organization
      </Link>
    </main>
  );
}
