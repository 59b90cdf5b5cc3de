/**
 * Where state lives and who CI is: the state backend (Azure Storage reached with Entra ID, or HCP
 * Terraform) and the two CI identities of the environment.
 */
import { z } from "zod";
import { REGION_NAMES } from "../catalog/regions";
import { nameOf, textOf } from "./common-schema";
import { identitySchema } from "./common-schema";

const azurermBackend = z
  .strictObject({
    type: z.literal("azurerm").default("azurerm").describe("Azure Storage (the default)."),
    resourceGroupName: z.string().min(1),
    storageAccountName: nameOf("storageAccount"),
    containerName: textOf("containerName"),
    location: z
      .enum(REGION_NAMES, { error: "must be an Azure region name such as swedencentral" })
      .optional()
      .describe("Region of the state storage (npm run bootstrap). Default: the environment's first region."),
    privateEndpointSubnetId: textOf("subnetId")
      .optional()
      .describe(
        "Subnet for the state storage's private endpoint, where the CI runners reach it. Required by " +
          "npm run bootstrap in protected environments, whose state storage has no public endpoint.",
      ),
  })
  .describe(
    "Remote state in Azure Storage, reached with Entra ID and OIDC (no access keys). One state file per stack.",
  );

const hcpBackend = z
  .strictObject({
    type: z.literal("hcp"),
    organization: z.string().min(1).describe("HCP Terraform or Terraform Enterprise organization."),
    hostname: z.string().min(1).default("app.terraform.io").describe("Terraform Enterprise host."),
    workspacePrefix: z
      .string()
      .regex(/^[A-Za-z0-9_-]*$/, { error: "may hold letters, digits, '-' and '_' only" })
      .default("")
      .describe("Workspaces are named <prefix><stack>: one workspace per stack."),
  })
  .describe("HCP Terraform or Terraform Enterprise: one workspace per stack; runs happen there.");

export const stateBackendSchema = z
  .union([hcpBackend, azurermBackend])
  .optional()
  .describe("Remote state. Default: local state, for trying the project out.");

export const ciSchema = z
  .strictObject({
    plan: identitySchema.describe("Read-only identity of pull-request plans and the nightly drift check."),
    deploy: identitySchema.describe("Identity of the apply jobs, in the environment's GitHub environment."),
  })
  .optional()
  .describe(
    "The CI identities (Entra service principals with federated credentials). npm run bootstrap grants " +
      "them what the estate needs; the estate report lists those rights.",
  );
