import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // One temporary folder per run, removed at the end (tests/tmpdirSetup.ts).
    globalSetup: ["tests/tmpdirSetup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // The dataset cache is off in tests (no writes to the user's cache folder); tests/io/cache.test.ts turns it on in a temporary folder.
    env: { TZ: "Europe/Copenhagen", KLYNGE_CACHE: "off" },
  },
});
