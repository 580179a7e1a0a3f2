package dev.flowline;

/** Renders elements in messages and reports: bounded, so that a huge element never floods a log. */
final class Elements {
    private static final int MAX_CHARS = 120;

    private Elements() {}

    static String describe(Object element) {
        String text = String.valueOf(element);
        if (text.length() > MAX_CHARS) {
            text = text.substring(0, MAX_CHARS) + "…(" + text.length() + " chars)";
        }
        return "'" + text + "'";
    }
}
