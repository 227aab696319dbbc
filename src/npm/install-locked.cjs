#!/usr/bin/env node
// `npm ci` in a folder, skipped when its node_modules was installed from the same lockfile by the
// same Node: npm ci deletes and reinstalls node_modules every time (seconds per build), and the
// lockfile and Node release are what decide its result.
//   node install-locked.cjs <folder holding package.json and package-lock.json> [npm ci options…]
// Also required by src/bindings/generate.cjs.
"use strict";

const crypto = require("crypto");
const fs = require("fs");
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

/** Runs `npm ci` in `dir` unless its node_modules holds the stamp of the same key. */
function installLocked(dir, options = DEFAULT_OPTIONS, env = process.env) {
  const key = installKey(dir);
  const stamp = path.join(dir, "node_modules", ".tandem-install-key");
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8").trim() === key) return false;
  execFileSync("npm", ["ci", ...options], { cwd: dir, env, stdio: ["ignore", "ignore", "inherit"] });
  // Written last: an interrupted install has no stamp and runs again.
  fs.writeFileSync(stamp, key);
  return true;
}

module.exports = { installLocked };

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
