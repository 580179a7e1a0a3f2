package dev.flowline.site;

import dev.flowline.report.JsonText;
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
        values.forEach((key, value) -> JsonText.appendQuoted(object, String.valueOf(key)).append(':').append(value).append(','));
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
        return JsonText.appendQuoted(out, name).append(':');
    }

    private static StringBuilder trimComma(StringBuilder text) {
        if (text.charAt(text.length() - 1) == ',') {
            text.setLength(text.length() - 1);
        }
        return text;
    }
}
