/** The parts of a synthesized cdk.tf.json that validation reads. */
export type Block = Record<string, unknown> & {
  depends_on?: string[];
  provider?: string;
  lifecycle?: { replace_triggered_by?: string[] };
};
export type Blocks = Record<string, Record<string, Block>>;

export interface TerraformJson {
  terraform?: { required_providers?: Record<string, { source: string; version: string }> };
  provider?: Record<string, unknown>;
  resource?: Blocks;
  data?: Blocks;
  [key: string]: unknown;
}
