/**
 * Clerk's publishable key, as the browser sees it. Next.js inlines NEXT_PUBLIC_* values when it
 * builds, so set the key before `next build`: a key added only at run time does not reach the pages.
 * Unset means the keyless demo mode: Clerk's components are left out and private pages explain the setup.
 */
export const clerkPublishableKey: string | undefined =
  process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY || undefined;
