package dev.tandem.constructs.readiness;

import static dev.tandem.constructs.readiness.ReadinessFixture.TARGETS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.constructs.health.HealthContract;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void anAcceptedRiskReasonWithLineBreaksHtmlPipesAndBackticksStaysOneRowOfText() {
        ReadinessFixture f = new ReadinessFixture();
        f.secondaryHaproxy = b -> b.instances(1).allowSingleInstance(true);
        String reason = "cold standby\r\nscaled | up <script>alert(1)</script> & `runbook` \\";

        String md = f.evaluate(TARGETS, List.of(
                AcceptedRisk.of(Rule.SINGLE_HAPROXY_INSTANCE, "secondary/haproxy", reason),
                AcceptedRisk.of(Rule.SINGLE_ORIGIN_POOL, "edge/lb", "follows from the one standby instance")))
                .markdown();

        assertThat(md).contains("| single-haproxy-instance | secondary/haproxy | cold standby scaled \\| up "
                + "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \\`runbook\\` \\\\ |\n");
        assertThat(md).doesNotContain("<script", "\r");
    }

    @Test
    void aHealthPathWithQuotesAndHashesStaysInsideItsMermaidLabels() {
        ReadinessFixture f = new ReadinessFixture();
        f.health = HealthContract.builder().path("/health\"#x<y>|z").build();

        String md = f.evaluate().markdown();

        String diagram = md.substring(md.indexOf("```mermaid"), md.indexOf("```", md.indexOf("```mermaid") + 3));
        assertThat(diagram).contains("/health#quot;#35;x#lt;y#gt;#124;z").doesNotContain("/health\"");
        assertThat(Arrays.stream(diagram.split("\n")))
                .as("every label's quotes are balanced").allMatch(line -> line.chars().filter(c -> c == '"').count() % 2 == 0);
    }

    @Test
    void markdownAndMermaidEscapesLeaveOrdinaryTextAlone() {
        assertThat(MarkdownText.text("DE1 (Frankfurt) has one zone; 3 × b3-8 ≤ 5")).isEqualTo(
                "DE1 (Frankfurt) has one zone; 3 × b3-8 ≤ 5");
        assertThat(MarkdownText.mermaid("pool tandem-primary (2 origins)")).isEqualTo("pool tandem-primary (2 origins)");
        assertThat(MarkdownText.mermaid("#quot;")).as("a user's entity code shows as typed").isEqualTo("#35;quot;");
    }
}
