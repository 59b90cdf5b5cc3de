/**
 * The package as a library: its entry point, and the documented example of another cdktf app using
 * OpenAiAccount and ModelDeployment directly (examples/library-app.ts, shown in docs/library.md).
 */
import { readFileSync } from "node:fs";
import { Testing } from "cdktf";
import { ChatStack } from "../examples/library-app";
import * as api from "../index";
import { guardrailReport } from "../policies/aspect";

const pkg = JSON.parse(readFileSync("package.json", "utf8"));

describe("the package", () => {
  it("is publishable with its entry point, declarations and licence", () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.exports["."]).toEqual({ types: "./dist/index.d.ts", default: "./dist/index.js" });
    expect(pkg.files).toEqual(expect.arrayContaining(["dist", "LICENSE", "CHANGELOG.md"]));
    expect(readFileSync("LICENSE", "utf8")).toMatch(new RegExp(`^${pkg.license} License`));
  });

  it("exports the constructs and the estate API", () => {
    const exported = api as Record<string, unknown>;
    const missing = ["OpenAiAccount", "ModelDeployment", "ContentFilter", "CustomerManagedKey"]
      .concat(["FineTuningStorage", "resolveEstate", "loadEnvironments", "buildStacks", "MODELS"])
      .concat(["applyGuardrails", "evaluate", "stackDocument", "RULES"])
      .filter((name) => exported[name] === undefined);
    expect(missing).toEqual([]);
  });
});

describe("the library example", () => {
  const stack = new ChatStack(Testing.app(), "chat");
  const json = JSON.parse(Testing.synth(stack));

  it("passes the guardrail pack it applies to itself", () => {
    const report = guardrailReport(stack)!;
    expect([...report.errors, ...report.warnings]).toEqual([]);
    expect(report.findings).toEqual([]);
  });

  const [accountAddress] = Object.keys(json.resource.azurerm_cognitive_account);
  const account = `\${azurerm_cognitive_account.${accountAddress}.id}`;

  it("gets the secure account, its lock, logs, endpoint and inference grant from props alone", () => {
    expect(Object.values<any>(json.resource.azurerm_cognitive_account)[0]).toMatchObject({
      local_auth_enabled: false,
      public_network_access_enabled: false,
      lifecycle: { prevent_destroy: true },
    });
    expect(Object.values<any>(json.resource.azurerm_management_lock)[0].scope).toBe(account);
    expect(Object.values<any>(json.resource.azurerm_monitor_diagnostic_setting)[0].target_resource_id).toBe(
      account,
    );
    expect(
      Object.values<any>(json.resource.azurerm_private_endpoint)[0].private_service_connection
        .private_connection_resource_id,
    ).toBe(account);
    expect(Object.values<any>(json.resource.azurerm_role_assignment)[0]).toMatchObject({
      scope: account,
      principal_id: "11111111-1111-1111-1111-111111111111",
    });
  });

  it("chains its two deployments on the account, one after the other", () => {
    const deployments = Object.entries<any>(json.resource.azurerm_cognitive_deployment);
    expect(deployments.map(([, d]) => d.name)).toEqual(["chat", "embeddings"]);
    expect(deployments[0]![1].depends_on).toBeUndefined();
    expect(deployments[1]![1].depends_on).toEqual([`azurerm_cognitive_deployment.${deployments[0]![0]}`]);
  });
});
