package dev.tandem.constructs.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DnsNamesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"localhost", "app.example.com", "a.b", "x1.example.io", "10-1.example.com",
            "app.1example.com", "123.example.com", "app.example.c0m", "xn--bcher-kva.example"})
    void acceptsHostNames(String name) {
        assertThat(DnsNames.isHostname(name)).isTrue();
    }

    /** RFC 3696 §2: a resolver reads an all-numeric last label as part of an IPv4 address. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"10.1", "1.2.3.4", "127.0.0.1", "8080", "app.example.123", "example.10", "0x7f.1"})
    void refusesAnAllNumericLastLabel(String name) {
        assertThat(DnsNames.isHostname(name)).isFalse();
        assertThat(DnsNames.isQualifiedHostname(name)).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", ".", "app.", ".app", "app..example.com", "App.example.com", "-app.example.com",
            "app-.example.com", "app_1.example.com", "app example.com", "app.example.com:8080"})
    void refusesWhatIsNotAHostName(String name) {
        assertThat(DnsNames.isHostname(name)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {63, 64})
    void aLabelHasAtMost63Characters(int length) {
        String label = "a".repeat(length);
        assertThat(DnsNames.isLabel(label)).isEqualTo(length <= 63);
        assertThat(DnsNames.isHostname(label + ".example.com")).isEqualTo(length <= 63);
    }

    @ParameterizedTest(name = "{0} characters")
    @ValueSource(ints = {253, 255})
    void aHostNameHasAtMost253Characters(int length) {
        // labels of 63 characters and dots, then a short last label to reach the length exactly
        StringBuilder name = new StringBuilder();
        while (name.length() + 64 < length) {
            name.append("a".repeat(63)).append('.');
        }
        name.append("b".repeat(length - name.length()));
        assertThat(name).hasSize(length);
        assertThat(DnsNames.isHostname(name.toString())).isEqualTo(length <= 253);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"example.com", "app.example.com", "a.b.example.com"})
    void aNameInsideItsZone(String name) {
        assertThat(DnsNames.isInZone(name, "example.com")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"example.org", "badexample.com", "com"})
    void aNameOutsideTheZone(String name) {
        assertThat(DnsNames.isInZone(name, "example.com")).isFalse();
    }
}
