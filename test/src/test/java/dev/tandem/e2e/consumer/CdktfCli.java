package dev.tandem.e2e.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cdktf CLI Tandem is tested with (cdktf-cli 0.19.2, locked in {@code src/cli}), installed from its
 * lockfile when it is not there yet.
 */
final class CdktfCli {
    private CdktfCli() {
    }

    static Path ensureInstalled(Path root) throws Exception {
        Path cli = root.resolve("src/cli/node_modules/.bin/cdktf");
        if (!Files.isExecutable(cli)) {
            ConsumerProjectTest.Run install = ConsumerProjectTest.Run.of(root, "npm", "ci", "--prefix", "src/cli",
                    "--no-audit", "--no-fund", "--loglevel=error", "--ignore-scripts");
            assertThat(install.exitCode()).as(install.output()).isZero();
        }
        return cli;
    }
}
