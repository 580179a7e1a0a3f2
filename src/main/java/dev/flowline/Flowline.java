package dev.flowline;

/** Facts about this Flowline build. */
public final class Flowline {

    private Flowline() {}

    /** The version of Flowline, for User-Agent headers and reports; {@code "dev"} when run from classes. */
    public static String version() {
        String version = Flowline.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0-SNAPSHOT" : version;
    }
}
