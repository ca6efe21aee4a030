import { defineConfig, type ProxyOptions } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';

// The API serves the built app on its own origin in production; in development and
// preview, Vite forwards the API's paths to it. RELAIS_API_URL points elsewhere
// (for example a second API instance on another port).
const apiUrl = process.env.RELAIS_API_URL ?? 'http://localhost:4000';
const apiProxy: Record<string, ProxyOptions> = {
  '/graphql': { target: apiUrl, ws: true },
  '/health': { target: apiUrl },
  '/files': { target: apiUrl },
};

/** Paths the API answers itself: the service worker must never answer them with the app shell. */
const apiPathPatterns = [/^\/graphql/, /^\/health/, /^\/files\//, /^\/ics\//, /^\/webhooks\//];

const accent = '#1d4ed8';
const background = '#f8fafc';

export default defineConfig({
  plugins: [
    solid(),
    VitePWA({
      // The user decides when to update: an automatic reload could lose a half-filled form.
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        id: '/',
        name: 'Relais — Duret Électricité',
        short_name: 'Relais',
        description: 'L’espace client et l’outil de l’équipe Duret Électricité.',
        lang: 'fr',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: accent,
        background_color: background,
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: apiPathPatterns,
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            // Opening a document or calendar link while offline shows the offline page
            // instead of the browser's error screen.
            urlPattern: ({ request, url }) => request.mode === 'navigate' && /^\/(files|ics)\//.test(url.pathname),
            handler: 'NetworkOnly',
            options: { precacheFallback: { fallbackURL: '/offline.html' } },
          },
        ],
      },
    }),
  ],
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
  build: { target: 'es2022' },
});
