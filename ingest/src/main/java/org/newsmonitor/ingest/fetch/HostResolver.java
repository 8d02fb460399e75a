package org.newsmonitor.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Name resolution, replaceable in tests (for example to simulate DNS rebinding). */
@FunctionalInterface
public interface HostResolver {
    /**
     * All addresses of {@code host}.
     *
     * @throws UnknownHostException when the name does not resolve
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The JVM's resolver; its cache is also what java.net.http connects with a moment later. */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
