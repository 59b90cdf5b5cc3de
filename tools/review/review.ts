/** Plans of many stacks → one review: counts, risks, changes with their attributes, drift. */
import { attributeDiffs, classify, type AttributeDiff, type Classified, type Kind } from "./changes";
import type { Plan, ResourceChange } from "./plan";
import { risksOf, type Risk } from "./risks";

export interface StackPlan {
  readonly stack: string;
  readonly plan: Plan;
  /** Address → construct path, from the stack's cdk.tf.json, when it is at hand. */
  readonly constructPath?: (address: string) => string | undefined;
}

export interface ReviewedChange extends Classified {
  readonly address: string;
  readonly type: string;
  readonly constructPath?: string;
  readonly actionReason?: string;
  readonly deposed?: string;
  readonly importId?: string;
  readonly diffs: readonly AttributeDiff[];
}

export interface StackReview {
  readonly stack: string;
  readonly counts: Readonly<Record<Kind, number>>;
  readonly changes: readonly ReviewedChange[];
  readonly risks: readonly (Risk & { readonly constructPath?: string })[];
  /** Changes made outside Terraform that feed this plan (relevant_attributes), and the rest. */
  readonly drift: {
    readonly relevant: readonly ReviewedChange[];
    readonly unrelated: readonly ReviewedChange[];
  };
  readonly outputs: readonly string[];
  readonly errored: boolean;
  readonly incomplete: boolean;
}

export function reviewStack({ stack, plan, constructPath }: StackPlan): StackReview {
  const counts = Object.fromEntries(
    ["create", "update", "replace", "delete", "import", "move", "read", "forget", "no-op", "unknown"].map(
      (k) => [k, 0],
    ),
  ) as Record<Kind, number>;
  const reviewed = (rc: ResourceChange): ReviewedChange => ({
    ...classify(rc),
    address: rc.address,
    type: rc.type,
    constructPath: constructPath?.(rc.address),
    actionReason: rc.action_reason,
    deposed: rc.deposed,
    importId: rc.change.importing?.id,
    diffs: attributeDiffs(rc),
  });
  const changes: ReviewedChange[] = [];
  const risks: StackReview["risks"][number][] = [];
  for (const rc of plan.resource_changes) {
    if (rc.mode === "data") continue; // reads of data sources are not changes
    const change = reviewed(rc);
    counts[change.kind] += 1;
    // An import or a move can come with an update: it is both, and both are counted.
    if (change.imported && change.kind !== "import") counts.import += 1;
    if (change.movedFrom && change.kind !== "move") counts.move += 1;
    if (change.kind !== "no-op") changes.push(change);
    for (const risk of risksOf(rc, change)) risks.push({ ...risk, constructPath: change.constructPath });
  }
  const relevant = new Set(plan.relevant_attributes.map((r) => r.resource));
  const drifted = plan.resource_drift.map(reviewed);
  return {
    stack,
    counts,
    changes,
    risks,
    drift: {
      relevant: drifted.filter((d) => relevant.has(d.address)),
      unrelated: drifted.filter((d) => !relevant.has(d.address)),
    },
    outputs: Object.entries(plan.output_changes)
      .filter(([, o]) => o.actions.join(",") !== "no-op")
      .map(([name, o]) => `${name} (${o.actions.join(", ")})`),
    errored: plan.errored === true,
    incomplete: plan.complete === false,
  };
}
