#!/usr/bin/env node
// Builds the pair of the synth benchmark: the deployment a Java synth wrote, as a cdktf TypeScript
// program compiled with tsc, on TypeScript bindings generated from the same committed schemas
// (src/*/schema.json) by the same generator the build uses. Nothing is downloaded: the generator,
// cdktf, constructs and typescript come from the node_modules the build installed from
// src/bindings/package-lock.json.
//
//   node typescript-program.cjs <node_modules> <work dir> <cdktf.out written by the Java synth>
//
// Writes <work dir>/main.ts (one statement per provider, resource, data source, variable, local and
// output of every stack, with the Java output's logical ids) and compiles it to <work dir>/dist/main.js,
// which synthesizes into the folder given as its first argument. Prints tsc's diagnostics, if any.
"use strict";

const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");

const [nodeModules, workDir, javaOut] = process.argv.slice(2).map((p) => p && path.resolve(p));
if (!nodeModules || !workDir || !javaOut) {
  console.error("usage: node typescript-program.cjs <node_modules> <work dir> <cdktf.out of the Java synth>");
  process.exit(2);
}
const src = path.resolve(__dirname, "..", "..", "src");
const PROVIDERS = [["ovh/ovh", "ovh"], ["cloudflare/cloudflare", "cloudflare"], ["hashicorp/aws", "aws"],
  ["hashicorp/tls", "tls"]];
const META = new Set(["//", "provider", "depends_on", "lifecycle", "count", "for_each", "connection", "provisioner"]);

// The generator only asks Terraform for its version; its warnings about a missing CLI config are noise.
Object.assign(process.env, { CHECKPOINT_DISABLE: "1", CDKTF_LOG_LEVEL: "error", DISABLE_VERSION_CHECK: "1" });

const camel = (s) => s.replace(/[-_]+([a-z0-9])/g, (_, c) => c.toUpperCase());

// The generator's schema cache, as src/bindings/generate.cjs writes it: Cloudflare pinned to its
// patch releases (no provider_versions, constraint "~> release"), the others exact.
async function generateBindings(schemas) {
  const cacheDir = path.join(workDir, "schema-cache");
  process.env.TF_CLI_CONFIG_FILE = path.join(workDir, "terraformrc"); // empty: no warning about a missing one
  fs.writeFileSync(process.env.TF_CLI_CONFIG_FILE, "");
  fs.mkdirSync(cacheDir, { recursive: true });
  const { ConstructsMaker } = require(path.join(nodeModules, "@cdktf/provider-generator"));
  const { TerraformProviderConstraint, Language } = require(path.join(nodeModules, "@cdktf/commons"));
  const constraints = PROVIDERS.map(([fqn, dir]) => {
    const schema = { ...schemas[dir] };
    const release = schema.provider_versions[`registry.terraform.io/${fqn}`];
    const constraint = dir === "cloudflare" ? `~> ${release}` : release;
    if (dir === "cloudflare") delete schema.provider_versions;
    fs.writeFileSync(path.join(cacheDir, `${encodeURIComponent(fqn)}@${encodeURIComponent(constraint)}.json`),
      JSON.stringify(schema));
    return new TerraformProviderConstraint(`${fqn}@${constraint}`);
  });
  const cwd = process.cwd();
  process.chdir(workDir);
  try {
    await new ConstructsMaker({ targetLanguage: Language.TYPESCRIPT, codeMakerOutput: "gen" }, cacheDir)
      .generate(constraints);
  } finally {
    process.chdir(cwd);
  }
}

