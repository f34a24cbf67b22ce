import { defineConfig } from "vitest/config";

/**
 * Three projects, run in this order by `npm test`:
 *  unit  - pure code in src/lib and src/charts (SVG snapshots), no build needed
 *  build - checks on the built HTML in dist/ (run after `astro build`)
 *  e2e   - Chromium (Debian's, via playwright-core) against dist/ served on localhost
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts", "tests/charts/**/*.test.ts"], environment: "node" } },
      {
        // The fixture site (40 fictional schools) is built once and shared: tests/support/fixture-site.ts.
        test: { name: "build", include: ["tests/build/**/*.test.ts"], environment: "node", globalSetup: ["tests/support/fixture-site.ts"], testTimeout: 120_000, hookTimeout: 600_000 },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/e2e/global-setup.ts", "tests/support/fixture-site.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
