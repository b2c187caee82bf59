import { defineConfig } from "vitest/config";

// Tests import workspace packages from their TypeScript sources through the "source" export
// condition; CLI and browser tests run the built artifacts (npm test builds first).
export default defineConfig({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
  test: {
    sequence: { shuffle: { files: true, tests: false } },
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["packages/*/src/**/*.test.ts", "test/unit/**/*.test.ts"] },
      },
      {
        extends: true,
        test: { name: "db", include: ["test/db/**/*.test.ts"] },
      },
      {
        extends: true,
        test: { name: "api", include: ["test/api/**/*.test.ts"] },
      },
      {
        extends: true,
        // Each test runs the built CLI several times, each run opening the embedded database.
        test: { name: "cli", include: ["test/cli/**/*.test.ts"], testTimeout: 240_000 },
      },
      {
        extends: true,
        test: { name: "discovery", include: ["test/discovery/**/*.test.ts"] },
      },
      ...(process.env.CAIO_SKIP_BROWSER
        ? []
        : [
            {
              extends: true as const,
              test: { name: "browser", include: ["e2e/**/*.e2e.test.ts"], fileParallelism: false },
            },
          ]),
    ],
  },
});
