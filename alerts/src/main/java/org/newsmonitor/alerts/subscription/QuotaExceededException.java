package org.newsmonitor.alerts.subscription;

/** An owner asked for more than their quota allows; answered 409 with the field (quota) at fault. */
public final class QuotaExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    /**
     * @param field   what is counted, e.g. "subscriptions"
     * @param message how many there are, the limit, the setting and what to do
     */
    public QuotaExceededException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** What is counted. */
    public String field() {
        return field;
    }
}
