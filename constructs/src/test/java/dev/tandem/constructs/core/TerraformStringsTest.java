package dev.tandem.constructs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.TerraformLocal;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Token;
import dev.tandem.constructs.testing.TestStacks;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerraformStringsTest {

    @Test
    void templateSequencesInLiteralTextAreEscaped() {
        assertThat(TerraformStrings.literal("a ${b} %{c} $d %e")).isEqualTo("a $${b} %%{c} $d %e");
    }

    @Test
    void anAlreadyEscapedSequenceIsEscapedAgainSoTerraformReadsBackWhatWasWritten() {
        assertThat(TerraformStrings.literal("$${b}")).isEqualTo("$$${b}");
    }

    @Test
    void cdktfReferencesStayReferences() {
        String reference = Fn.uuid();

        assertThat(TerraformStrings.literal("x ${y} " + reference + " %{z}"))
                .isEqualTo("x $${y} " + reference + " %%{z}");
    }

    @Test
    void cdktfTakesAUserExpressionForPlainTextAndWritesItUnchangedWhichIsWhyItIsEscaped() {
        assertThat(Token.isUnresolved("${path.cwd}")).isFalse();
        assertThat(TerraformReferences.isReference("${path.cwd}")).isFalse();
        TerraformStack stack = TestStacks.emptyStack();
        new TerraformLocal(stack, "raw", "${path.cwd}");
        new TerraformLocal(stack, "escaped", TerraformStrings.literal("${path.cwd}"));

        JsonNode locals = TestStacks.synth(stack).path("locals");
        assertThat(locals.path("raw").asText()).isEqualTo("${path.cwd}");
        assertThat(locals.path("escaped").asText()).isEqualTo("$${path.cwd}");
    }

    @Test
    void aMapOfFreeTextHasItsKeysAndValuesEscapedInItsOrder() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("team", "${file(\"/etc/hostname\")}");
        tags.put("%{if true}k%{endif}", "v");

        assertThat(TerraformStrings.literal(tags)).containsExactly(
                Map.entry("team", "$${file(\"/etc/hostname\")}"), Map.entry("%%{if true}k%%{endif}", "v"));
    }

    @Test
    void onlyTemplateSequencesOutsideReferencesCount() {
        assertThat(TerraformStrings.holdsTemplate("/healthz")).isFalse();
        assertThat(TerraformStrings.holdsTemplate("cost $5 or 10% {off}")).isFalse();
        assertThat(TerraformStrings.holdsTemplate(Fn.uuid())).isFalse();
        assertThat(TerraformStrings.holdsTemplate("/${path.cwd}")).isTrue();
        assertThat(TerraformStrings.holdsTemplate("a%{endif}")).isTrue();
        assertThat(TerraformStrings.holdsTemplate(null)).isFalse();
    }

    @Test
    void aRefusedValueIsReportedWithItsPropertyValueAndFix() {
        Problems p = new Problems("stack/table");

        assertThat(TerraformStrings.refuseTemplate(p, "timeToLiveAttribute", "${path.cwd}", "use e.g. expiresAt"))
                .isFalse();
        assertThat(TerraformStrings.refuseTemplate(p, "sortKey.name", "sk", "use e.g. sk")).isTrue();
        assertThatThrownBy(p::throwIfAny).isInstanceOf(ValidationException.class).hasMessage(
                "stack/table: timeToLiveAttribute = ${path.cwd} — must not hold ${ or %{: Terraform would evaluate "
                        + "it on the operator's machine at plan time. Fix: use e.g. expiresAt");
    }
}