// type name -> { module path, class name } for every generated provider, resource and data source.
function indexBindings() {
  const index = {};
  const root = path.join(workDir, "gen", "providers");
  for (const provider of fs.readdirSync(root)) {
    for (const dir of fs.readdirSync(path.join(root, provider))) {
      const file = path.join(root, provider, dir, "index.ts");
      if (!fs.existsSync(file)) continue;
      const text = fs.readFileSync(file, "utf8");
      const cls = /export class (\w+) extends cdktf\.Terraform(?:Resource|DataSource|Provider) \{\s*\n[\s\S]*?tfResourceType = "([\w-]+)"/
        .exec(text);
      if (!cls) continue;
      const kind = /extends cdktf\.TerraformDataSource/.test(text) ? "data"
        : /extends cdktf\.TerraformProvider/.test(text) ? "provider" : "resource";
      index[`${kind}:${cls[2]}`] = { module: `./gen/providers/${provider}/${dir}`, name: cls[1] };
    }
  }
  return index;
}

// TypeScript code standing as is in the program (lit() writes everything else as JSON).
class Code {
  constructor(text) { this.text = text; }
}
const lit = (v) => v instanceof Code ? v.text
  : Array.isArray(v) ? `[${v.map(lit).join(", ")}]`
  : v && typeof v === "object" ? `{ ${Object.entries(v).map(([k, e]) => `${JSON.stringify(k)}: ${lit(e)}`).join(", ")} }`
  : JSON.stringify(v);

// Terraform JSON (snake_case) to the binding's props (camelCase), by the schema: keys of maps and of
// dynamic values are data and stay as they are; an expression where the type is not a string is
// passed as a token, as the Java constructs pass it.
function props(value, block) {
  const out = {};
  for (const [key, v] of Object.entries(value)) {
    if (META.has(key)) continue;
    const attr = (block.attributes || {})[key];
    const nested = (block.block_types || {})[key];
    if (nested) {
      out[camel(key)] = Array.isArray(v) ? v.map((e) => props(e, nested.block)) : props(v, nested.block);
    } else if (attr) {
      out[camel(key)] = attr.nested_type ? nestedValue(v, attr.nested_type) : typedValue(v, attr.type);
    } else if (key === "alias") {
      out[key] = v;
    } else {
      throw new Error(`no attribute or block ${key} in the schema`);
    }
  }
  return out;
}

function typedValue(v, type) {
  if (typeof v === "string" && type !== "string" && v.includes("${")) return new Code(`Token.asAny(${JSON.stringify(v)})`);
  if (!Array.isArray(type)) return v;
  const [kind, inner] = type;
  if ((kind === "list" || kind === "set") && Array.isArray(v)) return v.map((e) => typedValue(e, inner));
  if (kind === "object" && v && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, e]) => [camel(k), typedValue(e, inner[k])]));
  }
  return v;
}

function nestedValue(v, nestedType) {
  if (typeof v === "string" && v.includes("${")) return new Code(`Token.asAny(${JSON.stringify(v)})`);
  const one = (e) => props(e, nestedType);
  return Array.isArray(v) ? v.map(one) : v && typeof v === "object" && nestedType.nesting_mode !== "map" ? one(v) : v;
}

// Provisioners, connection and lifecycle in cdktf's TypeScript shape.
function meta(r) {
  const out = {};
  if (r.connection) out.connection = camelKeys(r.connection);
  if (r.provisioner) {
    out.provisioners = r.provisioner.map((p) => {
      const [type, body] = Object.entries(p)[0];
      return { type, ...camelKeys(body) };
    });
  }
  if (r.lifecycle) out.lifecycle = camelKeys(r.lifecycle);
  return out;
}
const camelKeys = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [camel(k), v]));

