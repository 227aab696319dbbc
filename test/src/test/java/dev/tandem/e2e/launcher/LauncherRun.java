package dev.tandem.e2e.launcher;

import java.util.List;

/**
 * One run of {@code ./synth}.
 *
 * @param exitCode    the launcher's exit status
 * @param output      what it printed (stdout and stderr)
 * @param mavenCalls  the arguments of each {@code mvn} it started, one line per call
 * @param javaCalls   for each stand-in {@code java} it started: {@code CDKTF_OUTDIR=… <arguments>}
 */
record LauncherRun(int exitCode, String output, List<String> mavenCalls, List<String> javaCalls) {
}
