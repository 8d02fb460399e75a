package org.newsmonitor.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a host name into addresses; the system resolver in production, a fake in tests. */
@FunctionalInterface
public interface Resolver {
    /** The JVM's resolver. The guard asks it once per dial; the connection then goes to the address it checked. */
    Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /**
     * All addresses of {@code host}.
     *
     * @throws UnknownHostException when the name does not resolve
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
