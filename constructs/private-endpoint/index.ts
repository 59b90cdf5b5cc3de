/**
 * PrivateEndpoint: a private endpoint for one subresource of a resource, registered in private DNS
 * through a zone group (or left to Azure Policy when no zones are given).
 *
 * Meets: enterprise security (private networks). Azure constraints that shaped it:
 * - Azure OpenAI and AI services accounts expose one subresource, "account".
 * - An endpoint created while its account is still settling (e.g. deployments in progress) fails or
 *   stays pending, so callers pass what it must wait for.
 * - Name, subnet, NIC name, connection and static IP are ForceNew: changing them replaces the endpoint.
 */
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { AzurermPrivateEndpoint } from "../azurerm";
import { PropError, requireRule } from "../validation";

export interface PrivateEndpointProps {
  readonly name: string;
  readonly location: string;
  readonly resourceGroupName: string;
  readonly subnetId: string;
  /** Resource ID the endpoint connects to. */
  readonly targetResourceId: string;
  /** Private-link subresource (group ID), e.g. "account" for Azure OpenAI. */
  readonly subresource: string;
  /**
   * @default "nic-<name>"
   */
  readonly networkInterfaceName?: string;
  /**
   * Private DNS zones the endpoint registers its records in. Empty: no zone group (DNS left to
   * Azure Policy in the landing zone).
   * @default none
   */
  readonly dnsZoneIds?: readonly string[];
  /**
   * Fixed private IP inside the subnet.
   * @default dynamic
   */
  readonly staticIp?: string;
  /**
   * What must exist before the endpoint is created.
   * @default nothing beyond the references in the props
   */
  readonly dependsOn?: readonly ITerraformDependable[];
  /**
   * @default no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

export class PrivateEndpoint extends Construct {
  readonly id: string;
  /** The endpoint's private IP address. */
  readonly privateIpAddress: string;
  readonly resource: AzurermPrivateEndpoint;

  constructor(scope: Construct, id: string, props: PrivateEndpointProps) {
    super(scope, id);
    if (props.staticIp !== undefined) requireRule(this, "staticIp", props.staticIp, "ipv4");
    if (props.subresource.trim() === "")
      throw new PropError(this, "subresource", props.subresource, "must name a private-link subresource");
    const zoneIds = props.dnsZoneIds ?? [];

    this.resource = new AzurermPrivateEndpoint(this, "Resource", {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      subnetId: props.subnetId,
      customNetworkInterfaceName: props.networkInterfaceName ?? `nic-${props.name}`,
      privateServiceConnection: {
        name: `psc-${props.name}`,
        privateConnectionResourceId: props.targetResourceId,
        subresourceNames: [props.subresource],
        isManualConnection: false,
      },
      privateDnsZoneGroup:
        zoneIds.length > 0 ? { name: "default", privateDnsZoneIds: [...zoneIds] } : undefined,
      ipConfiguration: props.staticIp
        ? [
            {
              name: `ip-${props.name}`,
              privateIpAddress: props.staticIp,
              subresourceName: props.subresource,
              memberName: "default",
            },
          ]
        : undefined,
      dependsOn: props.dependsOn ? [...props.dependsOn] : undefined,
      tags: { ...props.tags },
    });
    this.id = this.resource.id;
    this.privateIpAddress = this.resource.privateServiceConnection.privateIpAddress;
  }
}
