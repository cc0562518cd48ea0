import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // One temporary folder per run, removed at the end (tests/tmpdirSetup.ts).
    globalSetup: ["tests/tmpdirSetup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    env: { TZ: "Europe/Copenhagen" },
  },
});
