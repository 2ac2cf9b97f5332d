/**
 * Loads the schema engine's WebAssembly build: the very `.wasm` the installed Prisma CLI bundles, linked
 * with the JS glue of `@prisma/schema-engine-wasm` (same engine build), once per process.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import * as engineGlue from "@prisma/schema-engine-wasm/schema_engine_bg";
import { assertCheckedVersions, installedVersions } from "./checked-versions";

const require = createRequire(import.meta.url);

let engineClass: Promise<typeof engineGlue.SchemaEngine> | undefined;

/** Instantiates the engine's wasm once per process; the glue module keeps it in module state. */
export function loadSchemaEngine(): Promise<typeof engineGlue.SchemaEngine> {
  engineClass ??= instantiateEngineWasm().catch((error: unknown) => {
    engineClass = undefined;
    throw error;
  });
  return engineClass;
}

async function instantiateEngineWasm(): Promise<typeof engineGlue.SchemaEngine> {
  assertCheckedVersions(installedVersions());
  // The very engine the installed Prisma CLI bundles, so both agree on migration semantics.
  const cliDir = path.dirname(require.resolve("prisma/package.json"));
  const bytes = await readFile(path.join(cliDir, "build", "schema_engine_bg.wasm"));
  let instance: WebAssembly.Instance;
  try {
    ({ instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": withUnrefTimers(engineGlue),
    }));
  } catch (error) {
    // wasm-bindgen import names carry build hashes: glue from another engine build fails to link.
    throw new Error(
      "The Prisma CLI's schema engine does not match @prisma/schema-engine-wasm: pin that package to " +
        'the version ending in the CLI\'s engine hash (`npx prisma version`, "Schema Engine").',
      { cause: error },
    );
  }
  // A Rust panic inside the engine reports its message through this global before trapping.
  Object.assign(globalThis, { PRISMA_WASM_PANIC_REGISTRY: { set_message: recordPanicMessage } });
  engineGlue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return engineGlue.SchemaEngine;
}

/**
 * The engine arms a JS timer for each of its internal timeouts and never clears one (the glue
 * imports `setTimeout` only); dropped with the engine, they would keep the process alive for up to a
 * minute after the work is done. Unref'd, they still fire while the engine's pools keep the loop busy.
 */
function withUnrefTimers(glue: typeof engineGlue): WebAssembly.ModuleImports {
  // The glue module's exports are exactly the wasm's imports (functions, plus the class it wraps).
  const imports = { ...glue } as unknown as WebAssembly.ModuleImports;
  for (const [name, value] of Object.entries(glue)) {
    if (!name.startsWith("__wbg_setTimeout_") || typeof value !== "function") continue;
    imports[name] = (...args: unknown[]): unknown => {
      const timer: unknown = Reflect.apply(value, undefined, args);
      (timer as { unref?: () => void } | null)?.unref?.();
      return timer;
    };
  }
  return imports;
}

let lastPanicMessage: string | undefined;

function recordPanicMessage(message: string): void {
  lastPanicMessage = message;
}

/** The message of the last engine panic, if any: wasm traps surface as a bare "unreachable" error. */
export function takeEnginePanicMessage(): string | undefined {
  const message = lastPanicMessage;
  lastPanicMessage = undefined;
  return message;
}
