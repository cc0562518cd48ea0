import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // One temporary folder per run, removed at the end (tests/tmpdirSetup.ts).
    globalSetup: ["tests/tmpdirSetup.ts"],
    // Generous: speed is measured by the bench, not here; several tests run the whole indicator set
    // (with its suppression) a few times, close to a minute on a slow 2-core machine.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: "forks",
    // The dataset cache is off in tests (no writes to the user's cache folder); tests/io/cache.test.ts turns it on in a temporary folder.
    env: { TZ: "Europe/Copenhagen", KLYNGE_CACHE: "off" },
  },
});
