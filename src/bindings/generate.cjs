#!/usr/bin/env node
// Generates the Java bindings that no registry serves, with cdktf's own provider generator as
// `cdktf get` does: OVH, AWS, Cloudflare and hashicorp/tls from the schemas committed under src/ovh,
// src/aws, src/cloudflare and src/tls.
// Run by providers/pom.xml:  node generate.cjs <work-dir> <out-dir>
// Output: <out-dir>/java and <out-dir>/resources. Skipped when no input changed since the last run;
// copied from the cache (bindingCache) when a build elsewhere generated them from the same inputs.
"use strict";

const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { installLocked, cacheEntry, storeInCache } = require("../npm/install-locked.cjs");

const [workDir, outDir] = process.argv.slice(2).map((p) => path.resolve(p));
if (!workDir || !outDir) {
  console.error("usage: node generate.cjs <work-dir> <out-dir>");
  process.exit(2);
}
const here = __dirname;
const awsSchema = path.resolve(here, "..", "aws", "schema.json");
// Providers generated from a schema subset: the file names the release it was written from
// (provider_versions); `pin` says what the synthesized required_providers constraint admits.
const SCHEMA_PROVIDERS = [
  { fqn: "ovh/ovh", schemaFile: path.resolve(here, "..", "ovh", "schema.json"), pin: "exact" },
  { fqn: "cloudflare/cloudflare", schemaFile: path.resolve(here, "..", "cloudflare", "schema.json"), pin: "patch" },
  { fqn: "hashicorp/aws", schemaFile: awsSchema, pin: "exact" },
  { fqn: "hashicorp/tls", schemaFile: path.resolve(here, "..", "tls", "schema.json"), pin: "exact" },
];
const inputs = [
  path.join(here, "package.json"),
  path.join(here, "package-lock.json"),
  __filename,
  ...SCHEMA_PROVIDERS.map((p) => p.schemaFile),
];
const JAVA_PACKAGE_ROOT = "dev.tandem.providers"; // = codeMakerOutput in cdktf.json
const projectRoot = path.resolve(here, "..", "..");

// A quiet child environment: no Node end-of-life banner, no telemetry, and no Terraform CLI
// config that points at a missing file (the generator only asks terraform for its version).
const env = {
  ...process.env,
  JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: "1",
  // this one takes the list of majors to silence, not a flag
  JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: process.versions.node.split(".")[0],
  JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION: "1",
  CDKTF_LOG_LEVEL: "error",
  CHECKPOINT_DISABLE: "1",
  CDKTF_DISABLE_PLUGIN_CACHE_ENV: "1",
  DISABLE_VERSION_CHECK: "1",
};
if (env.TF_CLI_CONFIG_FILE && !fs.existsSync(env.TF_CLI_CONFIG_FILE)) {
  delete env.TF_CLI_CONFIG_FILE;
  delete process.env.TF_CLI_CONFIG_FILE;
}
Object.assign(process.env, env);

function hashOf(files) {
  const h = crypto.createHash("sha256");
  for (const f of files) {
    h.update(path.basename(f));
    h.update(fs.readFileSync(f));
  }
  return h.digest("hex");
}

function readIfExists(file) {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : "";
}

function moveTree(from, to) {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) {
      fs.mkdirSync(dst, { recursive: true });
      moveTree(src, dst);
    } else {
      fs.renameSync(src, dst);
    }
  }
}

// Installs the locked generator packages (skipped when the same lockfile is installed there already).
function installGenerators() {
  fs.mkdirSync(workDir, { recursive: true });
  for (const f of ["package.json", "package-lock.json"]) {
    fs.copyFileSync(path.join(here, f), path.join(workDir, f));
  }
  installLocked(workDir, ["--no-audit", "--no-fund", "--loglevel=error", "--ignore-scripts"], env);
}

// Generated bindings are kept per input hash outside target/ (cacheEntry: ~/.cache/tandem/bindings/<hash>):
// a fresh clone, or the build after `mvn clean`, copies them instead of installing the generators and
// generating for a minute or more.
const bindingCache = (hash) => cacheEntry("bindings", hash);

// Writes `provider`'s schema into the generator's cache and returns the constraint to generate it
// with. An exact pin is the release itself. A patch pin is `~> <release>` (later patch releases of
// the same minor), and the cached copy leaves out provider_versions: cdktf 0.19.2 synthesizes
// required_providers.version from the release when it knows one and from the constraint only when
// it does not (cdktf lib/terraform-provider.js), so this is how the JSON carries the constraint.
function cacheSchema(provider, cacheDir) {
  const schema = JSON.parse(fs.readFileSync(provider.schemaFile, "utf8"));
  const key = `registry.terraform.io/${provider.fqn}`;
  const release = (schema.provider_versions || {})[key];
  if (!release) {
    throw new Error(`${provider.schemaFile}: provider_versions["${key}"] is missing`);
  }
  const constraint = provider.pin === "patch" ? `~> ${release}` : release;
  if (provider.pin === "patch") delete schema.provider_versions;
  // The generator reads schemas from its cache under this exact name (see @cdktf/provider-schema).
  const cacheName = `${encodeURIComponent(provider.fqn)}@${encodeURIComponent(constraint)}.json`;
  fs.writeFileSync(path.join(cacheDir, cacheName), JSON.stringify(schema));
  return constraint;
}

