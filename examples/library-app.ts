/**
 * Another cdktf app using the constructs directly, without this project's config or stacks. In your
 * app, import from "azure-openai-platform" instead of "../index".
 */
import { App, TerraformStack } from "cdktf";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import type { Construct } from "constructs";
import { applyGuardrails, ModelDeployment, OpenAiAccount } from "../index";

export class ChatStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // The rule pack at synth (docs/guardrails.md). A sandbox: protected stacks would also need a
    // customer-managed key, Defender for AI and no purge on destroy, and the pack would say so.
    applyGuardrails(this, {}, { protected: false });
    new AzurermProvider(this, "azurerm", { features: [{}] });
    const rg = new ResourceGroup(this, "rg", { name: "rg-chat-sdc", location: "swedencentral" });

    // Keyless, private, locked and logged by default; the props name what else it needs.
    const account = new OpenAiAccount(this, "openai", {
      name: "oai-chat-sdc-7f3a",
      location: rg.location,
      resourceGroupName: rg.name,
      subscriptionId: "00000000-0000-0000-0000-000000000000",
      resourceId:
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-chat-sdc/providers/Microsoft.CognitiveServices/accounts/oai-chat-sdc-7f3a",
      diagnostics: {
        logAnalyticsWorkspaceId:
          "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/log-platform",
      },
      privateEndpoints: [
        {
          name: "pep-oai-chat-sdc-7f3a",
          subnetId:
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-private-endpoints",
          // The hub's zones; without them clients resolve the public address (AOAI-NET2).
          dnsZoneIds: ["privatelink.openai.azure.com", "privatelink.cognitiveservices.azure.com"].map(
            (zone) =>
              `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/${zone}`,
          ),
        },
      ],
    });
    account.grantInference({
      objectId: "11111111-1111-1111-1111-111111111111",
      type: "ServicePrincipal",
      displayName: "chat-app",
    });

    // Deployments on one account run one at a time, in the order they are created.
    for (const [name, model, version] of [
      ["chat", "gpt-5.1", "2025-11-13"],
      ["embeddings", "text-embedding-3-large", "1"],
    ] as const) {
      new ModelDeployment(this, `deployment_${name}`, {
        account,
        name,
        modelName: model,
        modelVersion: version,
        sku: "GlobalStandard",
        capacity: 10,
        raiPolicyName: "Microsoft.DefaultV2",
      });
    }
  }
}

if (require.main === module) {
  const app = new App();
  new ChatStack(app, "chat");
  app.synth();
}
