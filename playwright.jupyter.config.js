// The Jupyter widget in a real JupyterLab (scripts/test-jupyter.sh runs it): JupyterLab from the
// test venv (target/jupyter-venv, with the freshly built wheel installed) on a free port, no
// token, its root a fresh folder under target/; Debian's Chromium drives it.
import { defineConfig } from '@playwright/test';
import base from './playwright.config.js';

const port = Number(process.env.GRADSCOPE_JUPYTER_PORT || 8899);
const root = process.env.GRADSCOPE_JUPYTER_ROOT || 'target/jupyter-test/root';
const home = process.env.GRADSCOPE_JUPYTER_HOME || 'target/jupyter-test';

export default defineConfig({
  testDir: 'python/tests',
  testMatch: '*.spec.js',
  timeout: 240_000,
  expect: { timeout: 60_000 },
  workers: 1,
  // Its own output folder: the main browser run's test-results/results.json stays.
  outputDir: 'test-results/jupyter',
  reporter: [['list'], ['json', { outputFile: 'test-results/jupyter.json' }]],
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}/`, viewport: { width: 1400, height: 1000 } },
  webServer: {
    command: [
      'target/jupyter-venv/bin/python -m jupyter lab',
      `--port=${port} --ip=127.0.0.1 --no-browser --allow-root`,
      "--IdentityProvider.token='' --ServerApp.password='' --ServerApp.disable_check_xsrf=True",
      `--ServerApp.root_dir=${root}`,
      "--LabApp.news_url='' --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate --LabApp.extension_manager=readonly",
      // Its log (and the kernel's) in a file: scripts/test-jupyter.sh shows its end on a failure.
      `>${home}/server.log 2>&1`,
    ].join(' '),
    env: {
      ...process.env,
      JUPYTER_CONFIG_DIR: `${home}/config`,
      JUPYTER_DATA_DIR: `${home}/data`,
      JUPYTER_RUNTIME_DIR: `${home}/runtime`,
      JUPYTERLAB_WORKSPACES_DIR: `${home}/workspaces`,
      IPYTHONDIR: `${home}/ipython`,
    },
    url: `http://127.0.0.1:${port}/api/status`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'ignore',
  },
});
