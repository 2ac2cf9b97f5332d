import Link from "next/link";

const features = [
  {
    title: "Organizations from day one",
    body: "Clerk owns sign-in, organizations and roles. Every page, action and API route acts for the active organization.",
  },
  {
    title: "A webhook sync you can trust",
    body: "Svix-verified Clerk webhooks land in Postgres exactly once, in any order, without resurrecting deleted rows.",
  },
  {
    title: "Tenant data, isolated",
    body: "One data access layer is the only way to tenant tables, and Postgres row-level security backs it up.",
  },
];

export default function LandingPage() {
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-16 px-6 py-20">
      <section className="flex flex-col gap-6">
        <p className="text-sm font-semibold uppercase tracking-wide text-indigo-600">
          Next.js · Clerk · Prisma · Postgres
        </p>
        <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">
          The B2B SaaS starter with organizations built in.
        </h1>
        <p className="max-w-2xl text-lg text-zinc-600">
          Fork it, run one command, and you have sign-in, organizations, a tenant-scoped feature and a Clerk →
          Postgres sync, with tests that prove all of it.
        </p>
        <div className="flex gap-3">
          <Link
            href="/orgs"
            className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500"
          >
            Open the app
          </Link>
          <Link
            href="/sign-in"
            className="rounded-md border border-zinc-300 px-4 py-2 font-medium hover:bg-white"
          >
            Sign in
          </Link>
        </div>
      </section>
      <section className="grid gap-6 sm:grid-cols-3">
        {features.map((feature) => (
          <div key={feature.title} className="rounded-lg border border-zinc-200 bg-white p-5">
            <h2 className="font-semibold">{feature.title}</h2>
            <p className="mt-2 text-sm text-zinc-600">{feature.body}</p>
          </div>
        ))}
      </section>
    </main>
  );
}
