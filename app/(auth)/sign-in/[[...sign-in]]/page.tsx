import { SignIn } from "@clerk/nextjs";
import type { Metadata } from "next";
import { ClerkWidget } from "@/components/clerk-widget";
import { SetupNotice } from "@/components/setup-notice";
import { SIGN_IN_PATH, SIGN_UP_PATH } from "@/lib/auth/routes";
import { clerkPublishableKey } from "@/lib/config/clerk-publishable-key";

export const metadata: Metadata = { title: "Sign in" };

// Clerk's <SignIn> sends people back to the `redirect_url` the middleware put in the query string.
export default function SignInPage() {
  const heading = <h1 className="sr-only">Sign in</h1>;
  if (!clerkPublishableKey) {
    return (
      <>
        {heading}
        <SetupNotice what="Signing in" />
      </>
    );
  }
  return (
    <>
      {heading}
      <ClerkWidget unavailable="The sign-in form">
        <SignIn path={SIGN_IN_PATH} routing="path" signUpUrl={SIGN_UP_PATH} />
      </ClerkWidget>
    </>
  );
}
