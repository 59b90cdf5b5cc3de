// The floor of `npm run bench`: what cdktf itself needs to synthesize an estate's resources. It reads the
// cdk.tf.json of every stack of a synth output and re-creates the same providers, backend, resources, data
// sources, outputs and stack dependencies with cdktf's generic classes (no provider bindings, no project
// constructs, no config), then synthesizes them into a temp dir. Reading happens before the clock starts:
// only construct creation and app.synth() are timed. Prints {"seconds", "cpuSeconds", "stacks", "resources"}
// as JSON.
//
//   node tools/bench/floor.mjs <cdktf.out dir>
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  App,
  TerraformBackend,
  TerraformDataSource,
  TerraformOutput,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
} from "cdktf";

const input = process.argv[2];
if (!input) throw new Error("usage: node tools/bench/floor.mjs <cdktf.out dir>");
const manifest = JSON.parse(readFileSync(join(input, "manifest.json"), "utf8"));
const stacks = Object.values(manifest.stacks).map((s) => ({
  name: s.name,
  dependencies: s.dependencies,
  json: JSON.parse(readFileSync(join(input, s.synthesizedStackPath), "utf8")),
}));

/** Logical IDs are the construct IDs, which are the names in the input. */
class Stack extends TerraformStack {
  allocateLogicalId(element) {
    return element.node.id;
  }
}
class Provider extends TerraformProvider {
  constructor(scope, id, type, requirement, attributes) {
    super(scope, id, {
      terraformResourceType: type,
      terraformGeneratorMetadata: { providerName: type, providerVersion: requirement.version },
      terraformProviderSource: requirement.source,
    });
    this.attributes = attributes;
  }
  synthesizeAttributes() {
    return this.attributes;
  }
}
class Backend extends TerraformBackend {
  constructor(scope, name, attributes) {
    super(scope, "backend", name);
    this.attributes = attributes;
  }
  synthesizeAttributes() {
    return this.attributes;
  }
}
/** Terraform's meta-arguments: cdktf merges its own over the attributes, so they go in as overrides. */
const META = new Set([
  "count",
  "depends_on",
  "for_each",
  "lifecycle",
  "provider",
  "provisioner",
  "connection",
]);
// Attributes pass through as they are; cdktf writes its own "//" metadata.
const passThrough = (Base) =>
  class extends Base {
    constructor(scope, id, type, attributes) {
      // terraform_remote_state is built in; everything else names its provider, which the stack declares.
      const providerName = type.startsWith("terraform_") ? undefined : type.split("_")[0];
      super(scope, id, {
        terraformResourceType: type,
        terraformGeneratorMetadata: providerName && { providerName },
      });
      this.attributes = {};
      for (const [key, value] of Object.entries(attributes)) {
        if (META.has(key)) this.addOverride(key, value);
        else if (key !== "//") this.attributes[key] = value;
      }
    }
    synthesizeAttributes() {
      return this.attributes;
    }
  };
const Resource = passThrough(TerraformResource);
const DataSource = passThrough(TerraformDataSource);

const outdir = mkdtempSync(join(tmpdir(), "aoai-floor-"));
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
const app = new App({ outdir });
const created = new Map();
let resources = 0;
for (const { name, json } of stacks) {
  const stack = new Stack(app, name);
  created.set(name, stack);
  for (const [type, configs] of Object.entries(json.provider ?? {}))
    configs.forEach(
      (c, i) => new Provider(stack, `${type}${i || ""}`, type, json.terraform.required_providers[type], c),
    );
  for (const [type, attributes] of Object.entries(json.terraform?.backend ?? {}))
    new Backend(stack, type, attributes);
  for (const [type, byName] of Object.entries(json.resource ?? {}))
    for (const [id, attributes] of Object.entries(byName)) {
      new Resource(stack, id, type, attributes);
      resources++;
    }
  for (const [type, byName] of Object.entries(json.data ?? {}))
    for (const [id, attributes] of Object.entries(byName)) new DataSource(stack, id, type, attributes);
  for (const [id, output] of Object.entries(json.output ?? {})) new TerraformOutput(stack, id, output);
}
for (const { name, dependencies } of stacks)
  for (const dependency of dependencies) created.get(name).addDependency(created.get(dependency));
app.synth();
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
rmSync(outdir, { recursive: true, force: true });
console.log(JSON.stringify({ seconds, cpuSeconds, stacks: stacks.length, resources }));
