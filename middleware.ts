import { NextResponse } from "next/server";

// Placeholder until the Clerk gate lands: every route passes through.
export default function middleware() {
  return NextResponse.next();
}