function stackCode(name, json, schemas, index, imports) {
  const lines = [`{`, `  const s = new TerraformStack(app, ${lit(name)});`];
  const providerVar = {};
  let n = 0;
  const use = (entry) => {
    imports.set(entry.module, entry.name);
    return entry.name;
  };
  const schemaOf = (type) => {
    const prefix = type.split("_")[0];
    const dir = PROVIDERS.find(([fqn]) => fqn.endsWith(`/${prefix}`));
    return dir && schemas[dir[1]].provider_schemas[`registry.terraform.io/${dir[0]}`];
  };
  for (const [p, configs] of Object.entries(json.provider || {})) {
    for (const config of configs) {
      const entry = index[`provider:${p}`];
      const v = `p${n++}`;
      providerVar[config.alias ? `${p}.${config.alias}` : p] = v;
      lines.push(`  const ${v} = new ${use(entry)}(s, ${lit(config.alias || p)}, ${lit(props(config, schemaOf(p).provider.block))});`);
    }
  }
  const backend = (json.terraform || {}).backend;
  if (backend && backend.local) lines.push(`  new LocalBackend(s, ${lit(backend.local)});`);
  for (const [id, v] of Object.entries(json.variable || {})) {
    lines.push(`  new TerraformVariable(s, ${lit(id)}, ${lit(camelKeys({ ...v,
      validation: v.validation && v.validation.map(camelKeys) }))}).overrideLogicalId(${lit(id)});`);
  }
  for (const [id, v] of Object.entries(json.locals || {})) {
    lines.push(`  new TerraformLocal(s, ${lit(id)}, ${lit(v)}).overrideLogicalId(${lit(id)});`);
  }
  const dependsOn = [];
  for (const kind of ["data", "resource"]) {
    for (const [type, byId] of Object.entries(json[kind] || {})) {
      for (const [id, r] of Object.entries(byId)) {
        const v = `r${n++}`;
        const common = { ...meta(r) };
        let ctor;
        if (type === "terraform_remote_state") {
          ctor = `new DataTerraformRemoteStateLocal(s, ${lit(id)}, ${lit(camelKeys({ ...r.config, workspace: r.workspace }))})`;
        } else if (index[`${kind}:${type}`]) {
          const schema = schemaOf(type)[kind === "data" ? "data_source_schemas" : "resource_schemas"][type];
          ctor = `new ${use(index[`${kind}:${type}`])}(s, ${lit(id)}, { ...${lit(props(r, schema.block))}, ...${lit(common)}`
            + `${r.provider ? `, provider: ${providerVar[r.provider]}` : ""} })`;
        } else {
          // terraform_data: Terraform's built-in resource, which cdktf 0.19 has no class for
          ctor = `new TerraformResource(s, ${lit(id)}, { terraformResourceType: ${lit(type)}, ...${lit(common)} })`;
          const attrs = Object.entries(r).filter(([k]) => !META.has(k));
          lines.push(`  const ${v} = ${ctor};`);
          for (const [k, a] of attrs) lines.push(`  ${v}.addOverride(${lit(k)}, ${lit(a)});`);
          ctor = null;
        }
        if (ctor) lines.push(`  const ${v} = ${ctor};`);
        lines.push(`  ${v}.overrideLogicalId(${lit(id)});`);
        if (r.depends_on) dependsOn.push(`  ${v}.dependsOn = ${lit(r.depends_on)};`);
      }
    }
  }
  lines.push(...dependsOn);
  for (const [id, o] of Object.entries(json.output || {})) {
    lines.push(`  new TerraformOutput(s, ${lit(id)}, ${lit(camelKeys(o))}).overrideLogicalId(${lit(id)});`);
  }
  lines.push("}");
  return lines.join("\n");
}

async function main() {
  fs.mkdirSync(workDir, { recursive: true });
  const schemas = Object.fromEntries(PROVIDERS.map(([, dir]) =>
    [dir, JSON.parse(fs.readFileSync(path.join(src, dir, "schema.json"), "utf8"))]));
  fs.rmSync(path.join(workDir, "gen"), { recursive: true, force: true });
  await generateBindings(schemas);
  const index = indexBindings();
  const manifest = JSON.parse(fs.readFileSync(path.join(javaOut, "manifest.json"), "utf8"));
  const imports = new Map();
  const stacks = Object.values(manifest.stacks).map((stack) => stackCode(stack.name,
    JSON.parse(fs.readFileSync(path.join(javaOut, stack.synthesizedStackPath), "utf8")), schemas, index, imports));
  const code = [
    `import { App, Token, TerraformStack, TerraformResource, TerraformOutput, TerraformVariable, TerraformLocal,`,
    `  LocalBackend, DataTerraformRemoteStateLocal } from "cdktf";`,
    ...[...imports].map(([module, name]) => `import { ${name} } from ${lit(module)};`),
    `declare const process: { argv: string[] }; // @types/node of the lockfile is newer than its tsc`,
    `const app = new App({ outdir: process.argv[2] || "cdktf.out" });`,
    ...stacks,
    `app.synth();`,
    "",
  ].join("\n");
  fs.writeFileSync(path.join(workDir, "main.ts"), code);
  const link = path.join(workDir, "node_modules");
  if (!fs.existsSync(link)) fs.symlinkSync(nodeModules, link);
  fs.writeFileSync(path.join(workDir, "tsconfig.json"), JSON.stringify({
    compilerOptions: { target: "ES2018", module: "commonjs", lib: ["es2018"], outDir: "dist", rootDir: ".",
      strict: true, skipLibCheck: true, declaration: false, types: [] },
    files: ["main.ts"],
  }, null, 2));
  try {
    execFileSync("node", [path.join(nodeModules, "typescript", "bin", "tsc"), "-p", workDir],
      { stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    // tsc emits JavaScript despite type errors; say what they were
    process.stderr.write(`tsc: ${e.stdout}${e.stderr}`);
    if (!fs.existsSync(path.join(workDir, "dist", "main.js"))) process.exit(1);
  }
}

main().catch((e) => {
  console.error(`typescript-program: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
