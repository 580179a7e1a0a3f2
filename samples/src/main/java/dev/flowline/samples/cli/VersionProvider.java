package dev.flowline.samples.cli;

import dev.flowline.Flowline;
import picocli.CommandLine;

/** Prints Flowline's version and the JVM it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "flowline " + Flowline.version(),
            "JVM " + System.getProperty("java.vm.name") + " " + Runtime.version()
        };
    }
}
