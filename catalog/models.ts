/**
 * The Azure OpenAI model catalog: for each model version, what it does, where each deployment type
 * offers it, its capacity rules, its default quota, its lifecycle and whether it can be fine-tuned.
 * Data only; estate/model-checks.ts validates deployments against it.
 *
 * Sources (MicrosoftDocs/azure-ai-docs, read through ../shared/reference/aoai-facts.md):
 * - availability: foundry-models model matrix, standard (ms.date 2026-06-11), provisioned (2026-05-11)
 *   and batch (2026-08-28) deployments;
 * - PTU minimums and increments: provisioned throughput onboarding (ms.date 2026-03-20);
 * - default quota: quota tier 1 (ms.date 2026-08-20), per subscription, region, model and type;
 * - lifecycle: model retirement schedule (ms.date 2026-07-07), dall-e retirement (2026-03-18); every
 *   entry's date re-checked against that schedule on 2026-12-02. The schedule's 2026-09-02 update could
 *   not be read here; the gpt-4.1 family and gpt-4o 2024-11-20 follow issue 11's citation of it (Legacy,
 *   retiring 2027-04-14). Stages: Foundry Models lifecycle and support policy (model-retirements);
 * - fine-tuning: supported models (2026-03-05) and deploying fine-tuned models (2026-02-11).
 * Checked 2026-11-30. These tables change monthly: update them (with the date) before relying on a new
 * model or region, and let a config override quota with a stated reason.
 */
import type { DeploymentType } from "./deployment-types";
import { IMPORTED } from "./generated/azure";
import { withImported } from "./imported-models";
import { REGION_NAMES } from "./regions";

export type Capability = "chat" | "reasoning" | "code" | "embeddings" | "image" | "audio";

/** How capacity is counted for standard and batch types: thousands of tokens, or requests, per minute. */
export type CapacityUnit = "1K TPM" | "RPM";

/**
 * Foundry's lifecycle stages (Foundry Models lifecycle and support policy): Legacy models still take new
 * deployments but a newer model exists; Deprecated ones take new deployments only in subscriptions that
 * already deploy them; after `retires` every request fails.
 */
export interface Lifecycle {
  readonly status: "GA" | "Preview" | "Legacy" | "Deprecated";
  /** Retirement date (YYYY-MM-DD): deployments stop working on this day. */
  readonly retires?: string;
  readonly replacement?: string;
  /**
   * The retirement schedule names the replacement. Without it, `replacement` is this catalog's
   * suggestion, and messages say so.
   */
  readonly replacementByMicrosoft?: boolean;
}

/** PTU rules (provisioned types): minimum deployment size and step. */
export interface PtuRules {
  readonly globalAndDataZone: { readonly min: number; readonly step: number };
  readonly regional: { readonly min: number; readonly step: number };
}

export interface FineTuningFacts {
  /** Regions that train the model with data residency (regional training). */
  readonly trainingRegions: readonly string[];
  /** Where a fine-tuned model may be deployed, per type. */
  readonly deployments: Partial<Record<DeploymentType, readonly string[]>>;
  /** Fine-tuned deployments retire on their own schedule. */
  readonly retires?: string;
}

export interface ModelVersionFacts {
  readonly name: string;
  readonly version: string;
  readonly capability: Capability;
  readonly unit: CapacityUnit;
  readonly lifecycle: Lifecycle;
  /** Regions per deployment type. A type that is absent is not offered. */
  readonly offers: Partial<Record<DeploymentType, readonly string[]>>;
  readonly ptu?: PtuRules;
  /** Default quota (tier 1) per deployment type, in capacity units, per subscription and region. */
  readonly defaultQuota?: Partial<Record<DeploymentType, number>>;
  readonly fineTuning?: FineTuningFacts;
}

