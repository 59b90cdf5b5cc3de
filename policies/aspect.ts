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

/**
 * One evaluation serves every stack of one synthesis pass. A pass ends when each guarded stack has been
 * visited; a stack visited again, or changed since (a construct added), starts a new one.
 */
interface Pass {
  readonly report: GuardrailReport;
  /** Guarded stacks not yet visited, with their construct count when the pass read them. */
  readonly remaining: Map<TerraformStack, number>;
}
const passes = new WeakMap<IConstruct, Pass>();
const latest = new WeakMap<IConstruct, GuardrailReport>();
/** Each stack's Terraform JSON as the pack read it, with its construct count, for synthesis to reuse once. */
const snapshots = new WeakMap<TerraformStack, { json: Record<string, unknown>; size: number }>();

const sizeOf = (stack: TerraformStack) => stack.node.findAll().length;

function reportFor(stack: TerraformStack, options: GuardrailOptions): GuardrailReport {
  const root = stack.node.root;
  let pass = passes.get(root);
  if (!pass || pass.remaining.get(stack) !== sizeOf(stack)) {
    // In app.synth() every stack is prepared (cross-stack outputs registered) before the first is synthesized.
    const stacks = root.node.findAll().filter(TerraformStack.isStack);
    const docs = stacks.map((s) => {
      const json = s.toTerraform() as Record<string, unknown>;
      snapshots.set(s, { json, size: sizeOf(s) });
      return stackDocument(s.node.id, json);
    });
    const guarded = stacks.filter((s) => Aspects.of(s).all.some((a) => a instanceof GuardrailAspect));
    pass = {
      report: evaluate(docs, { today: options.today ?? new Date().toISOString().slice(0, 10) }),
      remaining: new Map(guarded.map((s) => [s, sizeOf(s)])),
    };
    passes.set(root, pass);
    latest.set(root, pass.report);
  }
  pass.remaining.delete(stack);
  if (pass.remaining.size === 0) passes.delete(root);
  return pass.report;
}

/** The construct a finding's path names (relative to its stack, which may be nested), or the stack. */
function constructAt(stack: TerraformStack, path: string): IConstruct {
  const prefix = `${stack.node.path}/`;
  if (!path.startsWith(prefix)) return stack;
  let node: IConstruct = stack;
  for (const id of path.slice(prefix.length).split("/")) {
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
    const report = reportFor(this.stack, this.options);
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
  options: GuardrailOptions = {},
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
  const snapshot = snapshots.get(stack);
  if (!snapshot) return undefined;
  snapshots.delete(stack);
  const nodes = stack.node.findAll();
  const changed =
    nodes.length !== snapshot.size ||
    nodes.some((n) => Aspects.of(n).all.some((a) => !(a instanceof GuardrailAspect)));
  return changed ? undefined : snapshot.json;
}

/** The App's guardrail report, once a stack of it has been synthesized. */
export const guardrailReport = (scope: IConstruct): GuardrailReport | undefined =>
  latest.get(scope.node.root);
