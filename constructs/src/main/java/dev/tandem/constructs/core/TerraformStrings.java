package dev.tandem.constructs.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for user text on its way into Terraform. Every string in Terraform JSON is a template:
 * {@code ${…}} interpolates and {@code %{…}} is a directive, evaluated on the operator's machine at
 * plan time (Terraform language docs, "Strings and Templates" and "JSON Configuration Syntax"; object
 * keys, e.g. tag names, are templates too). cdktf 0.19.2 passes a plain Java string through as it is:
 * only its own {@code ${TfToken[…]}} placeholders are references ({@code Token.isUnresolved("${path.cwd}")}
 * is false and the text reaches {@code cdk.tf.json} unchanged; its {@code Fn.rawString} escapes {@code ${}
 * and quotes for use inside an expression but leaves {@code %{}, so it is not this rule).
 *
 * <ul>
 *   <li>Free text (tags, names, descriptions, e-mail addresses, a key's comment) goes into a resource
 *       through {@link #literal(String)}: {@code ${} becomes {@code $${} and {@code %{} becomes
 *       {@code %%{}, Terraform's escapes, so Terraform reads back exactly what the user wrote.
 *   <li>A value with a grammar of its own (a path, an attribute name, a DNS name) refuses a template
 *       sequence in its validation: {@link #refuseTemplate}.
 * </ul>
 *
 * <p>References cdktf put into a value (another resource's id, a variable) stay references in both.
 */
public final class TerraformStrings {
    private static final Pattern TOKEN = Pattern.compile("\\$\\{TfToken\\[[^\\]]*\\]\\}");
    /** The requirement a refused value is reported with. */
    static final String NO_TEMPLATE = "must not hold ${ or %{: Terraform would evaluate it on the operator's "
            + "machine at plan time";

    private TerraformStrings() {
    }

    /**
     * @param text literal text, possibly holding cdktf tokens
     * @return the text Terraform reads back as {@code text}, its tokens resolved
     */
    public static String literal(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        Matcher token = TOKEN.matcher(text);
        int from = 0;
        while (token.find()) {
            out.append(escape(text.substring(from, token.start()))).append(token.group());
            from = token.end();
        }
        return out.append(escape(text.substring(from))).toString();
    }

    /**
     * @param map free text by free text, e.g. tags
     * @return the map with keys and values through {@link #literal(String)}, in the same order (null stays null)
     */
    public static Map<String, String> literal(Map<String, String> map) {
        if (map == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(literal(k), literal(v)));
        return out;
    }

    /** @return true when {@code text} holds {@code ${} or {@code %{} outside cdktf's references */
    public static boolean holdsTemplate(String text) {
        if (text == null) {
            return false;
        }
        String plain = TOKEN.matcher(text).replaceAll("");
        return plain.contains("${") || plain.contains("%{");
    }

    /**
     * Records a problem when a value with a grammar of its own holds a template sequence.
     *
     * @param p        where to record
     * @param property the property as the user wrote it in the builder
     * @param value    the value (null is left to the presence check)
     * @param fix      what to write instead, e.g. the value's grammar with an example
     * @return true when the value holds none, so checks of its grammar can follow
     */
    public static boolean refuseTemplate(Problems p, String property, String value, String fix) {
        return p.require(!holdsTemplate(value), property, value, NO_TEMPLATE, fix);
    }

    private static String escape(String literal) {
        return literal.replace("${", "$${").replace("%{", "%%{");
    }
}
