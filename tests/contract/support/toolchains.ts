/**
 * The toolchains `npm run test:services` needs beyond Node.js. A missing one fails the run with what
 * to install — never a silent pass that tested fewer backends than it names.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../../..");
export const PYTHON = path.join(ROOT, "services/python/.venv/bin/python");
export const BUN = path.join(ROOT, "node_modules/.bin/bun");

interface Toolchain {
  name: string;
  command: string;
  args: string[];
  install: string;
}

const TOOLCHAINS: Toolchain[] = [
  {
    name: "Python (services/python/.venv with requirements.txt)",
    command: PYTHON,
    args: ["-c", "import fastapi, uvicorn, clerk_backend_api, psycopg, psycopg_pool, pytest, attrs, jwt"],
    install:
      "python3 -m venv services/python/.venv && services/python/.venv/bin/pip install -r services/python/requirements.txt",
  },
  {
    name: "Go (1.26 or later)",
    command: "go",
    args: ["version"],
    install: "install Go from https://go.dev/dl; its modules then come from the Go module proxy",
  },
  {
    name: "Bun (the devDependency `bun`)",
    command: BUN,
    args: ["--version"],
    install: "npm ci",
  },
];

/** Each missing toolchain with how to get it; empty when all are there. */
export function missingToolchains(): string[] {
  return TOOLCHAINS.filter(({ command, args }) => {
    const result = spawnSync(command, args, { cwd: ROOT, stdio: "ignore" });
    return result.error !== undefined || result.status !== 0;
  }).map(({ name, install }) => `${name} — ${install}`);
}
