/**
 * The pack as an aspect: findings land on the construct that wrote the resource, one evaluation serves
 * every stack, and the JSON it resolved is reused by synthesis only while nothing else can change it.
 */
import { Aspects, Testing, TerraformOutput, type IAspect } from "cdktf";
import type { IConstruct } from "constructs";
import { OpenAiAccount } from "../../constructs/openai-account";
import { applyGuardrails, guardrailReport } from "../../policies/aspect";
import { ReadableAddressStack } from "../../stacks/platform-stack";

function sandbox() {
  const app = Testing.app();
  const stack = new ReadableAddressStack(app, "sandbox");
  applyGuardrails(stack, { today: "2026-12-02" }, { protected: false });
  return { app, stack };
}

describe("the guardrail aspect", () => {
  it("puts an error on the construct that wrote the resource, with the rule and the fix", () => {
    const { stack } = sandbox();
    new OpenAiAccount(stack, "openai", {
      name: "oai-x",
      location: "swedencentral",
      resourceGroupName: "rg-x",
      publicNetworkAccessEnabled: true,
      allowedIpRanges: ["203.0.113.0/28"],
    });
    Testing.synth(stack);
    const resource = stack.node.findChild("openai").node.findChild("Resource");
    const errors = resource.node.metadata.filter((m) => m.type === "@cdktf/error").map((m) => m.data);
    expect(errors).toContainEqual(
      expect.stringMatching(
        /^AOAI-ACC1: azurerm_cognitive_account\.openai: public_network_access_enabled is true\. .* Fix: /,
      ),
    );
    // Without the endpoint and the logs its props would add, two relations fail as well.
    expect(guardrailReport(stack)!.errors.map((f) => f.rule)).toEqual([
      "AOAI-ACC1",
      "AOAI-NET1",
      "AOAI-MON1",
    ]);
  });

  it("lets synthesis reuse the JSON it resolved, and resolves again when another aspect may change it", () => {
    const { stack } = sandbox();
    const output = new TerraformOutput(stack, "o", { value: "as written" });
    class Rewrite implements IAspect {
      visit(node: IConstruct) {
        if (node === output) output.addOverride("value", "rewritten by an aspect");
      }
    }
    Aspects.of(stack).add(new Rewrite());
    expect(JSON.parse(Testing.synth(stack)).output.o.value).toBe("rewritten by an aspect");
  });
});

describe("the guardrail aspect, synthesized again", () => {
  it("judges and writes a stack as it is now, not as another stack's synth read it", () => {
    const { app, stack: first } = sandbox();
    const second = new ReadableAddressStack(app, "second");
    applyGuardrails(second, { today: "2026-12-02" }, { protected: false });
    new OpenAiAccount(second, "openai", {
      name: "oai-y",
      location: "swedencentral",
      resourceGroupName: "rg-y",
    });
    Testing.synth(first); // reads both stacks
    new TerraformOutput(second, "later", { value: "added after the first synth" });
    second.node.tryRemoveChild("openai");
    expect(JSON.parse(Testing.synth(second)).output.later.value).toBe("added after the first synth");
    expect(guardrailReport(second)!.errors).toEqual([]);
  });
});