const ALL = REGION_NAMES;
const except = (...regions: string[]) => ALL.filter((r) => !regions.includes(r));
const US7 = ["centralus", "eastus", "eastus2", "northcentralus", "southcentralus", "westus", "westus3"];
/** DataZoneProvisionedManaged has no centralus column. */
const US6 = US7.filter((r) => r !== "centralus");
const EU7 = [
  "francecentral",
  "germanywestcentral",
  "italynorth",
  "polandcentral",
  "spaincentral",
  "swedencentral",
  "westeurope",
];
const EU9 = [...EU7, "norwayeast", "switzerlandnorth"];
const EU5_BATCH = ["francecentral", "germanywestcentral", "polandcentral", "swedencentral", "westeurope"];
const GLOBAL_BATCH = [
  "brazilsouth",
  "canadaeast",
  ...US7,
  "francecentral",
  "germanywestcentral",
  "norwayeast",
  "polandcentral",
  "swedencentral",
  "switzerlandnorth",
  "uksouth",
  "westeurope",
  "australiaeast",
  "japaneast",
  "koreacentral",
  "southindia",
  "southafricanorth",
];
const IMAGE_GLOBAL = ["eastus2", "westus3", "polandcentral", "swedencentral", "uaenorth"];
const AUDIO_GLOBAL = [
  "canadacentral",
  "centralus",
  "eastus2",
  "francecentral",
  "swedencentral",
  "southindia",
];
const PTU_LARGE: PtuRules = { globalAndDataZone: { min: 15, step: 5 }, regional: { min: 50, step: 50 } };
const PTU_SMALL: PtuRules = { globalAndDataZone: { min: 15, step: 5 }, regional: { min: 25, step: 25 } };
/** Issue 11's citation of the retirement schedule's 2026-09-02 update; see the Legacy section below. */
const LEGACY_2027 = "2027-04-14";
const GPT41_FT: FineTuningFacts = {
  trainingRegions: ["northcentralus", "swedencentral"],
  deployments: { Standard: ["northcentralus", "swedencentral"], GlobalStandard: ALL },
  retires: "2027-10-14",
};

