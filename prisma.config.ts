// Prisma 7 does not read .env by itself. The CLI commands that need a database (`prisma migrate …`,
// where the native engine can be downloaded) read DATABASE_URL from here; `generate` needs none.
import "dotenv/config";
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    url: process.env.DATABASE_URL ?? "",
  },
});
