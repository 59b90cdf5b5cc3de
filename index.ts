/**
 * The package's public API, for other cdktf apps: the constructs (each usable on its own, with secure
 * defaults), the cross-cutting prop shapes they share, the readable-address stack, the guardrail pack
 * (as an aspect for any stack, or over any Terraform JSON), and the estate API (load a config directory,
 * resolve it, read the catalog). Everything else is internal.
 */
// Constructs
export * from "./constructs/access";
export * from "./constructs/blocklist";
export * from "./constructs/content-filter";
export * from "./constructs/customer-managed-key";
export * from "./constructs/defender-for-ai";
export { Diagnostics, type DiagnosticsProps } from "./constructs/diagnostics";
export * from "./constructs/fine-tuning-storage";
export * from "./constructs/log-workspace";
export * from "./constructs/model-deployment";
export * from "./constructs/network";
export * from "./constructs/openai-account";
export * from "./constructs/policy-assignments";
export * from "./constructs/private-dns-zones";
export * from "./constructs/private-endpoint";
export * from "./constructs/state-store";
export {
  type DiagnosticsOptions,
  type DiagnosticsSettings,
  type PrivateEndpointSettings,
  type PrivateEndpointsOptions,
  type ProtectionOptions,
  type ResourceGrant,
  type RoleAssignmentsOptions,
} from "./constructs/resource-options";
export { PropError } from "./constructs/validation";
export { ReadableAddressStack } from "./stacks/platform-stack";
export { movedFrom } from "./stacks/moved";

// Guardrails: the rule pack, as an aspect per stack or over any Terraform JSON
export { applyGuardrails, guardrailReport, type GuardrailOptions } from "./policies/aspect";
export { evaluate, type EvaluateOptions, type Finding, type GuardrailReport } from "./policies/evaluate";
export { formatReport, GuardrailError } from "./policies/format";
export { RULES } from "./policies/pack";
export type { Rule, RuleContext, RuleLevel, RuleSources, Violation } from "./policies/rule";
export { stackDocument, type GuardrailMetadata, type StackDocument, type TfBlock } from "./policies/document";
export type { Waiver } from "./policies/waiver";

// The estate: config → decisions → stacks
export { ConfigError, formatIssue, type ConfigIssue } from "./config/errors";
export { loadEnvironments, loadEnvironmentFile, type LoadedEnvironment } from "./config/load";
export { resolveEstate, type ResolveOptions } from "./estate/resolve";
export type * from "./estate/types";
export { buildStacks } from "./stacks/estate-app";

// The catalog: Azure facts with their sources
export { MODELS, modelFacts, modelVersions, type ModelVersionFacts } from "./catalog/models";
export { DEPLOYMENT_TYPES, type DeploymentType } from "./catalog/deployment-types";
export { BUILT_IN_ROLES, ROLE_INTENTS } from "./catalog/roles";
export { REGION_NAMES } from "./catalog/regions";
