package org.newsmonitor.outbound;

/** A URL leads to an address that must not be dialled; the message names the host, the address and why. */
public final class BlockedAddressException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A refusal with its reason in one line. */
    public BlockedAddressException(String message) {
        super(message);
    }
}
