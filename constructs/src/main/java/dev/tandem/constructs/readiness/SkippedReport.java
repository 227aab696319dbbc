package dev.tandem.constructs.readiness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The report a deployment that opted out of the DR readiness pass gets: the opt-out and its reason. */
final class SkippedReport {
    private SkippedReport() {
    }

    static String markdown(String reason) {
        return "# DR readiness\n\n**Skipped.** This deployment opted out of the DR readiness pass; nothing "
                + "below was checked: failover chain, health contract, RTO/RPO, single points of failure, "
                + "symmetry.\n\nReason given: " + MarkdownText.text(reason) + "\n";
    }

    static String json(String reason) {
        ObjectNode node = new ObjectMapper().createObjectNode().put("skipped", true).put("reason", reason);
        return node.toPrettyString() + "\n";
    }
}
