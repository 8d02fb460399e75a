package org.newsmonitor.contracts;

import java.util.Set;

/**
 * What a Kafka Streams application of the monitor is doing, for health checks: fed by the application's state
 * listener and uncaught-exception handler (this module does not depend on Kafka Streams, so states come by name,
 * {@code KafkaStreams.State.name()}). A global thread that dies takes the whole application to PENDING_ERROR and
 * ERROR; so does a stream thread whose handler answers SHUTDOWN_CLIENT. Neither recovers without a restart.
 * Thread-safe.
 */
public final class StreamsAppHealth {
    private static final Set<String> SERVING = Set.of("RUNNING", "REBALANCING");
    private static final Set<String> FAILED = Set.of("PENDING_ERROR", "ERROR");
    private static final Set<String> STOPPED = Set.of("PENDING_SHUTDOWN", "NOT_RUNNING");

    private final String applicationId;
    private volatile String state = "CREATED";
    private volatile String lastError;
    private volatile boolean closing;

    /** @param applicationId the Streams application id, named in every reason */
    public StreamsAppHealth(String applicationId) {
        this.applicationId = applicationId;
    }

    /** The application id; never null. */
    public String applicationId() {
        return applicationId;
    }

    /** Records a state change, e.g. from {@code KafkaStreams.setStateListener((now, before) -> ...)}. */
    public void stateChanged(String newState) {
        state = newState;
    }

    /** Records an exception that reached the uncaught-exception handler. */
    public void uncaught(Throwable error) {
        lastError = DeadLetters.reason(error);
    }

    /** Records that the service is being closed on purpose: stopping is then no failure. */
    public void closing() {
        closing = true;
    }

    /** The Kafka Streams state by name (CREATED, REBALANCING, RUNNING, PENDING_ERROR, ERROR, ...); never null. */
    public String state() {
        return state;
    }

    /** "ok" while the application runs or rebalances, otherwise what is wrong in one line; never null. */
    public String check() {
        String s = state;
        if (SERVING.contains(s)) {
            return "ok";
        }
        String failure = failure();
        if (failure != null) {
            return failure;
        }
        return "Kafka Streams application " + applicationId + " is " + s + (closing ? " (stopping)" : " (starting)");
    }

    /**
     * Why the application has failed for good (ERROR, or stopped without being closed), or null while it has not.
     * Such an application does not recover: the service must be restarted.
     */
    public String failure() {
        String s = state;
        if (FAILED.contains(s) || (STOPPED.contains(s) && !closing)) {
            String why = lastError;
            return "Kafka Streams application " + applicationId + " is " + s
                    + (why == null ? "" : " after an uncaught error: " + why);
        }
        return null;
    }
}
