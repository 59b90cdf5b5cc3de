/**
 * <env>-<region>: one region's network (or its landing zone's subnet), account, customer-managed key,
 * blocklists and content filters, deployments (all in order), fine-tuning storage, private endpoints,
 * role assignments and diagnostics.
 */
import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import { Access } from "../constructs/access";
import { AzapiProvider } from "../constructs/azapi";
import { Blocklist } from "../constructs/blocklist";
import { ContentFilter } from "../constructs/content-filter";
import { FineTuningStorage } from "../constructs/fine-tuning-storage";
import { DataAzurermClientConfig, ResourceGroup } from "../constructs/azurerm";
import { CustomerManagedKey } from "../constructs/customer-managed-key";
import { ModelDeployment } from "../constructs/model-deployment";
import { Network } from "../constructs/network";
import { OpenAiAccount } from "../constructs/openai-account";
import type { PrivateEndpoint } from "../constructs/private-endpoint";
import { KEY_VAULT_ZONE, type PrivateDnsZoneName } from "../catalog/private-dns";
import type { CustomerManagedKeyEstate, EnvironmentEstate, RegionEstate } from "../estate/types";
import { movedFrom } from "./moved";
import { PlatformStack } from "./platform-stack";

export interface RegionStackProps {
  readonly env: EnvironmentEstate;
  readonly region: RegionEstate;
  /** From the shared stack: cross-stack references. */
  readonly logAnalyticsWorkspaceId: string;
  /** Zone IDs by name that the shared stack owns (managed DNS mode). */
  readonly managedDnsZoneIds: Readonly<Record<string, string>>;
  /** From the shared stack: the action group the account's alerts notify, when there is one. */
  readonly actionGroupId?: string;
}

/** Where a region's resources go: its resource group, endpoint subnet, DNS zones and workspace. */
interface Placement {
  readonly resourceGroupName: string;
  readonly subnetId: string;
  readonly zoneIds: (names: readonly PrivateDnsZoneName[]) => string[];
  readonly diagnostics: { readonly logAnalyticsWorkspaceId: string };
}

export class RegionStack extends PlatformStack {
  readonly account: OpenAiAccount;
  readonly privateEndpoint: PrivateEndpoint;
  readonly customerManagedKey?: CustomerManagedKey;

  constructor(scope: Construct, props: RegionStackProps) {
    const { env, region } = props;
    super(scope, region.stackName, env);
    const rg = new ResourceGroup(this, "resource_group", {
      name: region.resourceGroupName,
      location: region.location,
      tags: { ...env.tags },
    });
    const { subnetId, network } = this.privateEndpointSubnet(props, rg.name);
    const at: Placement = {
      resourceGroupName: rg.name,
      subnetId,
      zoneIds: (names) =>
        names.map((zone) => {
          const id = env.dns.mode === "existing" ? env.dns.zoneIds[zone] : props.managedDnsZoneIds[zone];
          // The estate checks this; a stack must never write an endpoint registered in no zone.
          if (!id)
            throw new Error(`${region.stackName}: no private DNS zone ID for ${zone} (${env.dns.mode} mode)`);
          return id;
        }),
      diagnostics: { logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId },
    };

    this.account = this.openAiAccount(props, at);
    this.privateEndpoint = this.account.privateEndpoints[0]!;
    if (region.customerManagedKey)
      this.customerManagedKey = this.customerManagedKeyOf(props, at, region.customerManagedKey, network);
    const policies = this.contentSafety(env);
    for (const d of region.account.deployments)
      new ModelDeployment(this, `deployment_${d.name}`, {
        account: this.account,
        name: d.name,
        modelFormat: d.model.format,
        modelName: d.model.name,
        modelVersion: d.model.version,
        sku: d.type,
        capacity: d.capacity,
        versionUpgradeOption: d.versionUpgradeOption,
        // A reference to the account's own policy, so the relation is in the Terraform graph.
        raiPolicyName: policies.get(d.raiPolicyName)?.policy.name ?? d.raiPolicyName,
      });
    if (region.fineTuning) this.fineTuningStorage(props, at);

    // Grants on the resource group: the account's own are the account's.
    const groupGrants = region.access.filter((g) => g.scope === "resourceGroup");
    if (groupGrants.length > 0) {
      new Access(this, "access", {
        subscriptionId: env.subscriptionId,
        grants: groupGrants.map((g) => ({ ...g, scope: rg.id })),
      });
    }
    this.outputs();
  }

