package dev.tandem.constructs.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text placed in a Terraform JSON string is a template: {@code ${…}} interpolates and {@code %{…}} is a
 * directive. Literal text that may hold those sequences is escaped ({@code $${}, {@code %%{}), while the
 * references cdktf put into it ({@code ${TfToken[…]}}) stay references.
 */
public final class TerraformStrings {
    private static final Pattern TOKEN = Pattern.compile("\\$\\{TfToken\\[[^\\]]*\\]\\}");

    private TerraformStrings() {
    }

    /**
     * @param text literal text, possibly holding cdktf tokens
     * @return the text Terraform reads back as {@code text}, its tokens resolved
     */
    public static String literal(String text) {
        StringBuilder out = new StringBuilder();
        Matcher token = TOKEN.matcher(text);
        int from = 0;
        while (token.find()) {
            out.append(escape(text.substring(from, token.start()))).append(token.group());
            from = token.end();
        }
        return out.append(escape(text.substring(from))).toString();
    }

    private static String escape(String literal) {
        return literal.replace("${", "$${").replace("%{", "%%{");
    }
}
