/**
 * The contract suite's global setup: the world `npm run test:services` started (CONTRACT_CONTEXT),
 * or, when the suite runs on its own, a world of its own for this run.
 */
import type { TestProject } from "vitest/node";
import { CONTRACT_CONTEXT_ENV, type ContractContext } from "./contract-context";
import { startContractWorld } from "./contract-world";

export default async function setup(project: TestProject) {
  const fromRunner = process.env[CONTRACT_CONTEXT_ENV];
  if (fromRunner) {
    project.provide("contract", JSON.parse(fromRunner) as ContractContext);
    return;
  }
  const world = await startContractWorld();
  project.provide("contract", world.context);
  return world.stop;
}
