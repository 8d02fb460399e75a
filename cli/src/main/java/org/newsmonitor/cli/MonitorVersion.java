package org.newsmonitor.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the monitor's version from the jar manifest, or "development" when run from classes. */
public final class MonitorVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = MonitorMain.class.getPackage().getImplementationVersion();
        return new String[] {"news monitor " + (v == null ? "development build" : v)};
    }
}
