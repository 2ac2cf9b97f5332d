import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CHOOSE_ORGANIZATION_PATH } from "@/lib/auth/routes";
import { env } from "@/server/env";

export const metadata: Metadata = { title: "Set up sign-in" };

const steps = [
  {
    title: "Create a Clerk application",
    body: "In the Clerk Dashboard, create an application and turn on Organizations (Configure → Organizations). Keep the default roles org:admin and org:member.",
  },
  {
    title: "Copy the API keys",
    body: "Configure → API keys: put the publishable key in NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY and the secret key in CLERK_SECRET_KEY, in .env (never committed).",
  },
  {
    title: "Copy the JWT public key",
    body: "Same page, “Show JWT public key” → PEM, on one line with \\n for line breaks, in CLERK_JWT_KEY. The server then verifies sessions without calling Clerk.",
  },
  {
    title: "Restart",
    body: "Stop and rerun `npm run dev`. For a production build, set the publishable key before `npm run build`: it is built into the pages.",
  },
];

/** Where every private page sends people while the server has no Clerk keys. */
export default async function SetupPage() {
  // Reads the configuration of the running server, not the one present when the app was built.
  await connection();
  if (env.clerk) {
    return (
      <section className="flex flex-col items-center gap-4 text-center">
        <h1 className="font-bold text-2xl">Sign-in is configured</h1>
        <p className="text-muted-foreground">This server has its Clerk keys.</p>
        <Button asChild>
          <Link href={CHOOSE_ORGANIZATION_PATH}>Open the app</Link>
        </Button>
      </section>
    );
  }
  return (
    <section className="flex w-full flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="font-bold text-2xl">Set up sign-in</h1>
        <p className="text-muted-foreground">
          This server runs without Clerk keys: the public pages work, and everything behind sign-in waits for
          these four steps. The full guide is in <code>docs/clerk-setup.md</code>.
        </p>
      </div>
      <ol className="flex flex-col gap-3">
        {steps.map((step, index) => (
          <li key={step.title}>
            <Card className="gap-2 py-4">
              <CardHeader className="px-4">
                <CardTitle>
                  <h2>
                    {index + 1}. {step.title}
                  </h2>
                </CardTitle>
                <CardDescription>{step.body}</CardDescription>
              </CardHeader>
            </Card>
          </li>
        ))}
      </ol>
    </section>
  );
}