/** What the sources above say; MODELS lays Azure's imported data over it (imported-models.ts). */
const HAND_WRITTEN: readonly ModelVersionFacts[] = [
  // ---- current chat and reasoning models ----
  {
    name: "gpt-5.5",
    version: "2026-04-24",
    capability: "reasoning",
    unit: "1K TPM",
    lifecycle: { status: "GA", retires: "2027-04-23" },
    // The provisioned matrix (ms.date 2026-05-11) lists gpt-5.5 as GlobalProvisionedManaged (all regions),
    // DataZoneProvisionedManaged (US) and ProvisionedManaged (eastus), but the PTU table read (ms.date
    // 2026-04-07) has no sizes for it yet: those offers wait for the sizes (or come from catalog:import).
    offers: {
      GlobalStandard: ALL,
      // Standard model matrix (ms.date 2026-06-11): Data Zone standard in every US and EU data-zone region.
      DataZoneStandard: [...US7, ...EU9],
    },
  },
  {
    name: "gpt-5.4",
    version: "2026-03-05",
    capability: "reasoning",
    unit: "1K TPM",
    lifecycle: { status: "GA", retires: "2027-03-05" },
    // Provisioned offers: model matrix, provisioned (ms.date 2026-05-11); PTU sizes: 15/5 and 50/50
    // (PTU costs and billing, ms.date 2026-04-07).
    offers: {
      GlobalStandard: ALL,
      DataZoneStandard: [...US7, ...EU9],
      GlobalBatch: GLOBAL_BATCH,
      DataZoneBatch: US7,
      GlobalProvisionedManaged: ALL,
      DataZoneProvisionedManaged: [...US6, ...EU7],
      ProvisionedManaged: ["uksouth", "australiaeast", "japaneast"],
    },
    ptu: PTU_LARGE,
  },
  {
    name: "gpt-5.4-mini",
    version: "2026-03-17",
    capability: "chat",
    unit: "1K TPM",
    lifecycle: { status: "GA", retires: "2027-03-18" },
    offers: { GlobalStandard: ALL, GlobalBatch: GLOBAL_BATCH, DataZoneBatch: US7 },
  },
  {
    name: "gpt-5.4-nano",
    version: "2026-03-17",
    capability: "chat",
    unit: "1K TPM",
    lifecycle: { status: "GA", retires: "2027-03-18" },
    offers: { GlobalStandard: ALL },
  },
  {
    name: "gpt-5.2",
    version: "2025-12-11",
    capability: "reasoning",
    unit: "1K TPM",
    lifecycle: { status: "GA", retires: "2026-12-12" },
    offers: {
      GlobalStandard: ALL,
      DataZoneStandard: US7,
      GlobalProvisionedManaged: ALL,
      DataZoneProvisionedManaged: [...US6, ...EU7],
    },
    ptu: PTU_LARGE,
  },
  {
    name: "gpt-5.1",
    version: "2025-11-13",
    capability: "reasoning",
    unit: "1K TPM",
    lifecycle: { status: "GA", retires: "2027-05-15" },
    offers: {
      GlobalStandard: ALL,
      DataZoneStandard: [...US7, "francecentral", "swedencentral"],
      Standard: [...US7, "swedencentral"],
      GlobalProvisionedManaged: ALL,
      DataZoneProvisionedManaged: [...US6, ...EU7],
      ProvisionedManaged: [
        "canadaeast",
        "eastus",
        "eastus2",
        "westus3",
        "swedencentral",
        "switzerlandnorth",
        "uksouth",
        "australiaeast",
        "southindia",
        "uaenorth",
      ],
      GlobalBatch: GLOBAL_BATCH,
      DataZoneBatch: US7,
    },
    ptu: PTU_LARGE,
    defaultQuota: { GlobalStandard: 1000, DataZoneStandard: 300, Standard: 300 },
  },
  {
    name: "gpt-5",
    version: "2025-08-07",
    capability: "reasoning",
    unit: "1K TPM",
    lifecycle: { status: "GA", retires: "2027-02-06" },
    offers: {
      GlobalStandard: except("canadacentral", "switzerlandwest"),
      DataZoneStandard: [...US7, ...EU7],
      GlobalProvisionedManaged: ALL,
      DataZoneProvisionedManaged: [...US6, ...EU7],
      ProvisionedManaged: [
        "canadaeast",
        ...US7,
        "uksouth",
        "australiaeast",
        "japaneast",
        "koreacentral",
        "southindia",
      ],
      GlobalBatch: GLOBAL_BATCH,
      DataZoneBatch: US7,
    },
    ptu: PTU_LARGE,
    defaultQuota: { GlobalStandard: 1000, DataZoneStandard: 300 },
  },
  {
    name: "gpt-5-mini",
    version: "2025-08-07",
    capability: "chat",
    unit: "1K TPM",
    lifecycle: { status: "GA", retires: "2027-02-06" },
    offers: {
      GlobalStandard: except("canadacentral", "switzerlandwest"),
      DataZoneStandard: [...US7, ...EU7],
      GlobalProvisionedManaged: ALL,
      DataZoneProvisionedManaged: [...US6, ...EU7],
      ProvisionedManaged: [
        "canadaeast",
        "eastus2",
        "westus3",
        "swedencentral",
        "uksouth",
        "australiaeast",
        "japaneast",
        "koreacentral",
        "southindia",
        "uaenorth",
      ],
    },
    ptu: PTU_SMALL,
    defaultQuota: { GlobalStandard: 1000, DataZoneStandard: 300 },
  },
  {
    name: "gpt-5-nano",
    version: "2025-08-07",
    capability: "chat",
    unit: "1K TPM",
    lifecycle: { status: "GA", retires: "2027-02-06" },
    offers: {
      GlobalStandard: except("canadacentral", "switzerlandwest"),
      DataZoneStandard: [...US7, ...EU7],
    },
    defaultQuota: { GlobalStandard: 5000, DataZoneStandard: 2000 },
  },
  {
    name: "o3",
    version: "2025-04-16",
    capability: "reasoning",
    unit: "1K TPM",
    // Model retirement schedule (azure-ai-docs concepts-model-retirement-schedule-content.md, ms.date
    // 2026-07-07): retires 2026-10-16. Issue 11 cites a 2026-09-02 update moving it to 2026-10-21; both
    // are past, so it is refused either way.
    lifecycle: { status: "GA", retires: "2026-10-16" },
    offers: {
      GlobalStandard: except("canadacentral", "switzerlandwest"),
      DataZoneStandard: [...US7, ...EU7],
      GlobalProvisionedManaged: ALL,
      DataZoneProvisionedManaged: [...US6, ...EU7],
      GlobalBatch: GLOBAL_BATCH,
      DataZoneBatch: [...US7, ...EU5_BATCH],
    },
    ptu: PTU_LARGE,
    defaultQuota: { GlobalStandard: 1000, DataZoneStandard: 300 },
  },
  // ---- code ----
  {
    name: "gpt-5.1-codex",
    version: "2025-11-13",
    capability: "code",
    unit: "1K TPM",
    lifecycle: { status: "GA", retires: "2027-05-15" },
    offers: {
      GlobalStandard: ALL,
      GlobalProvisionedManaged: ALL,
      DataZoneProvisionedManaged: [...US6, ...EU7],
    },
    ptu: PTU_LARGE,
  },
  {
    name: "gpt-5-codex",
    version: "2025-09-15",
    capability: "code",
    unit: "1K TPM",
    lifecycle: { status: "GA", retires: "2027-03-17" },
    offers: { GlobalStandard: except("westus3") },
  },
  // ---- embeddings ----
  {
    name: "text-embedding-3-large",
    version: "1",
    capability: "embeddings",
    unit: "1K TPM",
    lifecycle: { status: "GA", retires: "2027-04-15" },
    offers: {
      GlobalStandard: ALL,
      DataZoneStandard: [...US7, ...EU7],
      Standard: [
        "canadaeast",
        "eastus",
        "eastus2",
        "westus3",
        "francecentral",
        "germanywestcentral",
        "norwayeast",
        "polandcentral",
        "spaincentral",
        "swedencentral",
        "switzerlandnorth",
        "uksouth",
        "australiaeast",
        "japaneast",
        "koreacentral",
        "southeastasia",
        "southindia",
        "southafricanorth",
        "uaenorth",
      ],
    },
    defaultQuota: { GlobalStandard: 1000, DataZoneStandard: 1000 },
  },
  {
    name: "text-embedding-3-small",
    version: "1",
    capability: "embeddings",
    unit: "1K TPM",
    lifecycle: { status: "GA", retires: "2027-04-15" },
    offers: {
      GlobalStandard: ALL,
      DataZoneStandard: [...US7, ...EU7],
      Standard: [
        "canadaeast",
        "eastus",
        "eastus2",
        "westus",
        "switzerlandnorth",
        "australiaeast",
        "japaneast",
        "uaenorth",
      ],
    },
    defaultQuota: { GlobalStandard: 1000, DataZoneStandard: 1000 },
  },
  {
    name: "text-embedding-ada-002",
    version: "2",
    capability: "embeddings",
    unit: "1K TPM",
    lifecycle: { status: "GA", retires: "2027-04-15" },
    offers: { GlobalStandard: ALL, DataZoneStandard: [...US7, ...EU7] },
  },
  // ---- image ----
  {
    // Standard model matrix (ms.date 2026-06-11): Global standard only, in the image regions; retirement
    // schedule (ms.date 2026-07-07): GA, retires 2027-04-21. No default quota published in the tier table read.
    name: "gpt-image-2",
    version: "2026-04-21",
    capability: "image",
    unit: "RPM",
    lifecycle: { status: "GA", retires: "2027-04-21" },
    offers: { GlobalStandard: IMAGE_GLOBAL },
  },
  {
    name: "gpt-image-1.5",
    version: "2025-12-16",
    capability: "image",
    unit: "RPM",
    // Model retirement schedule (ms.date 2026-07-07): GA, retires 2026-12-16.
    lifecycle: { status: "GA", retires: "2026-12-16" },
    offers: {
      GlobalStandard: IMAGE_GLOBAL,
      DataZoneStandard: ["eastus2", "westus3", "polandcentral", "swedencentral"],
    },
    defaultQuota: { GlobalStandard: 9, DataZoneStandard: 3 },
  },
  {
    name: "gpt-image-1-mini",
    version: "2025-10-06",
    capability: "image",
    unit: "RPM",
    lifecycle: { status: "GA", retires: "2027-04-07" },
    offers: { GlobalStandard: IMAGE_GLOBAL },
  },
  // ---- audio ----
  {
    name: "gpt-4o-transcribe",
    version: "2025-03-20",
    capability: "audio",
    unit: "1K TPM",
    // Model retirement schedule (ms.date 2026-07-07): retires 2026-10-15.
    lifecycle: { status: "GA", retires: "2026-10-15" },
    offers: { GlobalStandard: AUDIO_GLOBAL },
  },
  {
    name: "gpt-realtime",
    version: "2025-08-28",
    capability: "audio",
    unit: "1K TPM",
    lifecycle: { status: "GA", retires: "2027-02-28" },
    offers: { GlobalStandard: AUDIO_GLOBAL },
  },
  {
    name: "gpt-4o-mini-tts",
    version: "2025-12-15",
    capability: "audio",
    unit: "1K TPM",
    lifecycle: { status: "GA", retires: "2026-12-15" },
    offers: { GlobalStandard: ["eastus2"] },
  },
  {
    name: "whisper",
    version: "001",
    capability: "audio",
    unit: "RPM",
    lifecycle: { status: "GA", retires: "2026-12-15", replacement: "gpt-4o-transcribe" },
    offers: {
      Standard: [
        "eastus2",
        "northcentralus",
        "norwayeast",
        "swedencentral",
        "switzerlandnorth",
        "westeurope",
        "southindia",
        "uaenorth",
      ],
    },
  },
  // ---- Legacy: still deployable, a newer model exists ----
  // Model retirement schedule, update of 2026-09-02 as cited in issue 11 (the newest version readable
  // here, ms.date 2026-07-07, still had these Deprecated until 2026-10-14 and 2026-10-01): Legacy until
  // 2027-04-14. A project reading the live Sweden Central Models API reports the same date for gpt-4.1-mini.
  // The weekly catalog import replaces both with Azure's own data.
  {
    name: "gpt-4.1",
    version: "2025-04-14",
    capability: "chat",
    unit: "1K TPM",
    lifecycle: { status: "Legacy", retires: LEGACY_2027, replacement: "gpt-5.1" },
    offers: {
      GlobalStandard: except("canadacentral", "switzerlandwest"),
      DataZoneStandard: [...US7, ...EU7],
    },
    fineTuning: {
      ...GPT41_FT,
      deployments: { ...GPT41_FT.deployments, ProvisionedManaged: ["swedencentral"] },
    },
  },
  {
    name: "gpt-4.1-mini",
    version: "2025-04-14",
    capability: "chat",
    unit: "1K TPM",
    lifecycle: { status: "Legacy", retires: LEGACY_2027, replacement: "gpt-5-mini" },
    offers: {
      GlobalStandard: except("canadacentral", "switzerlandwest"),
      DataZoneStandard: [...US7, ...EU7],
    },
    fineTuning: GPT41_FT,
  },
  {
    name: "gpt-4.1-nano",
    version: "2025-04-14",
    capability: "chat",
    unit: "1K TPM",
    lifecycle: { status: "Legacy", retires: LEGACY_2027, replacement: "gpt-5-nano" },
    offers: {
      GlobalStandard: except("canadacentral", "switzerlandwest"),
      DataZoneStandard: [...US7, ...EU7],
    },
    fineTuning: GPT41_FT,
  },
  {
    name: "gpt-4o",
    version: "2024-11-20",
    capability: "chat",
    unit: "1K TPM",
    lifecycle: {
      status: "Legacy",
      retires: LEGACY_2027,
      replacement: "gpt-5.1",
      replacementByMicrosoft: true,
    },
    offers: { GlobalStandard: except("canadacentral", "switzerlandwest", "southeastasia") },
  },
  // ---- retired, kept so a config naming them gets a clear error and a replacement ----
  {
    name: "gpt-4o",
    version: "2024-08-06",
    capability: "chat",
    unit: "1K TPM",
    lifecycle: {
      status: "Deprecated",
      retires: "2026-10-01",
      replacement: "gpt-5.1",
      replacementByMicrosoft: true,
    },
    offers: { GlobalStandard: except("canadacentral", "switzerlandwest", "southeastasia", "italynorth") },
    fineTuning: {
      trainingRegions: ["eastus2", "northcentralus", "swedencentral"],
      deployments: {
        Standard: ["eastus2", "swedencentral"],
        GlobalStandard: ALL,
        ProvisionedManaged: ["northcentralus", "swedencentral"],
      },
      retires: "2027-10-01",
    },
  },
  {
    name: "gpt-4o-mini",
    version: "2024-07-18",
    capability: "chat",
    unit: "1K TPM",
    lifecycle: {
      status: "Deprecated",
      retires: "2026-10-01",
      replacement: "gpt-4.1-mini",
      replacementByMicrosoft: true,
    },
    offers: { GlobalStandard: except("canadacentral", "switzerlandwest", "southeastasia") },
    fineTuning: {
      trainingRegions: ["northcentralus", "swedencentral"],
      deployments: {
        Standard: ["northcentralus", "swedencentral"],
        GlobalStandard: ALL,
        ProvisionedManaged: ["northcentralus", "swedencentral"],
      },
      retires: "2027-10-01",
    },
  },
  {
    name: "o4-mini",
    version: "2025-04-16",
    capability: "reasoning",
    unit: "1K TPM",
    lifecycle: { status: "Deprecated", retires: "2026-10-16", replacement: "gpt-5.1" },
    offers: {
      GlobalStandard: except("canadacentral", "switzerlandwest"),
      DataZoneStandard: [...US7, ...EU7],
    },
    fineTuning: {
      trainingRegions: ["eastus2", "swedencentral"],
      deployments: { Standard: ["eastus2", "swedencentral"], GlobalStandard: ALL },
      retires: "2027-10-16",
    },
  },
  {
    name: "o3-mini",
    version: "2025-01-31",
    capability: "reasoning",
    unit: "1K TPM",
    lifecycle: {
      status: "Deprecated",
      retires: "2026-10-01",
      replacement: "o4-mini",
      replacementByMicrosoft: true,
    },
    offers: { GlobalStandard: except("canadacentral", "switzerlandwest", "southeastasia") },
  },
  {
    name: "gpt-image-1",
    version: "2025-04-15",
    capability: "image",
    unit: "RPM",
    lifecycle: { status: "Preview", retires: "2026-10-23", replacement: "gpt-image-1.5" },
    offers: { GlobalStandard: IMAGE_GLOBAL },
  },
  {
    name: "dall-e-3",
    version: "3.0",
    capability: "image",
    unit: "RPM",
    lifecycle: { status: "Deprecated", retires: "2026-03-04", replacement: "gpt-image-1.5" },
    offers: { Standard: ["australiaeast", "eastus", "swedencentral"] },
  },
];

export const MODELS: readonly ModelVersionFacts[] = withImported(HAND_WRITTEN, IMPORTED);

/** Limits per account (quotas and limits article, ms.date 2026-02-17). */
export const ACCOUNT_LIMITS = {
  /** Deployments of standard (pay-per-token and batch) types per account. */
  standardDeployments: 32,
  /** Fine-tuned model deployments per account. */
  fineTunedDeployments: 10,
  /** PTUs per provisioned deployment. */
  ptuPerDeployment: 100_000,
} as const;

/** Days before retirement from which a deployment gets a warning. */
export const RETIREMENT_WARNING_DAYS = 90;

export function modelVersions(name: string): ModelVersionFacts[] {
  return MODELS.filter((m) => m.name === name);
}

export function modelFacts(name: string, version: string): ModelVersionFacts | undefined {
  return MODELS.find((m) => m.name === name && m.version === version);
}
