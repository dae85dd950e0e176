// Starts the real copsearchd over the real corpus index and Debian's Chromium, for the page tests.
// ctest passes COPSEARCHD_BIN, COPSEARCH_TEST_INDEX and COPSEARCH_ARTIFACTS (see tests/CMakeLists.txt).

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const HINT = 'run .ci/install-deps --browser (Debian chromium, Node.js, playwright-core from npm)';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run these tests through ctest`);
  return value;
}

export async function loadPlaywright() {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}; ${HINT}`);
  try {
    return await import('playwright-core');
  } catch {
    throw new Error(`playwright-core is not installed in tests/browser; ${HINT}`);
  }
}

// Resolves once the daemon prints its address; `log()` returns everything it wrote to stderr.
export function startDaemon() {
  const daemon = spawn(required('COPSEARCHD_BIN'),
    ['--index', required('COPSEARCH_TEST_INDEX'), '--host', '127.0.0.1', '--port', '0', '--threads', '2'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  daemon.stderr.on('data', (chunk) => { stderr += chunk; });
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`copsearchd did not start: ${stderr}`)), 15000);
    daemon.on('exit', (code) => reject(new Error(`copsearchd exited with ${code}: ${stderr}`)));
    daemon.stdout.on('data', (chunk) => {
      stdout += chunk;
      const found = stdout.match(/listening on (http:\/\/\S+)/);
      if (found) {
        clearTimeout(timer);
        resolve({
          url: found[1],
          log: () => stderr,
          stop: () => new Promise((done) => { daemon.removeAllListeners('exit'); daemon.on('exit', done); daemon.kill('SIGTERM'); }),
        });
      }
    });
  });
}

export async function launchBrowser(chromium) {
  return chromium.launch({
    executablePath: CHROMIUM,
    // As root in a container Chromium needs --no-sandbox; the rest keep it off the network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

const artifactDir = process.env.COPSEARCH_ARTIFACTS ?? path.resolve('browser-artifacts');

// Each run starts with an empty artifact folder, so every screenshot in it is from this run.
export function clearArtifacts() {
  rmSync(artifactDir, { recursive: true, force: true });
}

export function artifactPath(name) {
  mkdirSync(artifactDir, { recursive: true });
  return path.join(artifactDir, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
}
