package dev.flowline;

/** Facts about this Flowline build. */
public final class Flowline {

    private Flowline() {}

    /** The version of Flowline, for User-Agent headers and reports; {@code "0.1.0-SNAPSHOT"} when run from classes
     * rather than the jar. */
    public static String version() {
        String version = Flowline.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0-SNAPSHOT" : version;
    }
}
