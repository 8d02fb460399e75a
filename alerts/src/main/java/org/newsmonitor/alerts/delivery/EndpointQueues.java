package org.newsmonitor.alerts.delivery;

import org.newsmonitor.contracts.DeadLetters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.DeliveryEvent;
import org.newsmonitor.contracts.event.DeliveryStatus;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs delivery attempts with one queue per endpoint: attempts for one endpoint run one at a time, while a slow or
 * failing endpoint never delays another's. Failed attempts are retried on the {@link RetrySchedule} (or later when
 * the receiver asks), every outcome is recorded, and a job that runs out of time is dead-lettered with the reason.
 */
public final class EndpointQueues implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointQueues.class);
    private final RetrySchedule schedule;
    private final DeliveryRecorder recorder;
    private final Clock clock;
    private final Random random;
    private final ScheduledExecutorService timer;
    private final ExecutorService workers;
    private final Map<String, Endpoint> endpoints = new HashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Function<String, Optional<SubscriptionEvent>> current = id -> Optional.empty();
    private volatile boolean followChanges;
    private volatile boolean closed;

    /**
     * @param schedule when to retry
     * @param recorder where outcomes go
     * @param clock    outcome times and deadlines
     * @param random   jitter
     */
    public EndpointQueues(RetrySchedule schedule, DeliveryRecorder recorder, Clock clock, Random random) {
        this.schedule = schedule;
        this.recorder = recorder;
        this.clock = clock;
        this.random = random;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "alerts-delivery-timer"));
        this.workers = Executors.newCachedThreadPool(r -> daemon(r, "alerts-delivery"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Makes every attempt use the subscription as it is then (a changed webhook URL or e-mail address applies to
     * retries already queued; a deleted subscription ends them).
     *
     * @param lookup the current subscription by id
     */
    public void followSubscriptionChanges(Function<String, Optional<SubscriptionEvent>> lookup) {
        this.current = lookup;
        this.followChanges = true;
    }

    /** Queues a job to run after {@code delay} (zero for now). */
    public void submit(DeliveryJob job, Duration delay) {
        if (closed) {
            return;
        }
        pending.incrementAndGet();
        if (delay.isZero() || delay.isNegative()) {
            enqueue(job);
        } else {
            timer.schedule(() -> enqueue(job), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Jobs queued, waiting for a retry or running. */
    public int pending() {
        return pending.get();
    }

    private void enqueue(DeliveryJob job) {
        if (closed) {
            return;
        }
        Endpoint endpoint;
        boolean start;
        synchronized (endpoints) {
            endpoint = endpoints.computeIfAbsent(job.endpoint(), k -> new Endpoint());
            endpoint.queue.addLast(job);
            start = !endpoint.running;
            endpoint.running = true;
        }
        if (start) {
            workers.execute(() -> drain(job.endpoint(), endpoint));
        }
    }

    private void drain(String key, Endpoint endpoint) {
        while (!closed) {
            DeliveryJob job;
            synchronized (endpoints) {
                job = endpoint.queue.pollFirst();
                if (job == null) {
                    endpoint.running = false;
                    endpoints.remove(key);
                    return;
                }
            }
            try {
                run(job.next());
            } catch (RuntimeException e) {
                LOG.error("Delivery to {} failed unexpectedly: {}", key, e.toString(), e);
            } finally {
                pending.decrementAndGet();
            }
        }
    }

    private void run(DeliveryJob planned) {
        DeliveryJob job = planned;
        Outcome outcome;
        if (followChanges) {
            Optional<SubscriptionEvent> now = current.apply(planned.subscription().id());
            job = now.map(s -> new DeliveryJob(planned.channel(), s, planned.alerts(), planned.attempts(),
                    planned.giveUpAt(), planned.done())).orElse(planned);
            outcome = now.isEmpty() ? new Outcome.GiveUp("the subscription was deleted")
                    : job.channel().attempt(job.alerts(), job.subscription(), job.attempts());
        } else {
            outcome = job.channel().attempt(job.alerts(), job.subscription(), job.attempts());
        }
        if (closed) {
            // shutting down: the alert stays unacknowledged and is resumed after the restart
            return;
        }
        Instant now = clock.instant();
        try {
            if (outcome instanceof Outcome.Delivered d) {
                record(job, DeliveryStatus.DELIVERED, d.detail(), null, now);
                job.done().run();
            } else if (outcome instanceof Outcome.RetryLater r) {
                Duration backoff = schedule.delayAfter(job.attempts(), random);
                Duration delay = r.notBefore().compareTo(backoff) > 0 ? r.notBefore() : backoff;
                Instant nextAt = now.plus(delay);
                if (nextAt.isAfter(job.giveUpAt())) {
                    giveUp(job, "gave up after " + job.attempts() + " attempts; last: " + r.detail(), now);
                } else {
                    record(job, DeliveryStatus.RETRYING, r.detail(), nextAt, now);
                    submit(job, delay);
                }
            } else if (outcome instanceof Outcome.GiveUp g) {
                giveUp(job, g.detail(), now);
            }
        } catch (IllegalStateException e) {
            // the outcome could not be recorded: leave the alert unacknowledged, a restart redoes it
            if (closed) {
                // close() interrupts the write of an outcome that was under way: part of an orderly stop
                LOG.info("Closing: the delivery outcome for {} was not recorded ({}); the alert stays unacknowledged "
                        + "and is attempted again after the restart", job.endpoint(), e.getMessage());
            } else {
                LOG.error("Cannot record the delivery outcome for {}: {}", job.endpoint(), e.getMessage());
            }
        }
    }

    private void giveUp(DeliveryJob job, String reason, Instant now) {
        for (AlertEvent alert : job.alerts()) {
            byte[] payload;
            try {
                payload = Json.mapper().writeValueAsBytes(alert);
            } catch (Exception e) {
                payload = null;
            }
            DeadLetterEvent letter = DeadLetters.event("alerts." + job.channel().name(), Topics.ALERTS.name(),
                    -1, -1, alert.subscriptionId(), payload, reason, now);
            recorder.deadLetter(letter);
        }
        record(job, DeliveryStatus.DEAD_LETTERED, reason, null, now);
        LOG.warn("Dead-lettered {} alert(s) for {}: {}", job.alerts().size(), job.endpoint(), reason);
        job.done().run();
    }

    private void record(DeliveryJob job, DeliveryStatus status, String detail, Instant nextAt, Instant now) {
        List<AlertEvent> alerts = job.alerts();
        for (AlertEvent alert : alerts) {
            recorder.outcome(new DeliveryEvent(DeliveryEvent.CURRENT_VERSION, alert.alertId(),
                    job.subscription().id(), job.channel().name(), status, job.attempts(), detail, nextAt, now));
        }
    }

    /**
     * Stops all queues; running attempts are interrupted and their alerts stay unacknowledged, so the next start
     * reads them again and plans them from the outcomes recorded so far. An outcome whose write this interrupts is
     * not recorded (an attempt that had delivered is then made again after the restart); that is logged at INFO,
     * not as an error.
     */
    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Endpoint {
        final ArrayDeque<DeliveryJob> queue = new ArrayDeque<>();
        boolean running;
    }
}