  /** The account with its diagnostics, private endpoint and grants; its operations in the estate's order. */
  private openAiAccount(props: RegionStackProps, at: Placement): OpenAiAccount {
    const { env, region } = props;
    const acct = region.account;
    const account = new OpenAiAccount(this, "openai", {
      name: acct.name,
      customSubdomainName: acct.customSubdomainName,
      kind: acct.kind,
      location: region.location,
      resourceGroupName: at.resourceGroupName,
      publicNetworkAccessEnabled: acct.publicAccess !== undefined,
      allowedIpRanges: acct.publicAccess?.allowedIpRanges,
      networkBypass: acct.networkBypass,
      allowedFqdns: acct.allowedFqdns,
      protection: env.protected,
      tags: acct.tags,
      subscriptionId: env.subscriptionId,
      resourceId: acct.resourceId,
      diagnostics: at.diagnostics,
      alerts: {
        ...env.alertThresholds,
        actionGroupId: props.actionGroupId,
        provisioned: acct.alerted.provisioned,
        deployments: acct.alerted.usage,
      },
      // It waits until the account has settled: its key attached and its last operation done.
      privateEndpoints: [
        {
          name: region.privateEndpoint.name,
          networkInterfaceName: region.privateEndpoint.networkInterfaceName,
          subnetId: at.subnetId,
          dnsZoneIds: at.zoneIds(region.privateEndpoint.zoneNames),
          staticIp: region.privateEndpoint.staticIp,
        },
      ],
      roleAssignments: region.access
        .filter((g) => g.scope === "account")
        .map(({ scope: _, scopeId: __, ...g }) => g),
    });
    // Account grants were the stack's until issue 12: Terraform moves their state, nothing is replaced.
    for (const [key, assignment] of Object.entries(account.assignments))
      movedFrom(assignment, `access_${key}`);
    account.orderOperations(acct.operations);
    return account;
  }

  /** The region's key vault and key, attached to the account before anything else changes it. */
  private customerManagedKeyOf(
    props: RegionStackProps,
    at: Placement,
    cmk: CustomerManagedKeyEstate,
    network: Network | undefined,
  ): CustomerManagedKey {
    const { env, region } = props;
    return new CustomerManagedKey(this, "cmk", {
      account: this.account,
      keyVaultName: cmk.keyVaultName,
      location: region.location,
      resourceGroupName: at.resourceGroupName,
      tenantId: env.tenantId ?? new DataAzurermClientConfig(this, "client_config").tenantId,
      keyAdministrators: cmk.keyAdministrators,
      keyReaders: cmk.keyReaders,
      // Terraform reaches the vault by its private name once this VNet resolves the zone.
      keyDependsOn: network?.dnsLinks[KEY_VAULT_ZONE] ? [network.dnsLinks[KEY_VAULT_ZONE]] : [],
      keyType: cmk.keyType,
      rotateAfterDays: cmk.rotateAfterDays,
      expireAfterDays: cmk.expireAfterDays,
      allowedIpRanges: cmk.allowedIpRanges,
      privateEndpoints: [
        {
          name: cmk.privateEndpoint.name,
          networkInterfaceName: cmk.privateEndpoint.networkInterfaceName,
          subnetId: at.subnetId,
          dnsZoneIds: at.zoneIds(cmk.privateEndpoint.zoneNames),
        },
      ],
      diagnostics: at.diagnostics,
      protection: env.protected,
      tags: env.tags,
    });
  }

