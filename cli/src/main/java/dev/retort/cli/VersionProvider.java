package dev.retort.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, so it is never out of step with the build. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = RetortCommand.class.getPackage().getImplementationVersion();
        return new String[]{"retort " + (version == null ? "(development build)" : version),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
