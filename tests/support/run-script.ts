/**
 * Runs an npm script as a person would, in its own process, and reports how it ended: the exit code
 * is what a shell or a deploy pipeline acts on.
 */
import { execFile } from "node:child_process";

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The test process's environment without the settings the test file's own database put there. */
export function scriptEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const {
    DATABASE_URL: _app,
    MIGRATION_DATABASE_URL: _owner,
    TEST_OWNER_DATABASE_URL: _testOwner,
    ...rest
  } = process.env;
  return { ...rest, CHECKPOINT_DISABLE: "1", ...overrides };
}

export function runNpmScript(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeout = 60_000,
): Promise<ScriptResult> {
  return new Promise((resolve) => {
    execFile(
      "npm",
      ["run", "--silent", script, ...(args.length > 0 ? ["--", ...args] : [])],
      { encoding: "utf8", env, timeout },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
