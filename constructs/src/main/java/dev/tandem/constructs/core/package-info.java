/**
 * What every construct shares: the app that synthesizes all or nothing ({@link TandemApp}) with its side
 * files ({@link SideFile}), validation that reports every problem at once ({@link Problems},
 * {@link ValidationException}), where state is kept ({@link StateBackend}) and the rules that keep a user's
 * text from reaching Terraform as an expression ({@link TerraformStrings}).
 *
 * <h2>TandemApp: sources and decisions</h2>
 *
 * <p>cdktf writes straight into its output folder, so a synth that fails half-way leaves a
 * mixture of old and new stacks that {@code cdktf deploy} would happily apply. Here the App
 * synthesizes into a staging folder beside the output ({@code cdktf.out.staging}, or
 * {@code $CDKTF_OUTDIR} where that is set, since cdktf gives it precedence); only a complete synth
 * replaces the output, and a failed one removes the staging folder and leaves the previous output
 * untouched. When {@code $CDKTF_OUTDIR} is the output folder itself (the cdktf CLI's {@code cdktf synth}
 * with its defaults), cdktf must write there: the previous output is moved aside to
 * {@code cdktf.out.previous} first and moved back if the synth fails.
 * Terraform's working files in the old output ({@code .terraform/}, the dependency lock file and
 * any local state) are carried over so a re-synth does not force a new {@code terraform init}, and
 * so are top-level entries this synth does not write (another rendering's output, such as
 * {@code cloudformation/}).
 */
package dev.tandem.constructs.core;
