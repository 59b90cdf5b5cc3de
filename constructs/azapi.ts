/**
 * Hand-written bindings for the few azapi resources the estate needs, where azurerm 4.55 has no
 * resource or property: blocklist items, the attachment of blocklists to a content filter, and the two
 * switches the gateway's token metrics need (custom metric dimensions, the diagnostic's metrics flag). No prebuilt cdktf
 * azapi provider is published on npm, so these are thin TerraformResource subclasses with typed props.
 *
 * The azapi provider version and every ARM API version are pinned here: azapi sends bodies as written,
 * so an API version change can change behaviour and must be a reviewed edit of this file.
 */
import {
  TerraformProvider,
  TerraformResource,
  type ITerraformDependable,
  type TerraformResourceLifecycle,
} from "cdktf";
import type { Construct } from "constructs";

export const AZAPI_PROVIDER_VERSION = "2.7.0";
/** Microsoft.CognitiveServices API version of raiPolicies and raiBlocklistItems (stable 2025-06-01). */
export const COGNITIVE_SERVICES_API_VERSION = "2025-06-01";
/** Microsoft.Insights/components: `CustomMetricsOptedInType`, which azurerm 4.55 does not expose. */
export const INSIGHTS_COMPONENTS_API_VERSION = "2020-02-02";
/** Microsoft.ApiManagement/service/diagnostics: `metrics`, which azurerm 4.55 does not expose. */
export const API_MANAGEMENT_API_VERSION = "2022-08-01";

export interface AzapiProviderConfig {
  readonly subscriptionId: string;
  readonly tenantId?: string;
}

export class AzapiProvider extends TerraformProvider {
  constructor(
    scope: Construct,
    id: string,
    private readonly config: AzapiProviderConfig,
  ) {
    super(scope, id, {
      terraformResourceType: "azapi",
      terraformGeneratorMetadata: { providerName: "azapi", providerVersion: AZAPI_PROVIDER_VERSION },
      terraformProviderSource: "Azure/azapi",
    });
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    // Authentication comes from the ARM_* environment, as for azurerm (OIDC in CI).
    return { subscription_id: this.config.subscriptionId, tenant_id: this.config.tenantId };
  }
}

interface AzapiMeta {
  readonly dependsOn?: ITerraformDependable[];
  readonly lifecycle?: TerraformResourceLifecycle;
}

/** An azapi_resource: an ARM resource created with a PUT of `body`. */
export interface AzapiResourceConfig extends AzapiMeta {
  /** `<resource type>@<API version>`. */
  readonly type: string;
  readonly name: string;
  readonly parentId: string;
  readonly body: Record<string, unknown>;
}

export class AzapiResource extends TerraformResource {
  constructor(
    scope: Construct,
    id: string,
    private readonly config: AzapiResourceConfig,
  ) {
    super(scope, id, {
      terraformResourceType: "azapi_resource",
      terraformGeneratorMetadata: { providerName: "azapi", providerVersion: AZAPI_PROVIDER_VERSION },
      dependsOn: config.dependsOn,
      lifecycle: config.lifecycle,
    });
  }

  get id(): string {
    return this.getStringAttribute("id");
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return {
      type: this.config.type,
      name: this.config.name,
      parent_id: this.config.parentId,
      body: this.config.body,
    };
  }
}

/**
 * An azapi_update_resource: reads an existing ARM resource, merges `body` into it and PUTs it back.
 * It owns only the properties in `body`; azurerm keeps managing the rest. Deleting it changes nothing
 * in Azure, so a property it set must be reset by the resource itself, never by removing it.
 */
export interface AzapiUpdateResourceConfig extends AzapiMeta {
  readonly type: string;
  readonly resourceId: string;
  readonly body: Record<string, unknown>;
}

export class AzapiUpdateResource extends TerraformResource {
  constructor(
    scope: Construct,
    id: string,
    private readonly config: AzapiUpdateResourceConfig,
  ) {
    super(scope, id, {
      terraformResourceType: "azapi_update_resource",
      terraformGeneratorMetadata: { providerName: "azapi", providerVersion: AZAPI_PROVIDER_VERSION },
      dependsOn: config.dependsOn,
      lifecycle: config.lifecycle,
    });
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return { type: this.config.type, resource_id: this.config.resourceId, body: this.config.body };
  }
}
