package org.newsmonitor.alerts.digest;

/** Sends e-mail; SMTP in production. */
@FunctionalInterface
public interface Mailer {
    /**
     * Sends one message.
     *
     * @throws MailFailure when it was not accepted, saying whether trying again may help
     */
    void send(MailMessage message) throws MailFailure;

    /** A message was not accepted. */
    final class MailFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean permanent;

        /**
         * @param message   what went wrong
         * @param permanent true when retrying cannot help (e.g. the address was refused)
         */
        public MailFailure(String message, boolean permanent) {
            super(message);
            this.permanent = permanent;
        }

        /** Whether retrying cannot help. */
        public boolean permanent() {
            return permanent;
        }
    }
}
