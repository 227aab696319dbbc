#!/usr/bin/env node
// `npm ci` in a folder, skipped when its node_modules was installed from the same lockfile by the
// same Node: npm ci deletes and reinstalls node_modules every time (seconds per build), and the
// lockfile and Node release are what decide its result. Installs are also kept per key outside
// target/ (~/.cache/tandem/npm/<key>), so a fresh clone copies them instead of running npm.
//   node install-locked.cjs <folder holding package.json and package-lock.json> [npm ci options…]
// Also required by src/bindings/generate.cjs (the install, and the cache it keeps its bindings in).
"use strict";

const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");

const DEFAULT_OPTIONS = ["--no-audit", "--no-fund", "--loglevel=error"];

/** @returns the key of an install: the lockfile's bytes and the Node release. */
function installKey(dir) {
  return crypto.createHash("sha256")
    .update(fs.readFileSync(path.join(dir, "package-lock.json")))
    .update(process.version)
    .digest("hex");
}

/**
 * Runs `npm ci` in `dir` unless its node_modules holds the stamp of the same key; a node_modules
 * installed from the same key elsewhere on this machine (a fresh clone, after `mvn clean`) is copied
 * from the cache instead (TANDEM_CACHE_DIR as for the bindings: src/bindings/generate.cjs).
 */
function installLocked(dir, options = DEFAULT_OPTIONS, env = process.env) {
  const key = installKey(dir);
  const modules = path.join(dir, "node_modules");
  const stamp = path.join(modules, STAMP);
  if (stampOf(modules) === key) return false;
  const cached = cacheEntry("npm", key);
  if (cached && stampOf(cached) === key) {
    fs.rmSync(modules, { recursive: true, force: true });
    fs.cpSync(cached, modules, { recursive: true, verbatimSymlinks: true });
    return true;
  }
  execFileSync("npm", ["ci", ...options], { cwd: dir, env, stdio: ["ignore", "ignore", "inherit"] });
  // Written last: an interrupted install has no stamp and runs again.
  fs.writeFileSync(stamp, key);
  if (cached) storeInCache(modules, cached);
  return true;
}

const STAMP = ".tandem-install-key";
const stampOf = (modules) => {
  const stamp = path.join(modules, STAMP);
  return fs.existsSync(stamp) ? fs.readFileSync(stamp, "utf8").trim() : "";
};

/**
 * @returns where this machine keeps build products of `kind` made from inputs whose hash is `key`,
 * or null when the cache is off: $TANDEM_CACHE_DIR, else $XDG_CACHE_HOME/tandem, else ~/.cache/tandem
 * (TANDEM_CACHE_DIR=off turns it off)
 */
function cacheEntry(kind, key) {
  const setting = process.env.TANDEM_CACHE_DIR;
  if (setting === "off") return null;
  const base = setting || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "tandem");
  return path.join(base, kind, key);
}

/**
 * Copies `from` to the cache entry beside it, then renames it into place: a reader never sees half an
 * entry, and a concurrent build that stored the same entry first wins.
 * @returns whether the entry is there now
 */
function storeInCache(from, entry) {
  const tmp = `${entry}.tmp-${process.pid}`;
  try {
    fs.mkdirSync(path.dirname(entry), { recursive: true });
    fs.cpSync(from, tmp, { recursive: true, verbatimSymlinks: true });
    fs.renameSync(tmp, entry);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return fs.existsSync(entry);
}

module.exports = { installLocked, cacheEntry, storeInCache };

if (require.main === module) {
  const [dir, ...options] = process.argv.slice(2);
  if (!dir) {
    console.error("usage: node install-locked.cjs <folder> [npm ci options…]");
    process.exit(2);
  }
  try {
    installLocked(path.resolve(dir), options.length ? options : DEFAULT_OPTIONS);
  } catch (e) {
    console.error(`npm ci in ${dir} failed: ${e && e.message ? e.message : e}`);
    process.exit(1);
  }
}
