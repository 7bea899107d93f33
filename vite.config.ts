import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * The web app lives in src/web and is built to dist/web, which the server serves at `/`.
 * In development (`npm run dev:web`) API calls are proxied to the server on port 8080.
 */
export default defineConfig({
  root: fromRoot('./src/web'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    // The server's CSP allows scripts and images from 'self' only: never inline assets as data: URLs.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    strictPort: false,
    proxy: {
      '/api': { target: 'http://localhost:8080', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://localhost:8080', changeOrigin: false },
    },
  },
});
