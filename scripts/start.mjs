#!/usr/bin/env node
// `npm start`: make sure the Electron binary and a better-sqlite3 build for Electron's ABI
// are there, build the app, and run it with `electron-vite preview`.
//
// The Electron build of better-sqlite3 goes to .electron-native/, never into node_modules:
// the tests and the `station` command keep loading node_modules' build for Node, and the
// app loads its own through better-sqlite3's `nativeBinding` option.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const nativeDir = path.join(root, '.electron-native');
const bin = (name) =>
  path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function quiet(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    timeout: 600_000,
    ...options,
  });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

function fail(sentence, details) {
  if (details && process.env.STATION_START_VERBOSE) process.stderr.write(details + '\n');
  process.stderr.write(sentence + '\n');
  process.exit(1);
}

function electronBinary() {
  try {
    const relative = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8');
    const file = path.join(electronDir, 'dist', relative);
    return fs.existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

// Electron's own installer fetches the binary; its output stays hidden unless it is needed.
function ensureElectron() {
  if (electronBinary()) return;
  const result = quiet(process.execPath, [path.join(electronDir, 'install.js')]);
  if (!result.ok || !electronBinary()) {
    fail(
      'Electron could not be downloaded here, so the desktop window cannot open; run ' +
        '`npx station --demo labels <number>` for the same core in a terminal.',
      result.output,
    );
  }
}

function electronVersion() {
  return JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
}

function electronAbi(version) {
  const file = path.join(electronDir, 'abi_version');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const result = quiet(process.execPath, [
    '-p',
    `require('node-abi').getAbi(${JSON.stringify(version)}, 'electron')`,
  ]);
  return result.ok ? result.output.trim() : null;
}

// A copy of the package is built so node_modules/better-sqlite3/build is never touched.
function buildNativeFor(version, target) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'station-native-'));
  try {
    fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), work, {
      recursive: true,
      filter: (src) =>
        !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`),
    });
    const arch = process.arch;
    const prebuilt = quiet(
      bin('prebuild-install'),
      ['--runtime', 'electron', '--target', version, '--arch', arch],
      { cwd: work },
    );
    const built = prebuilt.ok
      ? prebuilt
      : quiet(
          process.execPath,
          [
            nodeGyp(),
            'rebuild',
            '--release',
            `--target=${version}`,
            `--arch=${arch}`,
            '--runtime=electron',
            '--dist-url=https://electronjs.org/headers',
          ],
          { cwd: work },
        );
    const output = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    if (!built.ok || !fs.existsSync(output))
      return { ok: false, output: prebuilt.output + built.output };
    fs.mkdirSync(nativeDir, { recursive: true });
    fs.copyFileSync(output, target);
    return { ok: true };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function nodeGyp() {
  const local = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  if (fs.existsSync(local)) return local;
  // npm ships node-gyp beside itself.
  return path.join(
    path.dirname(process.execPath),
    '..',
    'lib',
    'node_modules',
    'npm',
    'node_modules',
    'node-gyp',
    'bin',
    'node-gyp.js',
  );
}

function ensureNativeBuild() {
  const version = electronVersion();
  const abi = electronAbi(version);
  if (!abi)
    fail('The Electron version of this app is unknown, so its database module cannot be fetched.');
  const target = path.join(nativeDir, `better_sqlite3-abi${abi}.node`);
  if (fs.existsSync(target)) return;
  const result = buildNativeFor(version, target);
  if (!result.ok) {
    fail(
      `The database module for Electron ${version} could not be downloaded or built here; ` +
        'run `npm start` once on a computer with network access.',
      result.output,
    );
  }
}

ensureElectron();
ensureNativeBuild();
const build = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const preview = spawnSync(bin('electron-vite'), ['preview', '--skipBuild'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(preview.status ?? 1);
