/**
 * The landing page's anchor: the product's own landing page (`app/(marketing)/page.tsx`) in the
 * product's root layout, prerendered and served with no middleware, no `<ClerkProvider>` and none of
 * the product's response headers. What the product's `/` can at best answer.
 */
export { default } from "../../../../../app/(marketing)/page";
