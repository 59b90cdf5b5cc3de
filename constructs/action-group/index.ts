/**
 * ActionGroup: who Azure Monitor notifies when an alert fires (e-mail receivers, common alert schema).
 *
 * Azure constraints (azurerm v4.55.0 monitor_action_group): short_name is 1-12 characters (it is in every
 * SMS and e-mail subject); the group is global (location "global").
 */
import { Construct } from "constructs";
import { MonitorActionGroup } from "../azurerm";
import { PropError, requireRule } from "../validation";

export interface ActionGroupProps {
  readonly name: string;
  /** Up to 12 characters, shown in notifications. */
  readonly shortName: string;
  readonly resourceGroupName: string;
  /** E-mail addresses notified, each its own receiver. */
  readonly emails: readonly string[];
  /**
   * @default no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

export class ActionGroup extends Construct {
  readonly id: string;

  constructor(scope: Construct, id: string, props: ActionGroupProps) {
    super(scope, id);
    if (props.shortName.length < 1 || props.shortName.length > 12)
      throw new PropError(this, "shortName", props.shortName, "must be 1-12 characters (Azure's limit)");
    if (props.emails.length === 0) throw new PropError(this, "emails", [], "must name at least one address");
    props.emails.forEach((e, i) => requireRule(this, `emails[${i}]`, e, "email"));
    const group = new MonitorActionGroup(this, "Resource", {
      name: props.name,
      shortName: props.shortName,
      resourceGroupName: props.resourceGroupName,
      location: "global",
      emailReceiver: props.emails.map((address, i) => ({
        name: `email-${i + 1}`,
        emailAddress: address,
        useCommonAlertSchema: true,
      })),
      tags: { ...props.tags },
    });
    this.id = group.id;
  }
}
