/**
 * Blocklist: terms a content filter blocks in prompts and completions, on one account.
 *
 * Meets: responsible AI (custom blocking). Azure constraints that shaped it:
 * - azurerm 4.55 has the blocklist (azurerm_cognitive_account_rai_blocklist) but no resource for its
 *   items, so each item is an azapi_resource of type raiBlocklists/raiBlocklistItems at a pinned API
 *   version (constructs/azapi.ts);
 * - at most 10,000 items of at most 1,000 characters each; changes take about 5 minutes to apply;
 * - every write is an operation on the account, serialized with the others (409 otherwise).
 */
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { AzapiResource, COGNITIVE_SERVICES_API_VERSION } from "../azapi";
import { CognitiveAccountRaiBlocklist } from "../azurerm";
import type { OpenAiAccount } from "../openai-account";
import { PropError, requireRule } from "../validation";

export interface BlocklistItem {
  /** Item name (letters, digits, '-', '.', '_', '~'); name it by content so reordering changes nothing. */
  readonly name: string;
  readonly pattern: string;
  /** Treat the pattern as a regular expression. */
  readonly regex: boolean;
}

export interface BlocklistProps {
  readonly account: OpenAiAccount;
  readonly name: string;
  readonly items: readonly BlocklistItem[];
  /**
   * @default no description
   */
  readonly description?: string;
}

const MAX_ITEMS = 10_000;
const MAX_PATTERN = 1_000;

export class Blocklist extends Construct {
  readonly name: string;
  readonly id: string;
  readonly resource: CognitiveAccountRaiBlocklist;

  constructor(scope: Construct, id: string, props: BlocklistProps) {
    super(scope, id);
    requireRule(this, "name", props.name, "raiName");
    if (props.items.length === 0 || props.items.length > MAX_ITEMS)
      throw new PropError(this, "items", props.items.length, `must hold 1-${MAX_ITEMS} items`);
    const names = new Set<string>();
    for (const item of props.items) {
      requireRule(this, "items[].name", item.name, "raiName");
      if (names.has(item.name)) throw new PropError(this, "items[].name", item.name, "must be unique");
      names.add(item.name);
      if (item.pattern.length === 0 || item.pattern.length > MAX_PATTERN)
        throw new PropError(
          this,
          `items[${item.name}].pattern`,
          item.pattern,
          `must be 1-${MAX_PATTERN} characters`,
        );
      if (item.regex) {
        try {
          new RegExp(item.pattern);
        } catch {
          throw new PropError(
            this,
            `items[${item.name}].pattern`,
            item.pattern,
            "must be a valid regular expression",
          );
        }
      }
    }

    this.resource = new CognitiveAccountRaiBlocklist(this, "Resource", {
      name: props.name,
      cognitiveAccountId: props.account.id,
      description: props.description,
    });
    // Each item is a write to the account too: one after the other.
    let last: ITerraformDependable = this.resource;
    for (const item of props.items) {
      last = new AzapiResource(this, item.name, {
        type: `Microsoft.CognitiveServices/accounts/raiBlocklists/raiBlocklistItems@${COGNITIVE_SERVICES_API_VERSION}`,
        name: item.name,
        parentId: this.resource.id,
        body: { properties: { pattern: item.pattern, isRegex: item.regex } },
        dependsOn: [last],
      });
    }
    props.account.addOperation({ key: `blocklist:${props.name}`, first: this.resource, last });
    this.name = props.name;
    this.id = this.resource.id;
  }
}
