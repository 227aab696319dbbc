/**
 * The data: a DynamoDB global table ({@link GlobalTable}) in its home region's stack and a
 * {@link TableReplica} in each other region's stack, both described by {@link GlobalTableProps}.
 *
 * <h2>GlobalTable: sources and decisions</h2>
 *
 * <p>The table ignores changes to its {@code replica} argument, as hashicorp/aws documents for tables
 * whose replicas are {@code aws_dynamodb_table_replica} resources: the replicas are managed there.
 *
 * <p><b>Destroying.</b> The table carries {@code lifecycle.prevent_destroy}: a plan that would destroy it
 * ({@code terraform destroy}, or a change that replaces it) fails before anything is destroyed. Tearing
 * down on purpose is a reviewed change in code, {@link GlobalTableProps.BuilderBase#teardown(boolean)}.
 * Even then the table is not destroyed while its state records a replica: hashicorp/aws reads the
 * table's replicas into its {@code replica} attribute and deletes every one of them before the table
 * ({@code internal/service/dynamodb/table.go}, {@code resourceTableRead} and {@code resourceTableDelete}),
 * and those replicas belong to other stacks; a destroy-time check refuses, naming the regions.
 *
 * <h2>TableReplica: sources and decisions</h2>
 *
 * <p>The table's ARN is built from what the replica's stack reads itself — {@code arn:<partition>:dynamodb:<home
 * region>:<account>:table/<name>}, with its own {@code aws_partition} and {@code aws_caller_identity} — never
 * from the table's stack's outputs, so the replica's stack still plans after a failed or partial destroy of
 * the table's. The account is the replica's own provider's: Tandem assumes the table's stack and the
 * replica's deploy to one AWS account (cross-account replicas are not modelled). The
 * replica still needs the table at apply time, so its stack declares a dependency on the table's
 * ({@code TerraformStack.addDependency}, written to {@code manifest.json}): {@code cdktf deploy} applies the
 * table's stack first, and {@code cdktf destroy} refuses the table's stack without the replica's and destroys
 * the replica's first (cdktf-cli 0.19.2, {@code @cdktf/cli-core} {@code cdktf-project.js}, {@code destroy}).
 */
package dev.tandem.constructs.table;
