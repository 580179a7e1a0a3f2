package dev.flowline.samples.crawler;

/**
 * Whether the process talks to a person at a terminal, which decides whether live progress lines are drawn.
 *
 * <pre>{@code
 * PrintStream progress = Terminal.interactive() ? System.err : null;
 * }</pre>
 */
public final class Terminal {
    private Terminal() {}

    /** True when System.console() exists and, on JDK 22 and later (where it exists even when redirected), is a terminal. */
    public static boolean interactive() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException beforeJdk22) {
            return true; // before JDK 22, a console exists only on a terminal
        }
    }
}