  /** The blocklists the filters use and the environment's content filters, by filter name. */
  private contentSafety(env: EnvironmentEstate): Map<string, ContentFilter> {
    // Every custom filter owns its blocklist attachment through azapi, even when it has none.
    if (env.contentFilters.length > 0) {
      new AzapiProvider(this, "azapi", { subscriptionId: env.subscriptionId, tenantId: env.tenantId });
    }
    const used = new Set(env.contentFilters.flatMap((f) => f.blocklists));
    const blocklists = new Map(
      env.blocklists
        .filter((b) => used.has(b.name))
        .map((b) => [
          b.name,
          new Blocklist(this, `blocklist_${b.name}`, {
            account: this.account,
            name: b.name,
            description: b.description,
            items: b.items,
          }),
        ]),
    );
    return new Map(
      env.contentFilters.map((f) => [
        f.name,
        new ContentFilter(this, `content_filter_${f.name}`, {
          account: this.account,
          name: f.name,
          basePolicyName: f.basePolicyName,
          mode: f.mode,
          filters: f.filters,
          blocklists: f.blocklists.map((b) => blocklists.get(b)!),
          tags: f.tags,
        }),
      ]),
    );
  }

  /** Endpoints and identities only: no output ever carries a key (local auth is off anyway). */
  private outputs(): void {
    new TerraformOutput(this, "openai_endpoint", {
      value: this.account.endpoint,
      description:
        "URL clients call with an Entra ID token; resolves to the private endpoint inside the network.",
    });
    new TerraformOutput(this, "openai_private_endpoint_ip", {
      value: this.privateEndpoint.privateIpAddress,
      description: "Private IP of the account's endpoint, for DNS checks and firewall rules.",
    });
    new TerraformOutput(this, "openai_account_id", { value: this.account.id });
    new TerraformOutput(this, "openai_principal_id", {
      value: this.account.principalId,
      description: "Object ID of the account's system-assigned identity.",
    });
  }

  /** Private storage for training data: the account's identity reads, data scientists write. */
  private fineTuningStorage(props: RegionStackProps, at: Placement): void {
    const { env, region } = props;
    const ft = region.fineTuning!;
    const storage = new FineTuningStorage(this, "fine_tuning_storage", {
      name: ft.storageAccountName,
      location: region.location,
      resourceGroupName: at.resourceGroupName,
      containers: ft.containers,
      privateEndpoints: [
        {
          name: ft.privateEndpoint.name,
          networkInterfaceName: ft.privateEndpoint.networkInterfaceName,
          subnetId: at.subnetId,
          dnsZoneIds: at.zoneIds(ft.privateEndpoint.zoneNames),
        },
      ],
      encryptionKey: this.customerManagedKey,
      diagnostics: at.diagnostics,
      subscriptionId: env.subscriptionId,
      resourceId: ft.storageAccountId,
      roleAssignments: [
        {
          ...ft.access.account,
          principal: {
            objectId: this.account.principalId,
            key: `account:${region.account.name}`,
            type: "ServicePrincipal",
            displayName: `${region.account.name} (system-assigned identity)`,
          },
        },
        ...ft.access.dataScientists,
      ],
      protection: env.protected,
      tags: env.tags,
    });
    // These grants were the stack's "fine_tuning_access" until issue 12: moved, not replaced.
    for (const [key, assignment] of Object.entries(storage.assignments))
      movedFrom(assignment, `fine_tuning_access_${key}`);
  }

  /** The project's own subnet (managed mode) or the landing zone's. */
  private privateEndpointSubnet(
    props: RegionStackProps,
    resourceGroupName: string,
  ): { subnetId: string; network?: Network } {
    const { env, region } = props;
    const net = region.network;
    if (net.mode === "landingZone") return { subnetId: net.privateEndpointSubnetId };
    const network = new Network(this, "network", {
      name: net.virtualNetwork.name,
      location: region.location,
      resourceGroupName,
      addressSpace: net.virtualNetwork.addressSpace,
      privateEndpointSubnetName: net.privateEndpointSubnet.name,
      privateEndpointSubnetPrefix: net.privateEndpointSubnet.addressPrefix,
      networkSecurityGroupName: net.networkSecurityGroup.name,
      allowedInboundRanges: net.networkSecurityGroup.allowedInboundRanges,
      // Every region's VNet is linked to every zone the environment owns.
      dnsZoneLinks:
        env.dns.mode === "managed"
          ? env.shared.privateDnsZones.map((zoneName) => ({
              zoneName,
              zoneResourceGroupName: env.shared.resourceGroupName,
            }))
          : [],
      tags: env.tags,
    });
    return { subnetId: network.privateEndpointSubnetId, network };
  }
}
