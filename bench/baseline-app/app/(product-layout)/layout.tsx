/**
 * The product's own root layout (app/layout.tsx: the theme provider, fonts, metadata, global CSS)
 * around the landing page's anchor, so the anchor is the product's `/` as a visitor receives it,
 * byte for byte, minus only what the product might add on top of it (middleware, Clerk, headers).
 * A root layout of its own (a route group), because the bare page and the dashboard's ceiling must
 * not carry it.
 */
export { default, metadata } from "../../../../app/layout";
