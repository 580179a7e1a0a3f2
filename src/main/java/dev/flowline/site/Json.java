package dev.flowline.site;

import java.util.Map;

/** Writes the few JSON shapes the site serves, by hand, so the framework needs no JSON library. */
final class Json {

    private final StringBuilder out = new StringBuilder(256).append('{');

    /** Adds a number field. */
    Json field(String name, long value) {
        name(name).append(value);
        return this;
    }

    /** Adds an object field whose members are {@code values}, keyed by their keys' text. */
    Json field(String name, Map<?, ? extends Number> values) {
        StringBuilder object = name(name).append('{');
        values.forEach((key, value) -> quote(object, String.valueOf(key)).append(':').append(value).append(','));
        trimComma(object).append('}');
        return this;
    }

    @Override
    public String toString() {
        return trimComma(new StringBuilder(out)).append('}').toString();
    }

    private StringBuilder name(String name) {
        if (out.length() > 1) {
            out.append(',');
        }
        return quote(out, name).append(':');
    }

    private static StringBuilder trimComma(StringBuilder text) {
        if (text.charAt(text.length() - 1) == ',') {
            text.setLength(text.length() - 1);
        }
        return text;
    }

    private static StringBuilder quote(StringBuilder out, String text) {
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
