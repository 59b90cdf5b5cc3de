import { TerraformOutput, Testing } from "cdktf";
import type { Construct } from "constructs";
import { CognitiveAccount, ManagementLock } from "../../constructs/azurerm";
import { ModelDeployment } from "../../constructs/model-deployment";
import { OpenAiAccount, type OpenAiAccountProps } from "../../constructs/openai-account";
import { chatDeployment, synthReadable } from "../helpers";

const base: OpenAiAccountProps = {
  name: "oai-test-dev-sdc-abc123",
  location: "swedencentral",
  resourceGroupName: "rg-test",
};

function synth(props: Partial<OpenAiAccountProps> = {}) {
  return Testing.synthScope((scope: Construct) => {
    new OpenAiAccount(scope, "openai", { ...base, ...props });
  });
}

function account(props: Partial<OpenAiAccountProps> = {}) {
  const json = JSON.parse(synth(props));
  return Object.values<any>(json.resource.azurerm_cognitive_account)[0];
}

describe("OpenAiAccount", () => {
  it("writes every secure setting explicitly by default", () => {
    expect(synth()).toHaveResourceWithProperties(CognitiveAccount, {
      kind: "OpenAI",
      sku_name: "S0",
      custom_subdomain_name: "oai-test-dev-sdc-abc123",
      public_network_access_enabled: false,
      local_auth_enabled: false,
      outbound_network_access_restricted: true,
      fqdns: [],
      network_acls: { default_action: "Deny", bypass: "None", ip_rules: [] },
      identity: { type: "SystemAssigned" },
    });
  });

  it("is protected by default: prevent_destroy and a CanNotDelete lock on the account", () => {
    const json = synth();
    expect(account().lifecycle).toEqual({ prevent_destroy: true });
    const [accountAddress] = Object.keys(JSON.parse(json).resource.azurerm_cognitive_account);
    expect(json).toHaveResourceWithProperties(ManagementLock, {
      lock_level: "CanNotDelete",
      scope: `\${azurerm_cognitive_account.${accountAddress}.id}`,
    });
  });

  it("can be unprotected for throwaway environments", () => {
    const json = JSON.parse(synth({ protection: false }));
    expect(json.resource.azurerm_management_lock).toBeUndefined();
    expect(account({ protection: false }).lifecycle).toBeUndefined();
  });

  it("uses a separate custom subdomain when given", () => {
    expect(account({ customSubdomainName: "my-endpoint" }).custom_subdomain_name).toBe("my-endpoint");
  });

  it("loosens the firewall only through explicit props", () => {
    const a = account({
      publicNetworkAccessEnabled: true,
      allowedIpRanges: ["203.0.113.0/24"],
      networkBypass: "AzureServices",
      allowedFqdns: ["stdata.blob.core.windows.net"],
    });
    expect(a.public_network_access_enabled).toBe(true);
    expect(a.network_acls).toEqual({
      default_action: "Deny",
      bypass: "AzureServices",
      ip_rules: ["203.0.113.0/24"],
    });
    expect(a.fqdns).toEqual(["stdata.blob.core.windows.net"]);
  });

  it("supports the AIServices kind", () => {
    expect(account({ kind: "AIServices" }).kind).toBe("AIServices");
  });

  it.each<[string, Partial<OpenAiAccountProps>, RegExp]>([
    ["an upper-case name", { name: "OAI-Test" }, /openai: name may hold lower-case .* \(got "OAI-Test"\)/],
    ["a one-character name", { name: "a" }, /openai: name must be 2-64 characters \(got "a"\)/],
    [
      "a subdomain ending in '-'",
      { customSubdomainName: "bad-" },
      /customSubdomainName may hold lower-case letters/,
    ],
    ["an unknown kind", { kind: "TextAnalytics" as any }, /kind must be one of: OpenAI, AIServices/],
    [
      "an unknown bypass",
      { networkBypass: "All" as any },
      /networkBypass must be one of: AzureServices, None/,
    ],
    [
      "a malformed IP range",
      { publicNetworkAccessEnabled: true, allowedIpRanges: ["10.0.0.0/33"] },
      /allowedIpRanges entries must be an IPv4 address or CIDR range/,
    ],
    [
      "IP ranges with public access off",
      { allowedIpRanges: ["203.0.113.4"] },
      /openai: allowedIpRanges has no effect while publicNetworkAccessEnabled is false; .* \(got \["203\.0\.113\.4"\]\)$/,
    ],
    [
      "a malformed FQDN",
      { allowedFqdns: ["https://example.com"] },
      /allowedFqdns entries must be a fully qualified domain name/,
    ],
  ])("rejects %s, naming the construct path", (_what, props, message) => {
    expect(() => synth(props)).toThrow(message);
  });

  it("opens its private endpoint after the account itself when nothing else runs on it", () => {
    const json = synthReadable((s) => {
      new OpenAiAccount(s, "openai", {
        ...base,
        privateEndpoints: [{ name: "pep-oai", subnetId: "/subnet" }],
      });
    });
    expect(json.resource.azurerm_private_endpoint.openai_private_endpoint.depends_on).toEqual([
      "azurerm_cognitive_account.openai",
    ]);
  });

  it("exposes the endpoint, ID and identity as references to them, and no key", () => {
    const outputs = synthReadable((scope: Construct) => {
      const a = new OpenAiAccount(scope, "openai", base);
      new TerraformOutput(scope, "endpoint", { value: a.endpoint });
      new TerraformOutput(scope, "id", { value: a.id });
      new TerraformOutput(scope, "principal_id", { value: a.principalId });
      // Every string the construct exposes: none may be a key.
      for (const [name, value] of Object.entries(a))
        if (typeof value === "string") new TerraformOutput(scope, `exposed_${name}`, { value });
    }).output;
    expect(outputs.endpoint.value).toBe("${azurerm_cognitive_account.openai.endpoint}");
    expect(outputs.id.value).toBe("${azurerm_cognitive_account.openai.id}");
    expect(outputs.principal_id.value).toBe("${azurerm_cognitive_account.openai.identity[0].principal_id}");
    const exposed = Object.entries<any>(outputs).filter(([name]) => name.startsWith("exposed_"));
    expect(exposed.length).toBeGreaterThanOrEqual(3);
    for (const [, o] of exposed) expect(o.value).not.toMatch(/access_key|primary|secondary/);
  });
});

