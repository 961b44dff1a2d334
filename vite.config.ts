/**
 * @module
 * The web build: `web/` → `web/dist/` (React + the Workbox service worker from vite-plugin-pwa).
 * The agent serves `web/dist` from its own loopback origin (agent/src/api/static). `vite` alone
 * runs a dev server that proxies the API and the stream to an agent on `PT_AGENT_URL`
 * (default http://127.0.0.1:47821); the agent must list the dev origin in `allowedOrigins`.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const webRoot = fileURLToPath(new URL('./web/', import.meta.url));
const agentUrl = process.env['PT_AGENT_URL'] ?? 'http://127.0.0.1:47821';

export default defineConfig({
  root: webRoot,
  base: '/',
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Hashed file names under assets/ (served immutable); nothing inlined as data: URLs for scripts.
    assetsDir: 'assets',
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  worker: { format: 'es' },
  plugins: [
    react(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      // Registered from web/src/app/service-worker.ts with workbox-window (no inline script: CSP).
      injectRegister: false,
      filename: 'sw.js',
      manifestFilename: 'manifest.webmanifest',
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'PredictionTrader',
        short_name: 'PredictionTrader',
        description: 'Trading command center for Kalshi event contracts (served by your local agent).',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#0f1419',
        theme_color: '#0f1419',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The app shell only: API and stream traffic is never cached.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/v1(\/|$)/],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  server: {
    proxy: {
      '/v1/stream': { target: agentUrl.replace(/^http/, 'ws'), ws: true, changeOrigin: true },
      '/v1': { target: agentUrl, changeOrigin: true },
    },
  },
});