async function generateFromSchemas(staging) {
  const cacheDir = path.join(staging, "schema-cache");
  fs.mkdirSync(cacheDir, { recursive: true });
  const req = (m) => require(path.join(workDir, "node_modules", m));
  const { ConstructsMaker } = req("@cdktf/provider-generator");
  const { TerraformProviderConstraint, Language } = req("@cdktf/commons");
  const constraints = SCHEMA_PROVIDERS.map(
    (p) => new TerraformProviderConstraint(`${p.fqn}@${cacheSchema(p, cacheDir)}`),
  );
  const out = path.join(staging, "schema-providers");
  fs.mkdirSync(out, { recursive: true });
  const cwd = process.cwd();
  process.chdir(out); // the Java target writes to ./src/main relative to the working directory
  try {
    const maker = new ConstructsMaker(
      { targetLanguage: Language.JAVA, codeMakerOutput: JAVA_PACKAGE_ROOT },
      cacheDir,
    );
    await maker.generate(constraints);
  } finally {
    process.chdir(cwd);
  }
  return { main: path.join(out, "src", "main"), record: path.join(out, JAVA_PACKAGE_ROOT) };
}

// `cdktf get` records what it generated in <project>/<codeMakerOutput>/, and the cdktf CLI refuses
// to synth while that folder is missing; keep it in step with what this build generated.
function publishGeneratedRecord() {
  const record = path.join(outDir, "codemaker");
  const target = path.join(projectRoot, JAVA_PACKAGE_ROOT);
  fs.mkdirSync(target, { recursive: true });
  for (const f of fs.readdirSync(record)) fs.copyFileSync(path.join(record, f), path.join(target, f));
}

// A type added to src/aws/resources.txt without re-running the extraction would silently be missing.
function checkAwsSubsetFollowsList() {
  const { listedTypes, FQN } = require(path.resolve(here, "..", "aws", "extract-schema.cjs"));
  const listed = listedTypes();
  const schema = JSON.parse(fs.readFileSync(awsSchema, "utf8")).provider_schemas[FQN];
  const same = (a, b) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
  if (!same(listed.resources, Object.keys(schema.resource_schemas))
      || !same(listed.dataSources, Object.keys(schema.data_source_schemas))) {
    throw new Error("src/aws/schema.json does not hold exactly the types of src/aws/resources.txt; "
      + "run `node src/aws/extract-schema.cjs` and commit its output");
  }
}

async function main() {
  checkAwsSubsetFollowsList();
  const hash = hashOf(inputs);
  const stamp = path.join(outDir, ".inputs-sha256");
  const cached = bindingCache(hash);
  if (readIfExists(stamp) === hash) {
    if (cached && !fs.existsSync(cached)) storeInCache(outDir, cached);
    publishGeneratedRecord();
    return; // unchanged inputs: keep sources and classes as they are
  }

  if (cached && readIfExists(path.join(cached, ".inputs-sha256")) === hash) {
    console.error("tandem: provider bindings: copying the ones generated from the same inputs"
      + ` (${path.dirname(cached)})`);
    const copy = `${outDir}.staging`;
    fs.rmSync(copy, { recursive: true, force: true });
    fs.cpSync(cached, copy, { recursive: true });
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.renameSync(copy, outDir);
    publishGeneratedRecord();
    return;
  }

  console.error("tandem: provider bindings: generating the OVH, AWS, Cloudflare and TLS bindings"
    + " from src/*/schema.json (a minute or more, once per change of a schema)");
  installGenerators();
  const staging = `${outDir}.staging`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  const result = path.join(staging, "result");
  for (const dir of ["java", "resources"]) fs.mkdirSync(path.join(result, dir), { recursive: true });

  const generated = await generateFromSchemas(staging);
  moveTree(path.join(generated.main, "java"), path.join(result, "java"));
  moveTree(path.join(generated.main, "resources"), path.join(result, "resources"));
  fs.mkdirSync(path.join(result, "codemaker"));
  moveTree(generated.record, path.join(result, "codemaker"));
  fs.writeFileSync(path.join(result, ".inputs-sha256"), hash);
  if (cached && !storeInCache(result, cached)) console.error("tandem: generated bindings not cached");
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.renameSync(result, outDir);
  fs.rmSync(staging, { recursive: true, force: true });
  publishGeneratedRecord();
}

main().catch((e) => {
  console.error(`binding generation failed: ${e && e.message ? e.message : e}`);
  process.exit(1);
});
