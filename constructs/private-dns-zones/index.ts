/**
 * PrivateDnsZones: the private DNS zones an environment's private endpoints register in, owned by the
 * shared stack (managed DNS mode). Each region's VNet links itself to them (Network construct), so a
 * region can be added without touching the shared stack's links.
 *
 * Azure constraints: records are auto-registered only in the recommended zone names
 * (privatelink.openai.azure.com and friends); private DNS zones take at most 15 tags.
 */
import { Construct } from "constructs";
import { PrivateDnsZone } from "../azurerm";
import { PropError, requireRule } from "../validation";

export interface PrivateDnsZonesProps {
  /** Zone names, e.g. privatelink.openai.azure.com. */
  readonly zoneNames: readonly string[];
  readonly resourceGroupName: string;
  /**
   * @default no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

const MAX_ZONE_TAGS = 15;

export class PrivateDnsZones extends Construct {
  /** Zone resource IDs by zone name. */
  readonly zoneIds: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: PrivateDnsZonesProps) {
    super(scope, id);
    if (Object.keys(props.tags ?? {}).length > MAX_ZONE_TAGS) {
      throw new PropError(
        this,
        "tags",
        Object.keys(props.tags ?? {}).length,
        `must be at most ${MAX_ZONE_TAGS}: private DNS zones take no more`,
      );
    }
    const ids: Record<string, string> = {};
    for (const name of props.zoneNames) {
      requireRule(this, "zoneNames", name, "privateDnsZoneName", "entries");
      const zone = new PrivateDnsZone(this, name, {
        name,
        resourceGroupName: props.resourceGroupName,
        tags: { ...props.tags },
      });
      ids[name] = zone.id;
    }
    this.zoneIds = ids;
  }
}
