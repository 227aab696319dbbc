package dev.tandem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every scenario bench/synth-benchmark times still synthesizes, so the benchmark cannot rot between runs. */
class BenchmarkScenarioTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"floor", "edge", "apps:3", "reference", "reference+aws"})
    void theScenarioSynthesizes(String scenario) {
        Path out = tmp.resolve("cdktf.out");

        BenchmarkScenario.run(scenario, out);

        assertThat(out.resolve("manifest.json")).exists();
    }
}
