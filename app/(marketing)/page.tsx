import { ThemeToggle } from "@/components/theme-toggle";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

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
    <main className="mx-auto flex max-w-5xl flex-col gap-16 px-4 py-12 sm:px-6 sm:py-20">
      <div className="flex justify-end">
        <ThemeToggle />
      </div>
      <section className="flex flex-col gap-6">
        <p className="font-semibold text-muted-foreground text-sm uppercase tracking-wide">
          Next.js · Clerk · Prisma · Postgres
        </p>
        <h1 className="font-bold text-4xl tracking-tight sm:text-5xl">
          The B2B SaaS starter with organizations built in.
        </h1>
        <p className="max-w-2xl text-lg text-muted-foreground">
          Fork it, run one command, and you have sign-in, organizations, a tenant-scoped feature and a Clerk →
          Postgres sync, with tests that prove all of it.
        </p>
        <div className="flex gap-3">
          {/* Plain links, not next/link: both lead into the signed-in app, whose first load mounts Clerk
              anyway, and next/link would add ~2.5 kB to this page and prefetch those routes through Clerk's
              middleware for every visitor who only reads. */}
          <Button asChild size="lg">
            <a href="/orgs">Open the app</a>
          </Button>
          <Button asChild size="lg" variant="outline">
            <a href="/sign-in">Sign in</a>
          </Button>
        </div>
      </section>
      <section className="grid gap-6 sm:grid-cols-3">
        {features.map((feature) => (
          <Card key={feature.title}>
            <CardHeader>
              <CardTitle>
                <h2>{feature.title}</h2>
              </CardTitle>
            </CardHeader>
            <CardContent>
              <p className="text-muted-foreground text-sm">{feature.body}</p>
            </CardContent>
          </Card>
        ))}
      </section>
    </main>
  );
}
