import { ACCOUNT_SUBRESOURCE, zonesForKind } from "../../catalog/private-dns";
import { blocks, ofType, references } from "../document";
import { resolve } from "../links";
import { OPENAI_KINDS, resourceRule } from "../checks";

/** The zone name behind a zone ID: a zone resource's name, or the last segment of an ARM ID. */
function zoneName(resolved: ReturnType<typeof resolve>): string | undefined {
  if (resolved.kind === "resource" && resolved.block.type === "azurerm_private_dns_zone") {
    const name = resolved.block.values["name"];
    return typeof name === "string" ? name : undefined;
  }
  if (resolved.kind === "literal")
    return /\/privateDnsZones\/([^/]+)$/i.exec(resolved.value)?.[1]?.toLowerCase();
  return undefined;
}

export const accountPrivateEndpoint = resourceRule(
  {
    id: "AOAI-NET1",
    level: "error",
    title:
      "Azure OpenAI accounts have a private endpoint for subresource account, registered in the right zones",
    rationale:
      "The private endpoint is how clients reach an account whose public access is off; without records in " +
      "the kind's private DNS zones, clients resolve the public address and are refused.",
    fix:
      'Add an azurerm_private_endpoint with subresource_names = ["account"] for the account, and a ' +
      "private_dns_zone_group with the kind's zones (OpenAI: privatelink.openai.azure.com and " +
      "privatelink.cognitiveservices.azure.com; AIServices also privatelink.services.ai.azure.com).",
    sources: {
      azurePolicy: ["d6759c02-b87f-42b7-892e-71b3f471d782", "c4bc6f10-cb41-49eb-b000-d5ab82e2a091"],
      guidance: [
        "learn.microsoft.com/azure/private-link/private-endpoint-dns (Microsoft.CognitiveServices/accounts)",
      ],
    },
  },
  ["azurerm_cognitive_account"],
  (v, account, { stack, stacks }) => {
    const kind = String(v["kind"]);
    if (!OPENAI_KINDS.includes(kind)) return undefined;
    const endpoints = ofType(stack, "azurerm_private_endpoint").filter((pe) =>
      blocks(pe.values["private_service_connection"]).some(
        (c) =>
          references(c["private_connection_resource_id"], account) &&
          Array.isArray(c["subresource_names"]) &&
          c["subresource_names"].includes(ACCOUNT_SUBRESOURCE) &&
          c["is_manual_connection"] !== true,
      ),
    );
    if (endpoints.length === 0) return `has no private endpoint for subresource "${ACCOUNT_SUBRESOURCE}"`;
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
