package org.newsmonitor.alerts.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a host name into addresses; the system resolver in production, a fake in tests. */
@FunctionalInterface
public interface Resolver {
    /** The system resolver (the JVM caches answers for 30 s, so the checked address is the one then dialled). */
    Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /**
     * All addresses of {@code host}.
     *
     * @throws UnknownHostException when the name does not resolve
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
