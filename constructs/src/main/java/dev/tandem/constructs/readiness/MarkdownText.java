package dev.tandem.constructs.readiness;

/**
 * Text the DR report takes from users (construct paths and names, health paths, accepted-risk and
 * opt-out reasons) made inert where it lands: {@link #text} in Markdown (table cells and running
 * text), {@link #mermaid} in a quoted Mermaid label. Either way the reader sees exactly what was
 * written, and no value can end a table row, open raw HTML or a code span, or close a label.
 */
final class MarkdownText {
    private MarkdownText() {
    }

    /**
     * GitHub Flavored Markdown: a line break ends a table row, so CR and LF become spaces; a pipe in a
     * cell is escaped {@code \|} (GFM spec, "Tables (extension)"), and a backslash first, so a value
     * ending in one cannot un-escape that pipe; a backtick would open a code span; {@code <},
     * {@code >} and {@code &} become entities so raw HTML is shown, not rendered (CommonMark spec,
     * "Backslash escapes", "Entity and numeric character references", "Raw HTML").
     *
     * @return {@code value} safe in a table cell or a paragraph
     */
    static String text(String value) {
        return lines(value).replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`")
                .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Mermaid flowchart labels in double quotes: {@code "} would end the label and {@code #} starts an
     * entity code, so {@code #} is encoded first ({@code #35;}) and then {@code "}, {@code <}, {@code >},
     * {@code &}, {@code |} and the backtick as codes (mermaid-js/mermaid {@code docs/syntax/flowchart.md},
     * "Entity codes to escape characters": decimal codes and HTML character names); brackets and
     * parentheses are text inside quotes (same page, "Special characters that break syntax").
     * Line breaks become spaces: a raw one ends the statement.
     *
     * @return {@code value} safe inside {@code ["…"]} or {@code |"…"|}
     */
    static String mermaid(String value) {
        return lines(value).replace("#", "#35;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;")
                .replace("&", "#amp;").replace("|", "#124;").replace("`", "#96;");
    }

    private static String lines(String value) {
        return String.valueOf(value).replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    }
}
