/**
 * Deployment types (ARM `sku.name` of a deployment) and version-upgrade options.
 *
 * Source: azurerm v4.55.0 `internal/services/cognitive/cognitive_deployment_resource.go`
 * (validation.StringInSlice, case-sensitive); deployment types article (ms.date 2026-05-08).
 * DeveloperTier exists in Azure but azurerm 4.55 rejects it (and Azure deletes such a deployment
 * after 24 hours). Checked 2026-11-30.
 */
export const DEPLOYMENT_TYPES = [
  "Standard",
  "GlobalStandard",
  "DataZoneStandard",
  "ProvisionedManaged",
  "GlobalProvisionedManaged",
  "DataZoneProvisionedManaged",
  "GlobalBatch",
  "DataZoneBatch",
] as const;
export type DeploymentType = (typeof DEPLOYMENT_TYPES)[number];

export const VERSION_UPGRADE_OPTIONS = [
  "NoAutoUpgrade",
  "OnceCurrentVersionExpired",
  "OnceNewDefaultVersionAvailable",
] as const;
export type VersionUpgradeOption = (typeof VERSION_UPGRADE_OPTIONS)[number];

/** Types billed by reserved PTUs: capacity counts PTUs, with a minimum and a step per model. */
export const PROVISIONED_TYPES: readonly DeploymentType[] = [
  "ProvisionedManaged",
  "GlobalProvisionedManaged",
  "DataZoneProvisionedManaged",
];

/** Types that keep processing inside the region's Microsoft data zone (US or EU). */
export const DATA_ZONE_TYPES: readonly DeploymentType[] = [
  "DataZoneStandard",
  "DataZoneProvisionedManaged",
  "DataZoneBatch",
];

export const isProvisioned = (type: DeploymentType): boolean => PROVISIONED_TYPES.includes(type);
export const isDataZone = (type: DeploymentType): boolean => DATA_ZONE_TYPES.includes(type);
