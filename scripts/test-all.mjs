#!/usr/bin/env node
// `npm test`: every check Label Station has, in one run — type-checks, lint, the Vitest
// unit and integration suites, then the Playwright end-to-end suite in Chromium against
// a real CUPS printer. Ends with one line `N passed, N failed` counted from the JSON
// reports, and exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
const counts = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

function run(name, cmd, args, env = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function check(name, cmd, args) {
  const ok = run(name, cmd, args) === 0;
  counts[ok ? 'passed' : 'failed']++;
  if (!ok) failedSteps.push(name);
}

function have(file) {
  return fs.existsSync(file);
}

function ensureSystemDeps() {
  // The script checks each package itself and installs only what is missing.
  if (process.platform === 'linux' && have('/usr/bin/apt-get') && have('/usr/bin/dpkg-query')) {
    run('system packages', 'bash', ['scripts/install-test-deps.sh']);
  } else {
    console.log('The print and screen tests need Chromium and CUPS (cupsd, lp, cups-pdf).');
  }
}

function countJson(file, kind) {
  if (!have(file)) return false;
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (kind === 'vitest') {
    counts.passed += report.numPassedTests ?? 0;
    // A file that fails to load has no failed test but is a failed suite: count it too.
    const brokenSuites = (report.testResults ?? []).filter(
      (f) =>
        f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
    ).length;
    counts.failed += (report.numFailedTests ?? 0) + brokenSuites;
    counts.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } else {
    const s = report.stats ?? {};
    counts.passed += (s.expected ?? 0) + (s.flaky ?? 0);
    counts.failed += s.unexpected ?? 0;
    counts.skipped += s.skipped ?? 0;
    if ((report.errors ?? []).length > 0) counts.failed += report.errors.length;
  }
  return true;
}

ensureSystemDeps();
if (have('/usr/sbin/cupsd')) run('CUPS', 'bash', ['scripts/setup-cups.sh']);

check('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.node.json']);
check('typecheck (renderer)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.web.json']);
check('lint', 'npx', ['eslint', '.']);

const vitestJson = path.join(results, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
const vitestStatus = run('unit + integration', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
if (!countJson(vitestJson, 'vitest')) counts.failed++;
if (vitestStatus !== 0) failedSteps.push('vitest');

const built = run('build', 'npx', ['electron-vite', 'build']) === 0;
if (!built) {
  counts.failed++;
  failedSteps.push('build');
} else {
  const e2eJson = path.join(results, 'e2e.json');
  fs.rmSync(e2eJson, { force: true });
  const status = run('end-to-end', 'npx', ['playwright', 'test'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson,
  });
  if (!countJson(e2eJson, 'playwright')) counts.failed++;
  if (status !== 0) failedSteps.push('playwright');
}

if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
console.log(`\n${counts.passed} passed, ${counts.failed} failed${skipped}`);
process.exit(counts.failed > 0 || failedSteps.length > 0 ? 1 : 0);
