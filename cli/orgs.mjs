#!/usr/bin/env node
// The `orgs` executable (package.json "bin"): runs the TypeScript CLI through tsx, resolved from this
// file's own location, so `npx orgs` works from any directory of the project without a build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv.slice(2));
