/** The bare App Router page: its First Load JS is the least any page of this Next.js version ships. */
export default function BarePage() {
  return <h1>Baseline</h1>;
}
