/**
 * The landing page's anchor: the product's own landing page (`app/(marketing)/page.tsx`), prerendered
 * and served with no middleware and no `<ClerkProvider>`. What the product's `/` can at best answer.
 */
export { default } from "../../../../app/(marketing)/page";
