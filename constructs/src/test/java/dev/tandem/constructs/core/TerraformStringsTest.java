package dev.tandem.constructs.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.hashicorp.cdktf.Fn;
import org.junit.jupiter.api.Test;

class TerraformStringsTest {

    @Test
    void templateSequencesInLiteralTextAreEscaped() {
        assertThat(TerraformStrings.literal("a ${b} %{c} $d %e")).isEqualTo("a $${b} %%{c} $d %e");
    }

    @Test
    void cdktfReferencesStayReferences() {
        String reference = Fn.uuid();

        assertThat(TerraformStrings.literal("x ${y} " + reference + " %{z}"))
                .isEqualTo("x $${y} " + reference + " %%{z}");
    }
}
