/**
 * Maps a place in a synthesized cdk.tf.json back to what a reviewer knows: the Terraform address and
 * the construct path that cdktf records in each block's "//" metadata.
 */
import { readFileSync } from "node:fs";
import { isMap, isScalar, LineCounter, parseDocument, type Pair } from "yaml";

export interface Location {
  /** `azurerm_cognitive_account.openai`, `data.azurerm_client_config.current`, `output.endpoint`. */
  readonly address: string;
  /** `prod-swedencentral/openai`, when cdktf recorded one. */
  readonly constructPath?: string;
}

interface Block extends Location {
  readonly firstLine: number;
  readonly lastLine: number;
}

export class StackLocator {
  private readonly blocks: Block[] = [];
  private readonly byAddress = new Map<string, Block>();

  constructor(text: string) {
    const lines = new LineCounter();
    // JSON is YAML, and the yaml package keeps source ranges: no second parser needed.
    const doc = parseDocument(text, { lineCounter: lines });
    const line = (offset: number) => lines.linePos(offset).line;
    const root = doc.contents;
    if (!isMap(root)) return;
    for (const top of root.items as Pair[]) {
      const kind = isScalar(top.key) ? String(top.key.value) : "";
      const prefix = { resource: "", data: "data.", output: "output.", provider: "provider." }[kind];
      if (prefix === undefined || !isMap(top.value)) continue;
      const add = (address: string, value: unknown) => {
        if (!isMap(value) || !value.range) return;
        const meta = value.toJSON()["//"] as { metadata?: { path?: string } } | undefined;
        const block = {
          address,
          constructPath: meta?.metadata?.path,
          firstLine: line(value.range[0]),
          lastLine: line(value.range[1]),
        };
        this.blocks.push(block);
        this.byAddress.set(address, block);
      };
      for (const typed of top.value.items as Pair[]) {
        const first = String(isScalar(typed.key) ? typed.key.value : "");
        if (kind === "output") add(`${prefix}${first}`, typed.value);
        else if (isMap(typed.value))
          for (const named of typed.value.items as Pair[]) {
            const name = String(isScalar(named.key) ? named.key.value : "");
            add(kind === "provider" ? `${prefix}${first}` : `${prefix}${first}.${name}`, named.value);
          }
      }
    }
  }

  static ofFile(path: string): StackLocator {
    return new StackLocator(readFileSync(path, "utf8"));
  }

  /** The innermost block that holds the line. */
  atLine(lineNumber: number): Location | undefined {
    return this.blocks
      .filter((b) => b.firstLine <= lineNumber && lineNumber <= b.lastLine)
      .sort((a, b) => a.lastLine - a.firstLine - (b.lastLine - b.firstLine))[0];
  }

  /**
   * Terraform names the block of a JSON diagnostic in its snippet context:
   * `resource.azapi_update_resource.x.lifecycle.replace_triggered_by`.
   */
  inContext(context: string | undefined): Location | undefined {
    if (!context) return undefined;
    const parts = context.split(".");
    const address = parts[0] === "resource" ? parts.slice(1, 3).join(".") : parts.slice(0, 3).join(".");
    return this.byAddress.get(address) ?? this.byAddress.get(parts.slice(0, 2).join("."));
  }

  get(address: string): Location | undefined {
    return this.byAddress.get(address);
  }

  /** The line (1-based) where the block with this address starts. */
  lineOf(address: string): number | undefined {
    return this.byAddress.get(address)?.firstLine;
  }
}
