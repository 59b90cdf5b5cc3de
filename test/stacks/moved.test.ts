/**
 * A construct that moves plans as a move, proven with Terraform itself: apply a stack, rename the
 * construct with movedFrom, plan again. terraform_data needs no provider and no cloud, so this runs
 * offline; it needs the Terraform 1.9+ (or OpenTofu) CLI that `npm run validate` uses, and says so when
 * the machine has none.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, LocalBackend, TerraformResource } from "cdktf";
import { movedFrom } from "../../stacks/moved";
import { ReadableAddressStack } from "../../stacks/platform-stack";
import { cacheRoot, findTerraform } from "../../tools/validate/toolchain";

const cli = findTerraform(cacheRoot());
const work = mkdtempSync(join(tmpdir(), "aoai-moved-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Synthesizes one stack with a terraform_data resource at `id`, moved from `from` when given. */
function synth(id: string, from?: string): string {
  const app = new App({ outdir: join(work, "out") });
  const stack = new ReadableAddressStack(app, "moves");
  new LocalBackend(stack, { path: join(work, "terraform.tfstate") });
  const data = new TerraformResource(stack, id, { terraformResourceType: "terraform_data" });
  data.addOverride("input", "kept");
  if (from) movedFrom(data, from);
  app.synth();
  return join(work, "out", "stacks", "moves");
}

function terraform(dir: string, ...args: string[]): string {
  const run = spawnSync(cli!.path, args, {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" },
  });
  if (run.status !== 0) throw new Error(`${cli!.path} ${args.join(" ")}: ${run.stderr}`);
  return run.stdout;
}

/** Each planned resource change as address, previous address and actions. */
function plan(dir: string) {
  terraform(dir, "plan", "-input=false", "-lock=false", "-out=plan.bin");
  const json = JSON.parse(terraform(dir, "show", "-json", "plan.bin")) as {
    resource_changes: { address: string; previous_address?: string; change: { actions: string[] } }[];
  };
  return json.resource_changes.map((c) => [c.address, c.previous_address, c.change.actions]);
}

(cli ? describe : describe.skip)(`a moved construct, planned by ${cli?.name ?? "no Terraform CLI"}`, () => {
  beforeAll(() => {
    const dir = synth("old_name");
    terraform(dir, "init", "-input=false");
    terraform(dir, "apply", "-input=false", "-auto-approve", "-lock=false");
  }, 120_000);

  it("without a moved block is destroyed and created", () => {
    expect(plan(synth("new_name"))).toEqual([
      ["terraform_data.new_name", undefined, ["create"]],
      ["terraform_data.old_name", undefined, ["delete"]],
    ]);
  }, 60_000);

  it("with movedFrom is moved: nothing is destroyed or created", () => {
    expect(plan(synth("new_name", "old-name"))).toEqual([
      ["terraform_data.new_name", "terraform_data.old_name", ["no-op"]],
    ]);
  }, 60_000);
});

// Without a CLI the proof is reported as skipped, and said once: it is not a pass.
if (!cli)
  console.warn("moved.test.ts: no Terraform 1.9+ or OpenTofu CLI here; npm run validate installs one");
