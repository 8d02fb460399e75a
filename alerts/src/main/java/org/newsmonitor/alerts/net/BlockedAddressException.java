package org.newsmonitor.alerts.net;

/** A URL leads to an address that must not be dialled; the message names the URL host, address and why. */
public final class BlockedAddressException extends Exception {
    private static final long serialVersionUID = 1L;

    public BlockedAddressException(String message) {
        super(message);
    }
}
