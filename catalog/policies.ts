/**
 * Built-in Azure Policy definitions the shared stack assigns at the environment's subscription.
 *
 * Source: Azure/azure-policy built-in-policies/policyDefinitions (commit f4a50bac, 2026-04-29), files
 * named per row; each takes one parameter, `effect`. Checked 2026-11-30.
 */
export interface PolicyDefinition {
  /** Short key: part of the assignment's name and Terraform address. */
  readonly key: string;
  readonly id: string;
  readonly displayName: string;
  /** The effect used in Audit mode. */
  readonly audit: "Audit" | "AuditIfNotExists";
  /** Whether Deny mode may use Deny, and why not when it may not. */
  readonly deny: true | { readonly why: string };
}

export const AI_SERVICES_POLICIES: readonly PolicyDefinition[] = [
  {
    key: "disable-local-auth",
    id: "71ef260a-8f18-47b7-abcb-62d0673d94dc",
    displayName: "Azure AI Services resources should have key access disabled (disable local authentication)",
    audit: "Audit",
    deny: true,
  },
  {
    key: "restrict-network",
    id: "037eea7a-bd0a-46c5-9a66-03aea78705d3",
    displayName: "Azure AI Services resources should restrict network access",
    audit: "Audit",
    deny: true,
  },
  {
    key: "private-link",
    id: "d6759c02-b87f-42b7-892e-71b3f471d782",
    displayName: "Azure AI Services resources should use Azure Private Link",
    audit: "Audit",
    deny: { why: "the definition allows Audit or Disabled only" },
  },
  {
    key: "customer-managed-key",
    id: "67121cc7-ff39-4ab8-b7e3-95b84dab487d",
    displayName: "Azure AI Services resources should encrypt data at rest with a customer-managed key (CMK)",
    audit: "Audit",
    // Terraform attaches the key after the account exists; Deny would refuse the account's creation.
    deny: { why: "the key is attached after the account is created, which Deny would refuse" },
  },
  {
    key: "managed-identity",
    id: "fe3fd216-4f83-4fc1-8984-2bbec80a3418",
    displayName: "Cognitive Services accounts should use a managed identity",
    audit: "Audit",
    deny: true,
  },
  {
    key: "diagnostic-logs",
    id: "1b4d1c4e-934c-4703-944c-27c82c06bebb",
    displayName: "Diagnostic logs in Azure AI services resources should be enabled",
    audit: "AuditIfNotExists",
    deny: { why: "the definition allows AuditIfNotExists or Disabled only" },
  },
  {
    key: "defender-for-ai",
    id: "c2c0c6d8-007b-4a48-8d9b-3539bddd8e87",
    displayName: "Microsoft Defender for AI Services should be enabled",
    audit: "AuditIfNotExists",
    deny: { why: "the definition allows AuditIfNotExists or Disabled only" },
  },
];

export function policyDefinitionId(id: string): string {
  return `/providers/Microsoft.Authorization/policyDefinitions/${id}`;
}
