package org.newsmonitor.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a byte limit and cancels the exchange as soon as it is passed: the body fails
 * ({@link BodyTooLargeException}), or, made with {@link #firstBytes(long)}, completes with what fits. It can also be
 * cancelled from outside when the whole-fetch deadline passes, which stops a body that drips slowly.
 */
public final class BoundedBodySubscriber implements BodySubscriber<byte[]> {
    private final long maxBytes;
    private final boolean truncate;
    private final String limitReason;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;

    /**
     * @param maxBytes    largest body accepted; 0 discards the body at once
     * @param limitReason what to say when the body is too large
     */
    BoundedBodySubscriber(long maxBytes, String limitReason) {
        this(maxBytes, limitReason, false);
    }

    private BoundedBodySubscriber(long maxBytes, String limitReason, boolean truncate) {
        this.maxBytes = maxBytes;
        this.limitReason = limitReason;
        this.truncate = truncate;
    }

    /**
     * A subscriber keeping only the first {@code maxBytes} of a body (e.g. the start of an error text), which stops
     * reading once it has them.
     */
    public static BoundedBodySubscriber firstBytes(long maxBytes) {
        return new BoundedBodySubscriber(maxBytes, "", true);
    }

    /** A subscriber that refuses the body before reading any of it. */
    static BoundedBodySubscriber refusing(String reason) {
        BoundedBodySubscriber s = new BoundedBodySubscriber(-1, reason);
        s.result.completeExceptionally(new BodyTooLargeException(reason));
        return s;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone() || cancelled) {
            s.cancel();
            return;
        }
        if (maxBytes == 0) {
            s.cancel();
            result.complete(new byte[0]);
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            int n = item.remaining();
            if (buffer.size() + (long) n > maxBytes) {
                subscription.cancel();
                if (truncate) {
                    byte[] fits = new byte[(int) (maxBytes - buffer.size())];
                    item.get(fits);
                    buffer.write(fits, 0, fits.length);
                    result.complete(buffer.toByteArray());
                } else {
                    result.completeExceptionally(new BodyTooLargeException(limitReason));
                }
                return;
            }
            byte[] chunk = new byte[n];
            item.get(chunk);
            buffer.write(chunk, 0, n);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    /** Stops reading: the exchange is cancelled and the body completes with {@code reason}. */
    void cancel(IOException reason) {
        cancelled = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        result.completeExceptionally(reason);
    }
}
