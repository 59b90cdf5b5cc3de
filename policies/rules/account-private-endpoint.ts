import { ACCOUNT_SUBRESOURCE, zonesForKind } from "../../catalog/private-dns";
import { blocks, type StackDocument, type TfBlock } from "../document";
import { resolve } from "../links";
import { connectionsTo, OPENAI_KINDS, resourceRule } from "../checks";

/** The account's automatic (not manually approved) private endpoints for subresource "account". */
function accountEndpoints(stack: StackDocument, account: TfBlock): TfBlock[] {
  return connectionsTo(stack, account)
    .filter(
      ({ connection: c }) =>
        Array.isArray(c["subresource_names"]) &&
        c["subresource_names"].includes(ACCOUNT_SUBRESOURCE) &&
        c["is_manual_connection"] !== true,
    )
    .map(({ endpoint }) => endpoint);
}

export const accountPrivateEndpoint = resourceRule(
  {
    id: "AOAI-NET1",
    level: "error",
    title: "Azure OpenAI accounts have a private endpoint for subresource account",
    rationale:
      "With public access off, the private endpoint is the only way clients reach the account; a manual " +
      "connection waits for an approval nobody is asked for.",
    fix: 'Add an azurerm_private_endpoint for the account with subresource_names = ["account"] and is_manual_connection = false.',
    sources: {
      azurePolicy: ["d6759c02-b87f-42b7-892e-71b3f471d782", "db630ad5-52e9-4f4d-9c44-53912fe40053"],
      guidance: ["learn.microsoft.com/azure/ai-foundry/openai/how-to/network"],
    },
  },
  ["azurerm_cognitive_account"],
  (v, account, { stack }) =>
    !OPENAI_KINDS.includes(String(v["kind"])) || accountEndpoints(stack, account).length > 0
      ? undefined
      : `has no private endpoint for subresource "${ACCOUNT_SUBRESOURCE}"`,
);

/** The zone name behind a zone ID: a zone resource's name, or the last segment of an ARM ID. */
function zoneName(resolved: ReturnType<typeof resolve>): string | undefined {
  if (resolved.kind === "resource" && resolved.block.type === "azurerm_private_dns_zone") {
    const name = resolved.block.values["name"];
    // A name that is itself a reference is as unknown as the zone behind a variable.
    return typeof name === "string" && !name.includes("${") ? name.toLowerCase() : undefined;
  }
  if (resolved.kind === "literal")
    return /\/privateDnsZones\/([^/]+)$/i.exec(resolved.value)?.[1]?.toLowerCase();
  return undefined;
}

export const accountPrivateDnsZones = resourceRule(
  {
    id: "AOAI-NET2",
    level: "error",
    title: "Azure OpenAI private endpoints register in the kind's private DNS zones",
    rationale:
      "Without records in the kind's zones, clients resolve the account's public address and are refused; " +
      "an OpenAI account needs both the OpenAI and the Cognitive Services zone.",
    fix:
      "Give the endpoint a private_dns_zone_group with the kind's zones (OpenAI: privatelink.openai.azure.com and " +
      "privatelink.cognitiveservices.azure.com; AIServices also privatelink.services.ai.azure.com). Where a " +
      "landing zone's Azure Policy creates the records (network.dns.mode: policy), the estate waives this rule.",
    sources: {
      azurePolicy: ["c4bc6f10-cb41-49eb-b000-d5ab82e2a091"],
      guidance: [
        "learn.microsoft.com/azure/private-link/private-endpoint-dns (Microsoft.CognitiveServices/accounts)",
      ],
    },
  },
  ["azurerm_cognitive_account"],
  (v, account, { stack, stacks }) => {
    const kind = String(v["kind"]);
    const endpoints = OPENAI_KINDS.includes(kind) ? accountEndpoints(stack, account) : [];
    if (endpoints.length === 0) return undefined; // AOAI-NET1's finding
    const required = zonesForKind(kind as "OpenAI" | "AIServices");
    const problems = endpoints.map((pe) => {
      const ids = blocks(pe.values["private_dns_zone_group"]).flatMap((g) =>
        Array.isArray(g["private_dns_zone_ids"]) ? g["private_dns_zone_ids"] : [],
      );
      if (ids.length === 0) return `${pe.address} registers in no private DNS zone`;
      const names = ids.map((id) => zoneName(resolve(stack, stacks, id)));
      // A zone this audit cannot see (a variable, another tool's state) is given the benefit of the doubt.
      if (names.includes(undefined)) return undefined;
      const missing = required.filter((z) => !names.includes(z));
      return missing.length > 0 ? `${pe.address} is not registered in ${missing.join(", ")}` : undefined;
    });
    return problems.includes(undefined) ? undefined : problems.join("; ");
  },
);
