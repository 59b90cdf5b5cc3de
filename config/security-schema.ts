/**
 * Who may do what (access), how data is encrypted (customerManagedKey) and what Azure enforces
 * around it (azurePolicy, defenderForAI). Shape only; roles, scopes and reasons are checked in
 * estate/access.ts, where the role catalog lives.
 */
import { z } from "zod";
import { KEY_RULES } from "../catalog/key-vault";
import { ROLE_INTENT_NAMES } from "../catalog/roles";
import { REGION_NAMES } from "../catalog/regions";
import { identitySchema, principalSchema, reason } from "./common-schema";
import { ipOrCidr } from "./network-schema";

export const ACCESS_SCOPES = ["account", "resourceGroup", "environment"] as const;
export const POLICY_EFFECTS = ["Audit", "Deny"] as const;

export const accessGrantSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,39}$/, {
        error: "must be 2-40 lower-case letters, digits or '-', starting with a letter",
      })
      .describe(
        "Stable key of this grant: part of its Terraform addresses. Renaming re-creates the assignments.",
      ),
    principal: principalSchema,
    roles: z
      .array(z.string().min(1))
      .min(1, { error: "needs at least one role" })
      .describe(`Intents (${ROLE_INTENT_NAMES.join(", ")}), built-in role names, or role definition GUIDs.`),
    scope: z
      .enum(ACCESS_SCOPES, { error: `must be one of: ${ACCESS_SCOPES.join(", ")}` })
      .default("account")
      .describe(
        "account: each region's OpenAI account. resourceGroup: each region's resource group. environment: the subscription.",
      ),
    regions: z
      .array(z.enum(REGION_NAMES, { error: `must be an Azure OpenAI region: ${REGION_NAMES.join(", ")}` }))
      .min(1)
      .optional()
      .describe("Only these regions (account and resourceGroup scopes). Default: every region."),
    reason: reason
      .optional()
      .describe(
        "What an uncatalogued role is and why it is needed. For a privileged role (Owner, Contributor, ...) it is " +
          "read as a waiver of AOAI-IAM1, with a warning: write that waiver under waivers: instead.",
      ),
    condition: z.string().min(1).optional().describe("ABAC condition (version 2.0) limiting the assignment."),
  })
  .describe("Roles granted to one principal at one scope.");

export const customerManagedKeySchema = z
  .strictObject({
    enabled: z
      .boolean()
      .optional()
      .describe("Encrypt accounts with a customer-managed key. Default: on in protected environments."),
    keyType: z
      .enum(["RSA", "RSA-HSM"], {
        error: `must be RSA or RSA-HSM (Azure OpenAI accepts ${KEY_RULES.keySize}-bit RSA keys only)`,
      })
      // HSM-backed by default: Checkov CKV_AZURE_112 and Microsoft's key guidance; RSA saves the premium vault.
      .default("RSA-HSM")
      .describe(
        "RSA-HSM (premium vault, the default) or RSA (software). Always 2048 bits: all Azure OpenAI accepts.",
      ),
    rotateAfterDays: z
      .number()
      .int()
      .min(KEY_RULES.minRotateAfterDays, {
        error: `must be at least ${KEY_RULES.minRotateAfterDays} days (Key Vault's minimum)`,
      })
      .default(365)
      .describe("Key Vault rotates the key this many days after each version is created."),
    expireAfterDays: z
      .number()
      .int()
      .min(KEY_RULES.minExpireAfterDays, {
        error: `must be at least ${KEY_RULES.minExpireAfterDays} days (Key Vault's minimum)`,
      })
      .default(730)
      .describe("Each key version expires this many days after it is created."),
    keyAdministrators: z
      .array(identitySchema)
      .default([])
      .describe(
        "Identities that create and rotate keys: at least the deploy identity that runs terraform apply.",
      ),
    keyReaders: z
      .array(identitySchema)
      .default([])
      .describe("Identities that only read keys: the read-only identity that runs terraform plan in CI."),
    allowedIpRanges: z
      .array(ipOrCidr)
      .default([])
      .describe(
        "Public IPs let through each vault's firewall (e.g. CI runners outside the network). Default: none, private endpoint only.",
      ),
  })
  .prefault({})
  .describe(
    "Customer-managed key per account: a Key Vault in the account's region, with its own private endpoint.",
  );

export const azurePolicySchema = z
  .strictObject({
    assign: z
      .boolean()
      .default(true)
      .describe(
        "Assign the built-in Azure AI services policies at the subscription. Off when a landing zone does.",
      ),
    effect: z
      .enum(POLICY_EFFECTS, { error: `must be one of: ${POLICY_EFFECTS.join(", ")}` })
      .optional()
      .describe(
        "Audit or Deny, where a definition allows Deny. Default: Deny when protected, otherwise Audit.",
      ),
  })
  .prefault({})
  .describe("Built-in Azure Policy assignments for Azure AI services.");

export const accessSchema = z
  .array(accessGrantSchema)
  .default([])
  .describe(
    "Role assignments: who may use or manage the estate. Accounts have no keys; this is the only way in.",
  );

export const defenderSchema = z
  .boolean()
  .optional()
  .describe("Microsoft Defender for AI services on the subscription. Default: on in protected environments.");
