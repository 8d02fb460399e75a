package org.newsmonitor.alerts.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.newsmonitor.alerts.delivery.Channel;
import org.newsmonitor.alerts.delivery.DeliveryJob;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.SubscriptionEvent;

/**
 * Holds the alerts of digest subscriptions in a {@link DigestBuffer} and sends each digest once its period (UTC hour
 * or day) has ended, as one delivery job on the channel that gathers digests, with the usual time to give up. It
 * looks for due digests at most once per check interval, measured on a monotonic clock; the wall clock only dates
 * periods and deadlines. Not thread-safe: the delivery consumer's thread uses it.
 */
public final class DigestScheduler {
    private final DigestBuffer buffer = new DigestBuffer();
    private final Channel channel;
    private final Duration giveUpAfter;
    private final Duration checkEvery;
    private final Clock clock;
    private final LongSupplier monotonicNanos;
    private final Consumer<DeliveryJob> send;
    private long nextCheck;

    /**
     * @param channel        sends the digests (e-mail)
     * @param giveUpAfter    no attempt of a digest is scheduled later than this after it was sent off
     * @param checkEvery     how often due digests are looked for
     * @param clock          the wall clock: ends periods, dates deadlines
     * @param monotonicNanos the monotonic clock the interval runs on, e.g. {@code System::nanoTime}
     * @param send           takes each due digest's job, e.g. into the endpoint queues
     */
    public DigestScheduler(Channel channel, Duration giveUpAfter, Duration checkEvery, Clock clock,
            LongSupplier monotonicNanos, Consumer<DeliveryJob> send) {
        this.channel = channel;
        this.giveUpAfter = giveUpAfter;
        this.checkEvery = checkEvery;
        this.clock = clock;
        this.monotonicNanos = monotonicNanos;
        this.send = send;
        this.nextCheck = monotonicNanos.getAsLong();
    }

    /**
     * Keeps an alert for its subscription's digest.
     *
     * @param done runs once the digest carrying the alert was delivered or dead-lettered (at once for an alert the
     *             digest already holds)
     */
    public void hold(SubscriptionEvent subscription, AlertEvent alert, Runnable done) {
        buffer.add(subscription, alert, done);
    }

    /** Sends every digest whose period has ended, unless due digests were looked for less than an interval ago. */
    public void sendDue() {
        long tick = monotonicNanos.getAsLong();
        if (tick - nextCheck < 0) {
            return;
        }
        nextCheck = tick + checkEvery.toNanos();
        Instant now = clock.instant();
        for (DigestBuffer.Digest d : buffer.takeDue(now)) {
            send.accept(new DeliveryJob(channel, d.subscription(), d.alerts(), 0, now.plus(giveUpAfter), d.done()));
        }
    }

    /** Alerts waiting in digests. */
    public int held() {
        return buffer.size();
    }
}
