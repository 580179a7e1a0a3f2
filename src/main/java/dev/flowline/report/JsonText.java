package dev.flowline.report;

/**
 * JSON string literals, escaped per RFC 8259: what Flowline's hand-written JSON (reports, traces, the local site's
 * counters) is quoted with, since the framework carries no JSON library.
 *
 * <pre>{@code
 * String field = "\"name\":" + JsonText.quote(stageName);
 * }</pre>
 */
public final class JsonText {

    private JsonText() {}

    /** {@code text} as a JSON string literal, quotes included. */
    public static String quote(String text) {
        return appendQuoted(new StringBuilder(text.length() + 2), text).toString();
    }

    /** Appends {@code text} to {@code out} as a JSON string literal, quotes included; returns {@code out}. */
    public static StringBuilder appendQuoted(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
