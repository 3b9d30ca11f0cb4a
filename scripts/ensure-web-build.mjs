// `npm start` on a fresh clone: build the web app once if it has not been built yet.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('dist/web/index.html')) {
  console.log('Building the web app (first start only)…');
  execSync('npx vite build', { stdio: 'inherit' });
}
