#!/usr/bin/env node
// Cuts the hashicorp/aws schema down to the types listed in resources.txt, for the binding generator.
//
//   node src/aws/extract-schema.cjs               full-schema.json.gz -> schema.json (offline)
//   node src/aws/extract-schema.cjs --terraform   first re-read full-schema.json.gz from terraform
//
// --terraform runs `terraform init`, `terraform providers schema -json` and `terraform version -json`
// in a temporary folder that requires hashicorp/aws at the version cdktf.json pins, with whatever
// provider installation the environment configures (registry, or TF_CLI_CONFIG_FILE with a mirror).
// Like `cdktf get` (@cdktf/provider-schema readProviderSchema), the full schema is Terraform's output
// plus `provider_versions` taken from `version -json`. Options --full <file> and --out <file> move
// the two files (the test that compares them with the mirrored provider writes to a scratch folder).
//
// Every schema part is kept as Terraform prints it: same keys, same order, same string escapes, so
// the subset without its indentation is byte for byte what Terraform wrote.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const { execFileSync } = require("child_process");

const here = __dirname;
const FQN = "registry.terraform.io/hashicorp/aws";
const SOURCE = "hashicorp/aws";
const DATA_PREFIX = "data.";
const defaults = {
  list: path.join(here, "resources.txt"),
  full: path.join(here, "full-schema.json.gz"),
  out: path.join(here, "schema.json"),
  cdktfJson: path.resolve(here, "..", "..", "cdktf.json"),
};

/** The exact hashicorp/aws version cdktf.json's terraformProviders pins. */
function pinnedVersion(cdktfJson = defaults.cdktfJson) {
  const providers = JSON.parse(fs.readFileSync(cdktfJson, "utf8")).terraformProviders || [];
  const entry = providers.find((p) => typeof p === "string" && p.startsWith(`${SOURCE}@`));
  const version = entry && entry.slice(SOURCE.length + 1).trim();
  if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
    throw new Error(`${cdktfJson}: terraformProviders needs "${SOURCE}@<exact version>", found ${entry}`);
  }
  return version;
}

/** The listed types: { resources: [...], dataSources: [...] }, or an error naming every bad line. */
function listedTypes(listFile = defaults.list) {
  const resources = [];
  const dataSources = [];
  const problems = [];
  fs.readFileSync(listFile, "utf8").split("\n").forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const isData = line.startsWith(DATA_PREFIX);
    const type = isData ? line.slice(DATA_PREFIX.length) : line;
    const target = isData ? dataSources : resources;
    if (!/^aws_[a-z0-9_]+$/.test(type)) {
      problems.push(`line ${i + 1}: "${line}" is not a type name like aws_dynamodb_table or data.aws_region`);
    } else if (target.includes(type)) {
      problems.push(`line ${i + 1}: "${line}" is listed twice`);
    } else {
      target.push(type);
    }
  });
  if (problems.length > 0) throw new Error(`${listFile}:\n  ${problems.join("\n  ")}`);
  return { resources, dataSources };
}

/** JSON text with Go's encoding/json string escapes, which Terraform's output uses. */
function goJson(value, indent) {
  return JSON.stringify(value, null, indent).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function run(cwd, args) {
  return execFileSync("terraform", args, {
    cwd,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", TF_INPUT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Asks terraform for the full schema of the pinned version and writes it to fullFile (gzip). */
function readFromTerraform(version, fullFile) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-aws-schema-"));
  try {
    const config = { terraform: { required_providers: { aws: { source: SOURCE, version } } } };
    fs.writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify(config));
    run(dir, ["init", "-input=false", "-no-color"]);
    const raw = run(dir, ["providers", "schema", "-json"]).trim();
    const selected = JSON.parse(run(dir, ["version", "-json"])).provider_selections || {};
    const schema = JSON.parse(raw);
    if (goJson(schema) !== raw) {
      throw new Error("terraform's schema output does not survive a JSON round trip unchanged");
    }
    schema.provider_versions = selected;
    fs.writeFileSync(fullFile, zlib.gzipSync(`${goJson(schema)}\n`, { level: 9 }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function readFull(fullFile) {
  const bytes = fs.readFileSync(fullFile);
  return JSON.parse((fullFile.endsWith(".gz") ? zlib.gunzipSync(bytes) : bytes).toString("utf8"));
}

/** The subset of `full` the generator reads, in Terraform's key order. */
function subset(full, version, listed) {
  const found = (full.provider_versions || {})[FQN];
  if (found !== version) {
    throw new Error(`the full schema is ${SOURCE} ${found}, but cdktf.json pins ${version}`);
  }
  const provider = full.provider_schemas[FQN];
  const pick = (all, wanted, prefix) => {
    const missing = wanted.filter((t) => !Object.hasOwn(all, t)).map((t) => prefix + t);
    return { kept: Object.fromEntries(Object.entries(all).filter(([t]) => wanted.includes(t))), missing };
  };
  const resources = pick(provider.resource_schemas, listed.resources, "");
  const dataSources = pick(provider.data_source_schemas, listed.dataSources, DATA_PREFIX);
  const missing = [...resources.missing, ...dataSources.missing];
  if (missing.length > 0) {
    throw new Error(`not in ${SOURCE} ${version}: ${missing.join(", ")}`);
  }
  return {
    format_version: full.format_version,
    provider_schemas: {
      [FQN]: {
        provider: provider.provider,
        resource_schemas: resources.kept,
        data_source_schemas: dataSources.kept,
      },
    },
    provider_versions: { [FQN]: version },
  };
}

function main(argv) {
  const options = { ...defaults, terraform: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--terraform") options.terraform = true;
    else if (argv[i] === "--full" && argv[i + 1]) options.full = path.resolve(argv[++i]);
    else if (argv[i] === "--out" && argv[i + 1]) options.out = path.resolve(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}; usage: extract-schema.cjs [--terraform] [--full <file>] [--out <file>]`);
  }
  const version = pinnedVersion();
  const listed = listedTypes();
  if (options.terraform) readFromTerraform(version, options.full);
  fs.writeFileSync(options.out, `${goJson(subset(readFull(options.full), version, listed), 2)}\n`);
  const shown = path.relative(process.cwd(), options.out);
  console.log(`${shown.startsWith("..") ? options.out : shown}: ${SOURCE} ${version}, provider block, `
    + `${listed.resources.length} resources, ${listed.dataSources.length} data sources`);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(`extract-schema: ${e.message}`);
    process.exit(1);
  }
}

module.exports = { listedTypes, FQN, DATA_PREFIX };
