/**
 * The order of the changes to one account (Azure takes one at a time): the key first, then the
 * blocklists some filter uses, the filters, and the deployments, each group in config order.
 */
import { accountOperations } from "../../estate/account-operations";
import type { BlocklistEstate, ContentFilterEstate, DeploymentEstate } from "../../estate/types";

const blocklist = (name: string) => ({ name, items: [] }) as BlocklistEstate;
const filter = (name: string, blocklists: string[] = []) =>
  ({ name, blocklists }) as unknown as ContentFilterEstate;
const deployment = (name: string) => ({ name }) as DeploymentEstate;

describe("accountOperations", () => {
  it("orders the key, used blocklists, filters and deployments, each in config order", () => {
    expect(
      accountOperations({
        customerManagedKey: true,
        blocklists: [blocklist("products"), blocklist("unused"), blocklist("codenames")],
        contentFilters: [filter("strict", ["codenames"]), filter("chat", ["products", "codenames"])],
        deployments: [deployment("embed"), deployment("chat")],
      }),
    ).toEqual([
      "customer-managed-key",
      "blocklist:products",
      "blocklist:codenames",
      "content-filter:strict",
      "content-filter:chat",
      "deployment:embed",
      "deployment:chat",
    ]);
  });

  it("has no key step without a customer-managed key, and no blocklist no filter uses", () => {
    expect(
      accountOperations({
        customerManagedKey: false,
        blocklists: [blocklist("unused")],
        contentFilters: [],
        deployments: [deployment("chat")],
      }),
    ).toEqual(["deployment:chat"]);
  });
});
