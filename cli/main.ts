/**
 * The `orgs` command line: signs in through the browser and works with the organization's projects.
 * `main` parses the arguments with commander, runs one command and returns the exit code (see
 * ./output.ts): 0 done, 1 failed, 2 wrong usage, 3 not signed in.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { CredentialStore, configDirOf, osKeychain } from "./credential-store";
import { CliError, EXIT, type ExitCode, type Output, printError, toCliError } from "./output";
import { createProjectCommand, listProjectsCommand, showProjectCommand } from "./project-commands";
import { type CliContext, loginCommand, logoutCommand, whoamiCommand } from "./session-commands";

export const DEFAULT_API_URL = "http://localhost:3000";

export interface MainOptions {
  env?: Readonly<Record<string, string | undefined>>;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

export async function main(argv: string[], options: MainOptions = {}): Promise<ExitCode> {
  const env = options.env ?? process.env;
  const output: Output = {
    json: argv.includes("--json"),
    stdout: options.stdout ?? ((text) => process.stdout.write(text)),
    stderr: options.stderr ?? ((text) => process.stderr.write(text)),
  };
  let apiUrl = env.ORGS_API_URL || DEFAULT_API_URL;
  const program = buildProgram(output, async () => {
    apiUrl = apiUrlOf(program.opts().apiUrl ?? apiUrl);
    const keychain = env.ORGS_CREDENTIAL_STORE === "file" ? null : await osKeychain(env);
    return { apiUrl, output, store: new CredentialStore({ configDir: configDirOf(env), keychain }) };
  });
  try {
    await program.parseAsync(argv, { from: "user" });
    return EXIT.ok;
  } catch (error) {
    // Commander has already printed its usage message (or the help it was asked for).
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const failure = toCliError(error, apiUrl);
    printError(output, failure);
    return failure.exitCode;
  }
}

function buildProgram(output: Output, contextOf: () => Promise<CliContext>): Command {
  const program = new Command("orgs")
    .description("Sign in through the browser and work with your organization's projects.")
    .addOption(new Option("--api-url <url>", `the app's URL (env ORGS_API_URL, default ${DEFAULT_API_URL})`))
    .option("--json", "print results (and errors, on stderr) as JSON")
    .exitOverride()
    .configureOutput({ writeOut: output.stdout, writeErr: output.stderr })
    .showHelpAfterError("(orgs --help lists the commands and options)");

  program
    .command("login")
    .description("sign in through the browser and keep the credential in the OS keychain (or a 0600 file)")
    .option("--no-browser", "print the sign-in URL without opening a browser")
    .action(async (opts: { browser: boolean }) => loginCommand(await contextOf(), opts));
  program
    .command("logout")
    .description("revoke the credential and forget it on this machine")
    .action(async () => logoutCommand(await contextOf()));
  program
    .command("whoami")
    .description("who the credential acts as, for which organization, with which scopes")
    .action(async () => whoamiCommand(await contextOf()));

  const projects = program.command("projects").description("the organization's projects");
  projects
    .command("list")
    .description("list projects, newest first")
    .option("-q, --query <text>", "only projects whose name contains this")
    .option("--limit <n>", "how many (1–100, default 20)", positiveInteger)
    .option("--cursor <cursor>", "the next page, from a previous list")
    .action(async (opts) => listProjectsCommand(await contextOf(), opts));
  projects
    .command("create <name>")
    .description("create a project")
    .option("-d, --description <text>", "what the project is about")
    .action(async (name: string, opts) => createProjectCommand(await contextOf(), name, opts));
  projects
    .command("show <projectId>")
    .description("show one project")
    .action(async (projectId: string) => showProjectCommand(await contextOf(), projectId));
  return program;
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new InvalidArgumentError("expected a whole number from 1");
  return number;
}

function apiUrlOf(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === "http:" || url.protocol === "https:") return url.origin;
  } catch {
    // Reported below.
  }
  throw new CliError(`--api-url must be an http(s) URL, not “${value}”.`, EXIT.usage, "invalid_api_url");
}
