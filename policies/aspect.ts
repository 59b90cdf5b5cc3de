/**
 * The pack as a cdktf aspect. cdktf 0.21 applies only aspects added to a stack (never the App's), so
 * each stack gets its own; they share one evaluation per App, because relations cross stacks (a region's
 * private endpoint registers in zones its environment's shared stack creates).
 *
 * Findings become annotations on the construct that wrote the resource: an unwaived error fails
 * `cdktf synth`, a warning is printed. The report itself is kept for the caller (`guardrailReport`),
 * which can list every finding of every stack at once.
 */
import { Annotations, Aspects, TerraformStack, type IAspect } from "cdktf";
import type { IConstruct } from "constructs";
import { stackDocument, type GuardrailMetadata } from "./document";
import { evaluate, type GuardrailReport } from "./evaluate";

export interface GuardrailOptions {
  /**
   * YYYY-MM-DD on which waiver expiries are judged.
   * @default today (UTC)
   */
  readonly today?: string;
}

const reports = new WeakMap<IConstruct, GuardrailReport>();
/** Each stack's Terraform JSON as the pack read it, for the stack's own synthesis to reuse once. */
const snapshots = new WeakMap<TerraformStack, Record<string, unknown>>();

function reportFor(root: IConstruct, options: GuardrailOptions): GuardrailReport {
  let report = reports.get(root);
  if (!report) {
    // Every stack is prepared (cross-stack outputs registered) before the first is synthesized.
    const stacks = root.node.findAll().filter(TerraformStack.isStack);
    report = evaluate(
      stacks.map((s) => {
        const json = s.toTerraform() as Record<string, unknown>;
        snapshots.set(s, json);
        return stackDocument(s.node.id, json);
      }),
      { today: options.today ?? new Date().toISOString().slice(0, 10) },
    );
    reports.set(root, report);
  }
  return report;
}

/** The construct a finding's path names, or the stack when the path leads nowhere. */
function constructAt(stack: TerraformStack, path: string): IConstruct {
  const parts = path.split("/").slice(1);
  let node: IConstruct = stack;
  for (const id of parts) {
    const child = node.node.tryFindChild(id);
    if (!child) break;
    node = child;
  }
  return node;
}

class GuardrailAspect implements IAspect {
  constructor(
    private readonly stack: TerraformStack,
    private readonly options: GuardrailOptions,
  ) {}

  visit(node: IConstruct): void {
    if (node !== this.stack) return;
    const report = reportFor(this.stack.node.root, this.options);
    for (const f of [...report.errors, ...report.warnings]) {
      if (f.stack !== this.stack.node.id) continue;
      const message = `${f.rule}: ${f.address}: ${f.detail}. ${f.title}. Fix: ${f.fix}`;
      const at = Annotations.of(constructAt(this.stack, f.path));
      if (f.level === "error") at.addError(message);
      else at.addWarning(message);
    }
  }
}

/**
 * Runs the guardrail pack over this stack at synthesis. `metadata` travels in the stack's output
 * (`//.guardrails`) so `npm run audit` of the output judges it exactly as synth did.
 */
export function applyGuardrails(
  stack: TerraformStack,
  options: GuardrailOptions,
  metadata: GuardrailMetadata = {},
): void {
  stack.addOverride("//.guardrails", metadata);
  Aspects.of(stack).add(new GuardrailAspect(stack, options));
}

/**
 * The stack's Terraform JSON as the pack resolved it, once, so synthesis does not resolve every token a
 * second time (a third of a large estate's synth). Only while nothing else can have changed the stack:
 * another aspect on any of its constructs, run after the pack read it, could have.
 */
export function takeGuardrailSnapshot(stack: TerraformStack): Record<string, unknown> | undefined {
  const json = snapshots.get(stack);
  if (!json) return undefined;
  snapshots.delete(stack);
  const otherAspects = stack.node
    .findAll()
    .some((n) => Aspects.of(n).all.some((a) => !(a instanceof GuardrailAspect)));
  return otherAspects ? undefined : json;
}

/** The App's guardrail report, once a stack of it has been synthesized. */
export const guardrailReport = (scope: IConstruct): GuardrailReport | undefined =>
  reports.get(scope.node.root);
