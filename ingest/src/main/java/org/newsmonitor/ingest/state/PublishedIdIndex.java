package org.newsmonitor.ingest.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.Topics;

/**
 * The set of article ids already on {@code news-articles}, read from the topic itself (its keys, committed records
 * only) so that a replay publishes only what is new. Memory is bounded: each id is kept as a 64-bit hash in an
 * open-addressing table (16 bytes per id at most), so a million articles take about 16 MB; the chance that two
 * distinct ids share a hash among a million is below one in ten million.
 */
public final class PublishedIdIndex {
    private static final long EMPTY = 0L;
    private long[] table = new long[1 << 12];
    private int size;

    /**
     * Builds the index from every key on the articles topic.
     *
     * @param kafka   how to reach Kafka
     * @param timeout longest time the scan may take
     * @return the index; never null
     * @throws StateUnavailableException when the topic cannot be read
     */
    public static PublishedIdIndex load(ClientSettings kafka, Duration timeout) throws StateUnavailableException {
        PublishedIdIndex index = new PublishedIdIndex();
        TopicScanner.scan(kafka, Topics.ARTICLES.name(), timeout, (key, value) -> {
            if (key != null) {
                index.add(key);
            }
        });
        return index;
    }

    /** True when {@code id} is in the index. */
    public boolean contains(String id) {
        long h = hash(id);
        int mask = table.length - 1;
        for (int i = mix(h) & mask; ; i = (i + 1) & mask) {
            if (table[i] == EMPTY) {
                return false;
            }
            if (table[i] == h) {
                return true;
            }
        }
    }

    /** Adds {@code id}; returns false when it was already there. */
    public boolean add(String id) {
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        return insert(hash(id));
    }

    /** Number of ids. */
    public int size() {
        return size;
    }

    private boolean insert(long h) {
        int mask = table.length - 1;
        for (int i = mix(h) & mask; ; i = (i + 1) & mask) {
            if (table[i] == EMPTY) {
                table[i] = h;
                size++;
                return true;
            }
            if (table[i] == h) {
                return false;
            }
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        size = 0;
        for (long h : old) {
            if (h != EMPTY) {
                insert(h);
            }
        }
    }

    private static int mix(long h) {
        return (int) (h ^ (h >>> 32));
    }

    // 64 bits of SHA-256; never 0, which marks an empty slot
    private static long hash(String id) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (d[i] & 0xFF);
            }
            return h == EMPTY ? 1L : h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
