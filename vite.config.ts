import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress.js';
import { attendeeEntry } from './src/web/attendee/vite-plugin.js';

const server = 'http://localhost:3000';

export default defineConfig({
  root: '.',
  plugins: [react(), attendeeEntry(), precompress()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    // Two entries: the antd app, and the light attendee pages (register, pass) for phones.
    rolldownOptions: { input: { main: 'index.html', attendee: 'attendee.html' } },
  },
  server: {
    proxy: {
      '/api': server,
      '/healthz': server,
      '/readyz': server,
      '/e': server,
      '/files': server,
    },
  },
});
