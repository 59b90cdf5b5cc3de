/**
 * LogWorkspace: the environment's Log Analytics workspace, where every account's audit and request
 * logs go.
 *
 * Meets: enterprise security (diagnostics). Azure constraints: retention is 30-730 days on the
 * PerGB2018 tier; local (shared key) authentication is turned off so only Entra ID identities can
 * send or query data.
 */
import { Construct } from "constructs";
import { LogAnalyticsWorkspace } from "../azurerm";
import { applyProtection } from "../resource-options";
import { PropError, requireName } from "../validation";

export interface LogWorkspaceProps {
  readonly name: string;
  readonly location: string;
  readonly resourceGroupName: string;
  /**
   * @default 90
   */
  readonly retentionDays?: number;
  /**
   * Delete lock and prevent_destroy: the workspace holds the audit trail.
   * @default true
   */
  readonly protection?: boolean;
  /**
   * @default no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

export class LogWorkspace extends Construct {
  readonly id: string;
  readonly name: string;

  constructor(scope: Construct, id: string, props: LogWorkspaceProps) {
    super(scope, id);
    const retention = props.retentionDays ?? 90;
    const protection = props.protection ?? true;
    requireName(this, "name", props.name, "logAnalyticsWorkspace");
    if (!Number.isInteger(retention) || retention < 30 || retention > 730) {
      throw new PropError(this, "retentionDays", retention, "must be a whole number of days from 30 to 730");
    }
    const workspace = new LogAnalyticsWorkspace(this, "Resource", {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      sku: "PerGB2018",
      retentionInDays: retention,
      localAuthenticationEnabled: false,
      tags: { ...props.tags },
    });
    applyProtection(
      this,
      workspace,
      protection,
      "Protected environment: holds the audit trail of the Azure OpenAI accounts.",
    );
    this.id = workspace.id;
    this.name = props.name;
  }
}
