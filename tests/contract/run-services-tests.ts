/**
 * `npm run test:services`: starts one world (PostgreSQL with the demo data, the Next.js app and the
 * three services), then runs each service's own tests with its ecosystem's runner (pytest, go test,
 * bun test) and the contract suite against all four backends in it. Fails loudly when a toolchain
 * is missing, a step fails, or a runner ran no test at all.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { CONTRACT_CONTEXT_ENV } from "./support/contract-context";
import { startContractWorld } from "./support/contract-world";
import { BUN, missingToolchains, PYTHON, ROOT } from "./support/toolchains";

interface Step {
  name: string;
  cwd: string;
  command: string;
  args: string[];
  /** Output that means the runner found nothing to run, though it may exit 0. */
  ranNoTests: RegExp;
}

const STEPS: Step[] = [
  {
    name: "services/python (pytest)",
    cwd: "services/python",
    command: PYTHON,
    args: ["-m", "pytest"],
    ranNoTests: /no tests ran/,
  },
  {
    name: "services/go (go test)",
    cwd: "services/go",
    command: "go",
    args: ["test", "-count=1", "./..."],
    ranNoTests: /no test files|testing: warning: no tests to run/,
  },
  {
    name: "services/bun (bun test)",
    cwd: "services/bun",
    command: BUN,
    args: ["test"],
    ranNoTests: /^\s*0 pass/m,
  },
  {
    name: "tests/contract (vitest: Next.js, Python, Go, Bun)",
    cwd: ".",
    command: process.execPath,
    args: [
      path.join(ROOT, "node_modules/vitest/vitest.mjs"),
      "run",
      "--config",
      "tests/contract/vitest.config.ts",
    ],
    ranNoTests: /No test files found/,
  },
];

function runStep(step: Step, env: NodeJS.ProcessEnv): Promise<string | null> {
  return new Promise((resolve) => {
    let output = "";
    const child = spawn(step.command, step.args, { cwd: path.join(ROOT, step.cwd), env, stdio: "pipe" });
    const tee = (chunk: Buffer, stream: NodeJS.WriteStream) => {
      output += chunk.toString();
      stream.write(chunk);
    };
    child.stdout.on("data", (chunk) => tee(chunk, process.stdout));
    child.stderr.on("data", (chunk) => tee(chunk, process.stderr));
    child.on("error", (error) => resolve(`could not start: ${error.message}`));
    child.on("exit", (code, signal) => {
      if (code !== 0) resolve(`exited with ${signal ?? `code ${code}`}`);
      else if (step.ranNoTests.test(output)) resolve("ran no tests");
      else resolve(null);
    });
  });
}

async function main(): Promise<number> {
  const missing = missingToolchains();
  if (missing.length > 0) {
    console.error("✖ test:services cannot run: missing toolchain(s):");
    for (const line of missing) console.error(`  - ${line}`);
    return 1;
  }
  const world = await startContractWorld();
  const env = {
    ...process.env,
    CHECKPOINT_DISABLE: "1",
    // The services' own tests read the database (as the RLS-bound role) and, for pytest's generated
    // client, the running app, from here.
    DATABASE_URL: world.context.appDatabaseUrl,
    [CONTRACT_CONTEXT_ENV]: JSON.stringify(world.context),
  };
  const failures: string[] = [];
  try {
    for (const step of STEPS) {
      console.log(`\n▸ ${step.name}`);
      const failure = await runStep(step, env);
      if (failure) failures.push(`${step.name}: ${failure}`);
    }
  } finally {
    await world.stop();
  }
  console.log("");
  for (const step of STEPS) {
    const failure = failures.find((line) => line.startsWith(`${step.name}:`));
    console.log(`${failure ? "✖" : "✔"} ${failure ?? step.name}`);
  }
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error("✖ test:services failed to start:", error);
    process.exit(1);
  },
);