describe("OpenAiAccount: from its mutation survivors", () => {
  const account = (props: Partial<OpenAiAccountProps> = {}) =>
    synthReadable((scope: Construct) => {
      new OpenAiAccount(scope, "openai", { ...base, ...props });
    }).resource;

  it("takes up to 1,000 outbound FQDNs, and says so past that", () => {
    const fqdns = (n: number) => Array.from({ length: n }, (_, i) => `host${i}.example.com`);
    expect(account({ allowedFqdns: fqdns(1000) }).azurerm_cognitive_account.openai.fqdns).toHaveLength(1000);
    expect(() => account({ allowedFqdns: fqdns(1001) })).toThrow(
      /^test\/openai: allowedFqdns may hold at most 1000 entries \(got 1001\)$/,
    );
  });

  it("refuses an empty location, naming the construct path", () => {
    expect(() => account({ location: " " })).toThrow(
      /^test\/openai: location must be an Azure region \(got " "\)$/,
    );
  });

  it("refuses a SKU other than S0 and two operations with one key", () => {
    expect(() => account({ skuName: "F0" as never })).toThrow(/^test\/openai: skuName must be one of: S0/);
    expect(() =>
      synthReadable((scope: Construct) => {
        const a = new OpenAiAccount(scope, "openai", base);
        chatDeployment(scope, a);
        a.addOperation({ key: "deployment:chat", first: a.resource, last: a.resource });
      }),
    ).toThrow(/^test\/openai: operations must have distinct keys \(got "deployment:chat"\)$/);
  });

  it("tags the account, its lock and its alerts", () => {
    const r = account({ tags: { owner: "team" }, protection: true });
    expect(r.azurerm_cognitive_account.openai.tags).toEqual({ owner: "team" });
    expect(r.azurerm_management_lock.openai_Lock.notes).toBe(
      "Protected environment: holds deployments and fine-tuned models. Remove deliberately.",
    );
    for (const alert of Object.values<any>(r.azurerm_monitor_metric_alert)) {
      expect(alert.tags).toEqual({ owner: "team" });
      expect(alert.scopes).toEqual(["${azurerm_cognitive_account.openai.id}"]);
    }
  });

  it("keys an inference grant by the principal's first 8 letters and digits, lower case", () => {
    const r = synthReadable((scope: Construct) => {
      const a = new OpenAiAccount(scope, "openai", {
        ...base,
        subscriptionId: "11111111-1111-1111-1111-111111111111",
      });
      a.grantInference({
        objectId: "AB12CD34-5678-4ABC-8DEF-0123456789AB",
        type: "ServicePrincipal",
        displayName: "app",
      });
      a.grantInference({
        objectId: "11111111-2222-4333-8444-555555555555",
        key: "App-Team-01",
        type: "Group",
        displayName: "team",
      });
    }).resource;
    expect(Object.keys(r.azurerm_role_assignment)).toEqual([
      "openai_access_inference_ab12cd34",
      "openai_access_inference_appteam0",
    ]);
  });

  it("exposes its grants by key, and none before the first", () => {
    let before: object | undefined;
    let after: Record<string, unknown> = {};
    synthReadable((scope: Construct) => {
      const a = new OpenAiAccount(scope, "openai", {
        ...base,
        subscriptionId: "11111111-1111-1111-1111-111111111111",
      });
      before = a.assignments;
      a.grantInference({ objectId: "AB12CD34-5678-4ABC-8DEF-0123456789AB", type: "Group", displayName: "g" });
      after = a.assignments;
    });
    expect(before).toEqual({});
    expect(Object.keys(after)).toEqual(["inference_ab12cd34"]);
  });

  it("tags its private endpoints", () => {
    const r = synthReadable((scope: Construct) => {
      new OpenAiAccount(scope, "openai", {
        ...base,
        tags: { owner: "team" },
        privateEndpoints: [{ name: "pep-oai", subnetId: "/subnet" }],
      });
    }).resource;
    expect(r.azurerm_private_endpoint.openai_private_endpoint.tags).toEqual({ owner: "team" });
  });

  it("leaves its inline customer_managed_key to an attachment when told, keeping its protection", () => {
    const r = synthReadable((scope: Construct) => {
      new OpenAiAccount(scope, "openai", base).ignoreInlineCustomerManagedKey();
    }).resource;
    expect(r.azurerm_cognitive_account.openai.lifecycle).toEqual({
      prevent_destroy: true,
      ignore_changes: ["customer_managed_key"],
    });
  });

  it("refuses a declared operation order that leaves out one it has", () => {
    expect(() =>
      synthReadable((scope: Construct) => {
        const a = new OpenAiAccount(scope, "openai", base);
        chatDeployment(scope, a);
        a.addOperation({ key: "blocklist:x", first: a.resource, last: a.resource });
        a.orderOperations(["deployment:chat"]);
      }),
    ).toThrow(
      /test\/openai: orderOperations must list exactly the operations added to the account \(got \{"missing":\["blocklist:x"\],"unknown":\[\]\}\)/,
    );
  });

  it("chains each operation after the one before it, and the first after nothing", () => {
    const r = synthReadable((scope: Construct) => {
      const a = new OpenAiAccount(scope, "openai", base);
      chatDeployment(scope, a);
      new ModelDeployment(scope, "deployment_embed", {
        account: a,
        name: "embed",
        modelName: "text-embedding-3-large",
        modelVersion: "1",
        sku: "GlobalStandard",
        capacity: 1,
        raiPolicyName: "Microsoft.DefaultV2",
      });
    }).resource;
    expect(r.azurerm_cognitive_deployment.deployment_chat.depends_on).toBeUndefined();
    expect(r.azurerm_cognitive_deployment.deployment_embed.depends_on).toEqual([
      "azurerm_cognitive_deployment.deployment_chat",
    ]);
  });
});
