/**
 * <env>-<region>: one region's network (or its landing zone's subnet), account, customer-managed key,
 * deployments (in order), private endpoints, role assignments and diagnostics.
 */
import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import { Access } from "../constructs/access";
import { DataAzurermClientConfig, ResourceGroup } from "../constructs/azurerm";
import { CustomerManagedKey } from "../constructs/customer-managed-key";
import { Diagnostics } from "../constructs/diagnostics";
import { ModelDeployment } from "../constructs/model-deployment";
import { Network } from "../constructs/network";
import { OpenAiAccount } from "../constructs/openai-account";
import { PrivateEndpoint } from "../constructs/private-endpoint";
import { ACCOUNT_SUBRESOURCE } from "../estate/catalog/private-dns";
import type { PrivateDnsZoneName } from "../estate/catalog/private-dns";
import type { EnvironmentEstate, RegionEstate } from "../estate/types";
import { PlatformStack } from "./platform-stack";

export interface RegionStackProps {
  readonly env: EnvironmentEstate;
  readonly region: RegionEstate;
  /** From the shared stack: cross-stack references. */
  readonly logAnalyticsWorkspaceId: string;
  /** Zone IDs by name that the shared stack owns (managed DNS mode). */
  readonly managedDnsZoneIds: Readonly<Record<string, string>>;
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

    const subnetId = this.privateEndpointSubnet(props, rg.name);

    const { account: acct } = region;
    this.account = new OpenAiAccount(this, "openai", {
      name: acct.name,
      customSubdomainName: acct.customSubdomainName,
      kind: acct.kind,
      location: region.location,
      resourceGroupName: rg.name,
      publicNetworkAccessEnabled: acct.publicAccess !== undefined,
      allowedIpRanges: acct.publicAccess?.allowedIpRanges,
      networkBypass: acct.networkBypass,
      allowedFqdns: acct.allowedFqdns,
      protection: env.protected,
      tags: acct.tags,
    });
    const zoneIds = (names: readonly PrivateDnsZoneName[]) =>
      names.map((zone) =>
        env.dns.mode === "existing" ? env.dns.zoneIds[zone]! : props.managedDnsZoneIds[zone]!,
      );

    // Before the deployments: attaching the key is an account operation, chained like them.
    const cmk = region.customerManagedKey;
    if (cmk) {
      this.customerManagedKey = new CustomerManagedKey(this, "cmk", {
        account: this.account,
        keyVaultName: cmk.keyVaultName,
        location: region.location,
        resourceGroupName: rg.name,
        tenantId: env.tenantId ?? new DataAzurermClientConfig(this, "client_config").tenantId,
        keyAdministrators: cmk.keyAdministrators,
        keyType: cmk.keyType,
        rotateAfterDays: cmk.rotateAfterDays,
        expireAfterDays: cmk.expireAfterDays,
        allowedIpRanges: cmk.allowedIpRanges,
        privateEndpoint: {
          name: cmk.privateEndpoint.name,
          networkInterfaceName: cmk.privateEndpoint.networkInterfaceName,
          subnetId,
          dnsZoneIds: zoneIds(cmk.privateEndpoint.zoneNames),
        },
        protection: env.protected,
        tags: env.tags,
      });
      new Diagnostics(this, "cmk_key_vault_diagnostics", {
        targetResourceId: this.customerManagedKey.keyVaultId,
        logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
      });
    }

    acct.deployments.forEach(
      (d) =>
        new ModelDeployment(this, `deployment_${d.name}`, {
          account: this.account,
          name: d.name,
          modelFormat: d.model.format,
          modelName: d.model.name,
          modelVersion: d.model.version,
          sku: d.type,
          capacity: d.capacity,
          versionUpgradeOption: d.versionUpgradeOption,
          raiPolicyName: d.raiPolicyName,
        }),
    );

    this.privateEndpoint = new PrivateEndpoint(this, "openai_private_endpoint", {
      name: region.privateEndpoint.name,
      networkInterfaceName: region.privateEndpoint.networkInterfaceName,
      location: region.location,
      resourceGroupName: rg.name,
      subnetId,
      targetResourceId: this.account.id,
      subresource: ACCOUNT_SUBRESOURCE,
      dnsZoneIds: zoneIds(region.privateEndpoint.zoneNames),
      staticIp: region.privateEndpoint.staticIp,
      // The account must have settled: its key attached and its last deployment done.
      dependsOn: [this.account.settledAfter],
      tags: env.tags,
    });

    new Diagnostics(this, "openai_diagnostics", {
      targetResourceId: this.account.id,
      logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
    });

    if (region.access.length > 0) {
      new Access(this, "access", {
        subscriptionId: env.subscriptionId,
        grants: region.access.map((g) => ({
          ...g,
          scope: g.scope === "account" ? this.account.id : rg.id,
        })),
      });
    }

    // Endpoints and identities only: no output ever carries a key (local auth is off anyway).
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

  /** The project's own subnet (managed mode) or the landing zone's. */
  private privateEndpointSubnet(props: RegionStackProps, resourceGroupName: string): string {
    const { env, region } = props;
    const net = region.network;
    if (net.mode === "landingZone") return net.privateEndpointSubnetId;
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
    return network.privateEndpointSubnetId;
  }
}
