package dev.tandem.e2e;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says at the end of the run which checks did not run and why: a real-tool check whose tool is missing
 * on a workstation is skipped (in CI it fails instead), and a skip in the middle of hundreds of passing
 * tests is easy to miss. Registered through {@code META-INF/services}, so every run of this module has it.
 */
public final class SkippedChecksSummary implements TestExecutionListener {
    private final List<String> skipped = new ArrayList<>();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        skipped.add(test.getDisplayName() + ": " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            skipped.add(test.getDisplayName() + ": "
                    + result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (skipped.isEmpty()) {
            return;
        }
        System.out.println("tandem: " + skipped.size() + " check(s) were skipped (in CI, a missing tool fails its check instead):");
        skipped.forEach(line -> System.out.println("tandem:   " + line));
    }
}
