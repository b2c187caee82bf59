import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

/**
 * The web app of caio. `@caio/core` is bundled from its TypeScript sources through the
 * "source" export condition, so the browser uses exactly the server's zod schemas.
 */
export default defineConfig({
  plugins: [react()],
  resolve: {
    conditions: ["source", ...defaultClientConditions],
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: "http://localhost:4319", changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      "/api": { target: "http://localhost:4319", changeOrigin: false },
    },
  },
});
