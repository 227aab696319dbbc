#!/usr/bin/env node
// Writes the argument index AwsResource validates against: every resource and data source type of the
// committed hashicorp/aws schema (full-schema.json.gz, the release cdktf.json pins) with, per block,
// each attribute's role and each nested block's nesting. Run by constructs/pom.xml:
//   node src/aws/type-index.cjs <out-file.json.gz>
// Roles: r required, o optional, c computed only (read-only). Blocks: {n: nesting, b: block}.
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const FQN = "registry.terraform.io/hashicorp/aws";
const out = process.argv[2];
if (!out) {
  console.error("usage: node type-index.cjs <out-file.json.gz>");
  process.exit(2);
}
const full = path.join(__dirname, "full-schema.json.gz");

function index(block) {
  const a = {};
  for (const [name, attr] of Object.entries(block.attributes || {})) {
    a[name] = attr.required ? "r" : attr.optional ? "o" : "c";
  }
  const b = {};
  for (const [name, nested] of Object.entries(block.block_types || {})) {
    b[name] = { n: nested.nesting_mode, min: nested.min_items || 0, b: index(nested.block) };
  }
  return { a, b };
}

const schema = JSON.parse(zlib.gunzipSync(fs.readFileSync(full)).toString("utf8"));
const aws = schema.provider_schemas[FQN];
const version = (schema.provider_versions || {})[FQN];
const types = { version, resources: {}, dataSources: {} };
for (const [type, s] of Object.entries(aws.resource_schemas)) types.resources[type] = index(s.block);
for (const [type, s] of Object.entries(aws.data_source_schemas)) types.dataSources[type] = index(s.block);

const text = JSON.stringify(types);
const previous = fs.existsSync(out) ? zlib.gunzipSync(fs.readFileSync(out)).toString("utf8") : null;
if (previous !== text) {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, zlib.gzipSync(text, { level: 9 }));
}
