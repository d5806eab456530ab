import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API and the sync sockets live on the Throughline server;
// Vite proxies them so the app can use same-origin relative URLs everywhere.
const server = process.env.THROUGHLINE_SERVER ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: server, changeOrigin: true },
      '/sync': { target: server, ws: true, changeOrigin: true },
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
});
