import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run dev:web` runs this against an API on MAJLIS_API (default http://localhost:3000).
const api = process.env.MAJLIS_API ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The message catalogue shared with the server.
    alias: { '@majlis/catalogue': fileURLToPath(new URL('../../libs/language/catalogue', import.meta.url)) },
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
