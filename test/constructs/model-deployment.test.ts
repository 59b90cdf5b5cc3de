import { Testing } from "cdktf";
import type { Construct } from "constructs";
import { CognitiveDeployment } from "../../constructs/azurerm";
import { ModelDeployment, type ModelDeploymentProps } from "../../constructs/model-deployment";
import { OpenAiAccount } from "../../constructs/openai-account";

type Props = Omit<ModelDeploymentProps, "account">;
const chat: Props = {
  name: "chat",
  modelName: "gpt-5.1",
  modelVersion: "2025-11-13",
  sku: "GlobalStandard",
  capacity: 100,
  raiPolicyName: "Microsoft.DefaultV2",
};

function synth(deployments: Props[], accounts = 1) {
  return JSON.parse(
    Testing.synthScope((scope: Construct) => {
      for (let a = 0; a < accounts; a++) {
        const account = new OpenAiAccount(scope, `openai${a}`, {
          name: `oai-test-${a}`,
          location: "swedencentral",
          resourceGroupName: "rg",
          protection: false,
        });
        deployments.forEach((d, i) => new ModelDeployment(scope, `deployment${a}_${i}`, { account, ...d }));
      }
    }),
  );
}

const deploymentsOf = (json: any): [string, any][] =>
  Object.entries(json.resource.azurerm_cognitive_deployment);

describe("ModelDeployment", () => {
  it("writes model, version, SKU, capacity, upgrade policy and content filter explicitly", () => {
    expect(JSON.stringify(synth([chat]))).toHaveResourceWithProperties(CognitiveDeployment, {
      name: "chat",
      model: { format: "OpenAI", name: "gpt-5.1", version: "2025-11-13" },
      sku: { name: "GlobalStandard", capacity: 100 },
      version_upgrade_option: "NoAutoUpgrade",
      rai_policy_name: "Microsoft.DefaultV2",
    });
  });

  it("points at its account", () => {
    const json = synth([chat]);
    const [accountAddress] = Object.keys(json.resource.azurerm_cognitive_account);
    expect(deploymentsOf(json)[0]![1].cognitive_account_id).toBe(
      `\${azurerm_cognitive_account.${accountAddress}.id}`,
    );
  });

  it("chains deployments on one account, each after the previous (Azure answers 409 to concurrent ones)", () => {
    const names = ["first", "second", "third", "fourth"];
    const json = synth(names.map((name) => ({ ...chat, name })));
    const deployments = deploymentsOf(json);
    const byName = new Map(deployments.map(([address, d]) => [d.name, { address, d }]));
    expect(byName.get("first")!.d.depends_on).toBeUndefined();
    for (let i = 1; i < names.length; i++) {
      const previous = byName.get(names[i - 1]!)!.address;
      expect(byName.get(names[i]!)!.d.depends_on).toEqual([`azurerm_cognitive_deployment.${previous}`]);
    }
  });

  it("does not chain deployments across accounts", () => {
    const json = synth([chat, { ...chat, name: "second" }], 2);
    const accounts = Object.keys(json.resource.azurerm_cognitive_account);
    for (const [, d] of deploymentsOf(json)) {
      if (!d.depends_on) continue;
      const previous = json.resource.azurerm_cognitive_deployment[d.depends_on[0].split(".")[1]];
      expect(previous.cognitive_account_id).toBe(d.cognitive_account_id);
    }
    expect(accounts).toHaveLength(2);
    expect(deploymentsOf(json).filter(([, d]) => d.depends_on)).toHaveLength(2);
  });

  it("takes every deployment type azurerm 4.55 accepts", () => {
    const types = [
      "Standard",
      "GlobalStandard",
      "DataZoneStandard",
      "ProvisionedManaged",
      "GlobalProvisionedManaged",
      "DataZoneProvisionedManaged",
      "GlobalBatch",
      "DataZoneBatch",
    ] as const;
    const json = synth(types.map((sku) => ({ ...chat, name: sku.toLowerCase(), sku })));
    expect(deploymentsOf(json).map(([, d]) => d.sku.name)).toEqual([...types]);
  });

  it.each<[string, Partial<Props>, RegExp]>([
    ["capacity 0", { capacity: 0 }, /deployment0_0: capacity must be a whole number of at least 1 \(got 0\)/],
    ["a fractional capacity", { capacity: 2.5 }, /capacity must be a whole number/],
    ["DeveloperTier", { sku: "DeveloperTier" as any }, /sku must be one of: Standard, GlobalStandard/],
    ["an unpinned version", { modelVersion: " " }, /modelVersion must pin a model version \(got " "\)/],
    ["no model", { modelName: " " }, /deployment0_0: modelName must name a model \(got " "\)/],
    ["an empty model name", { modelName: "" }, /modelName must name a model \(got ""\)/],
    ["no content filter", { raiPolicyName: " " }, /raiPolicyName must name a content filter policy/],
    ["a name with a space", { name: "my chat" }, /name must be 2-64 letters/],
    [
      "an unknown upgrade option",
      { versionUpgradeOption: "Always" as any },
      /versionUpgradeOption must be one of/,
    ],
  ])("rejects %s", (_what, change, message) => {
    expect(() => synth([{ ...chat, ...change }])).toThrow(message);
  });
});
