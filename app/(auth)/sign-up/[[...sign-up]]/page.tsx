import { SignUp } from "@clerk/nextjs";
import type { Metadata } from "next";
import { ClerkWidget } from "@/components/clerk-widget";
import { SetupNotice } from "@/components/setup-notice";
import { SIGN_IN_PATH, SIGN_UP_PATH } from "@/lib/auth/routes";
import { clerkPublishableKey } from "@/lib/config/clerk-publishable-key";

export const metadata: Metadata = { title: "Sign up" };

export default function SignUpPage() {
  const heading = <h1 className="sr-only">Sign up</h1>;
  if (!clerkPublishableKey) {
    return (
      <>
        {heading}
        <SetupNotice what="Signing up" />
      </>
    );
  }
  return (
    <>
      {heading}
      <ClerkWidget unavailable="The sign-up form">
        <SignUp path={SIGN_UP_PATH} routing="path" signInUrl={SIGN_IN_PATH} />
      </ClerkWidget>
    </>
  );
}
