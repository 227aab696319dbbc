package dev.tandem.constructs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.hashicorp.cdktf.Fn;
import dev.tandem.constructs.testing.TestStacks;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.constructs.Construct;
import software.constructs.IConstruct;

class ProblemsTest {

    private static String messageOf(Problems p) {
        return catchThrowableOfType(p::throwIfAny, ValidationException.class).getMessage();
    }

    @Test
    void aConstructsPathIsReadFromTheTreeOnlyWhenAProblemIsRecorded() {
        Construct table = new Construct(TestStacks.emptyStack(), "orders");
        AtomicInteger reads = new AtomicInteger();
        IConstruct counted = () -> {
            reads.incrementAndGet();
            return table.getNode();
        };
        Problems p = Problems.at(counted);
        p.require(true, "port", 443, "must be 1–65535", "use a TCP port");
        p.throwIfAny();
        assertThat(reads).as("valid input: no round trip to the tree").hasValue(0);

        p.require(false, "port", 0, "must be 1–65535", "use a TCP port");
        p.require(false, "name", "", "is required", "name it");

        assertThat(messageOf(p)).contains("- test/orders: port = 0", "- test/orders: name = \"\"");
        assertThat(reads).as("read once, for the first problem").hasValue(1);
    }

    @Test
    void aTokenIsDescribedNotPrintedAsCdktfsPlaceholder() {
        Problems p = new Problems("paris/orders");
        p.require(false, "tableName", Fn.lower("ORDERS"), "must be written out", "write the name");

        assertThat(messageOf(p)).isEqualTo("paris/orders: tableName = a Terraform expression (known only at apply)"
                + " — must be written out. Fix: write the name").doesNotContain("TfToken");
    }

    @Test
    void aTokenInsideAValueAPathOrAPropertyIsDescribedInPlace() {
        String token = Fn.lower("A");
        Problems p = new Problems("paris/" + token).nested("zones[" + token + "]");
        p.add("name", List.of(token, "eu-west-par-b"), "must be a zone", "list zones");

        assertThat(messageOf(p)).isEqualTo("paris/${a Terraform expression}: zones[${a Terraform expression}].name = "
                + "[${a Terraform expression}, eu-west-par-b] — must be a zone. Fix: list zones");
    }

    @Test
    void blankAndPaddedTextIsQuotedSoItShows() {
        Problems p = new Problems("DeploymentSpec");
        p.require(false, "sshKeyName", "", "is required", "name the key");
        p.require(false, "appName", " orders", "must be a DNS label", "remove the space");

        assertThat(messageOf(p)).contains("sshKeyName = \"\" — is required", "appName = \" orders\" — must be");
    }

    @Test
    void everyProblemIsListedAndNestedPropertiesArePrefixed() {
        Problems p = new Problems("paris/app");
        p.nested("app").nested("ingress").require(false, "host", "Orders.acme.io", "must be lower case", "lower it");
        p.present(null, "network", "pass the network");
        ValidationException e = catchThrowableOfType(p::throwIfAny, ValidationException.class);

        assertThat(e.problems()).extracting(Problem::property).containsExactly("app.ingress.host", "network");
        assertThat(e.getMessage()).startsWith("2 problems:\n  - paris/app: app.ingress.host = Orders.acme.io");
    }

    @Test
    void noProblemNoException() {
        Problems p = new Problems("paris/app");
        assertThat(p.require(true, "replicas", 3, "must be at least 2", "raise it")).isTrue();
        assertThat(p.isEmpty()).isTrue();
        p.throwIfAny();
    }
}
