/**
 * Alerts in the bundled estate: every account has its throttling alert, scoped to it, and prod's
 * notify prod's action group (in the shared stack, read through remote state).
 */
import { synthBundledEstate } from "./bundled";

const { json, resources, regionStacks } = synthBundledEstate();

describe("alerts in the bundled estate", () => {
  it.each(regionStacks)("%s: the account has its throttling alert", (stack) => {
    const throttling = resources(stack, "azurerm_monitor_metric_alert").find(
      ([name]) => name === "openai_alerts_throttling",
    );
    expect(throttling?.[1].scopes).toEqual(["${azurerm_cognitive_account.openai.id}"]);
  });

  it("prod's alerts notify the action group of prod's shared stack; dev's, having no addresses, none", () => {
    expect(Object.keys(json("prod-shared").resource.azurerm_monitor_action_group)).toEqual(["action_group"]);
    const [, throttling] = resources("prod-swedencentral", "azurerm_monitor_metric_alert").find(
      ([n]) => n === "openai_alerts_throttling",
    )!;
    expect(throttling.action[0].action_group_id).toMatch(
      /^\$\{data\.terraform_remote_state\.cross_stack_reference_input_prod_shared\.outputs\.cross_stack_output_azurerm_monitor_action_group_action_group_id\}$/,
    );
    const [, dev] = resources("dev-swedencentral", "azurerm_monitor_metric_alert").find(
      ([n]) => n === "openai_alerts_throttling",
    )!;
    expect(dev.action).toBeUndefined();
  });
});
