package org.newsmonitor.stream.story;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The in-memory LSH index of recent story members: band hash to the members having that band, plus the members
 * in event-time order so that old ones can be dropped, and the time span of each story they belong to. Candidates
 * found through a shared band are compared exactly ({@link StoryFingerprint#similarity}). Pure and single-threaded;
 * the stream task that owns it rebuilds it from its state store when it starts, so it holds nothing the store does
 * not.
 *
 * <p>A story cannot grow by chaining beyond a bounded span: an article joins a story only when it is similar to a
 * member published within the window of it, and when the story, with it, would still span no more than the
 * maximum span (from the earliest to the latest publication time of its members). Daily reports on the same
 * subject ("round 14", "round 15", ...) therefore never pile up into one story that lasts for weeks.
 *
 * <p>A member whose event time falls behind the cutoff leaves the index only once it is no longer among the last
 * {@code keptArrivals} members added. Articles do not arrive in order of publication (the first poll of several
 * feeds, a replay of archives): without that, a month-old copy that arrives just after newer news would be dropped
 * at once, and a second outlet's copy of it would start a new story.
 *
 * <p>A lookup examines at most {@link #CANDIDATES_PER_BAND} members per band: the ones that arrived last.
 * When hundreds of agencies run the same wire copy, or when articles share their most common words, a band holds
 * thousands of members; comparing the new article exactly with each of them made the cost of a lookup grow with
 * the window and stalled the stream thread. The most recent members of a band are the likely story (copies of a
 * report come within hours), and a real partner shares several bands with the article, so it is found through a
 * band the flood does not fill. Each chain keeps its entries in order of arrival, newest first (a new member is
 * put at the head, and growing the table keeps the order), and the index is rebuilt in order of arrival after a
 * restart, so the same members are examined again. Removing a member unlinks each of its entries in constant time
 * (each entry knows the one before it): the oldest members, which leave first, sit at the ends of the chains.
 *
 * <p>Every member has {@link MinHash#BANDS} band entries, so the index holds tens of entries per article of the
 * last days. They live in primitive arrays (entry {@code slot * BANDS + band} belongs to the member in that slot)
 * chained both ways per hash bucket, about 1,000 bytes per member besides the member itself; a map of boxed band
 * keys to lists took several times that.
 */
public final class StoryIndex {
    /**
     * How many members of each band a lookup examines at most, the last to arrive first: so at most
     * {@code BANDS * CANDIDATES_PER_BAND} exact comparisons, and only this many when one flood fills every band.
     */
    public static final int CANDIDATES_PER_BAND = 8;

    private static final int BANDS = MinHash.BANDS;
    private static final int NONE = -1;

    private StoryMember[] members = new StoryMember[16];
    private long[] entryHash = new long[16 * BANDS];
    private int[] entryNext = new int[16 * BANDS];
    private int[] entryPrevious = new int[16 * BANDS];
    private int[] buckets = newBuckets(64);
    private int[] freeSlots = new int[16];
    private int freeCount;
    private int usedSlots;
    private int liveEntries;
    private final Map<String, Integer> slotByArticle = new HashMap<>();
    private final Map<String, StorySpan> spans = new HashMap<>();
    // the lookup that last compared the member in each slot, so that a member sharing several bands is compared once
    private int[] comparedIn = new int[16];
    private int lookups;
    // the band hashes of the fingerprint looked up last: the stream task adds the article it has just looked up
    private long[] lastFingerprint;
    private long[] lastBandHashes;
    private final PriorityQueue<StoryMember> byTime =
            new PriorityQueue<>(Comparator.comparingLong(StoryMember::eventTimeMs));
    private final int keptArrivals;
    private final int candidatesPerBand;
    // exact comparisons made by all lookups so far
    private long exactComparisons;
    // how many members were ever added, and the number (0, 1, ...) of the one in each slot
    private long arrivals;
    private long[] arrivalOf = new long[16];
    // slots of members behind the cutoff that were among the last arrivals then, earliest arrival first; they
    // leave when they are no longer among the last arrivals
    private final PriorityQueue<Integer> overdue =
            new PriorityQueue<>(Comparator.comparingLong(slot -> arrivalOf[slot]));

    /**
     * An index examining at most {@link #CANDIDATES_PER_BAND} members per band.
     *
     * @param keptArrivals how many of the members added last stay whatever their event time; not negative
     */
    public StoryIndex(int keptArrivals) {
        this(keptArrivals, CANDIDATES_PER_BAND);
    }

    /**
     * @param keptArrivals      how many of the members added last stay whatever their event time; not negative
     * @param candidatesPerBand how many members of each band a lookup examines at most, the last to arrive first;
     *                          positive
     */
    public StoryIndex(int keptArrivals, int candidatesPerBand) {
        if (keptArrivals < 0) {
            throw new IllegalArgumentException("keptArrivals must not be negative, was " + keptArrivals);
        }
        if (candidatesPerBand < 1) {
            throw new IllegalArgumentException("candidatesPerBand must be positive, was " + candidatesPerBand);
        }
        this.keptArrivals = keptArrivals;
        this.candidatesPerBand = candidatesPerBand;
    }

    /** Adds a member, replacing an earlier entry for the same article. */
    public void add(StoryMember member) {
        Integer previous = slotByArticle.remove(member.articleId());
        if (previous != null) {
            if (!overdue.remove(previous)) {
                byTime.remove(members[previous]);
            }
            release(previous);
        }
        int slot = allocate();
        members[slot] = member;
        arrivalOf[slot] = arrivals++;
        slotByArticle.put(member.articleId(), slot);
        spans.computeIfAbsent(member.storyId(), id -> new StorySpan()).add(member);
        long[] hashes = bandHashes(member.signature());
        if (liveEntries + hashes.length > buckets.length * 3 / 4) {
            rehash(buckets.length * 2);
        }
        for (int b = 0; b < hashes.length; b++) {
            int entry = slot * BANDS + b;
            entryHash[entry] = hashes[b];
            int bucket = bucket(hashes[b], buckets.length);
            entryNext[entry] = buckets[bucket];
            entryPrevious[entry] = NONE;
            if (buckets[bucket] != NONE) {
                entryPrevious[buckets[bucket]] = entry;
            }
            buckets[bucket] = entry;
        }
        liveEntries += hashes.length;
        byTime.add(member);
    }

    /**
     * As {@link #findStory(String, long[], long, long, long, double)} with no bound on a story's span.
     */
    public String findStory(String articleId, long[] signature, long eventTimeMs, long windowMs, double threshold) {
        return findStory(articleId, signature, eventTimeMs, windowMs, Long.MAX_VALUE, threshold);
    }

    /**
     * The story of the most similar other member published within {@code windowMs} of {@code eventTimeMs} whose
     * similarity is at least {@code threshold} and whose story, with this article, would span at most
     * {@code maxSpanMs}; on equal similarity the earlier member wins. The members considered are those among the
     * last {@code candidatesPerBand} to arrive of a band the article shares with them.
     *
     * @return the story id, or null when no member qualifies
     */
    public String findStory(String articleId, long[] signature, long eventTimeMs, long windowMs, long maxSpanMs,
            double threshold) {
        StoryMember best = null;
        double bestSimilarity = 0;
        int lookup = ++lookups;
        for (long hash : bandHashes(signature)) {
            int examined = 0;
            for (int e = buckets[bucket(hash, buckets.length)]; e != NONE && examined < candidatesPerBand;
                    e = entryNext[e]) {
                if (entryHash[e] != hash) {
                    continue;
                }
                examined++;
                int slot = e / BANDS;
                if (comparedIn[slot] == lookup) {
                    continue;
                }
                comparedIn[slot] = lookup;
                StoryMember candidate = members[slot];
                if (candidate.articleId().equals(articleId)
                        || Math.abs(candidate.eventTimeMs() - eventTimeMs) > windowMs
                        || !spans.get(candidate.storyId()).admits(eventTimeMs, maxSpanMs)) {
                    continue;
                }
                exactComparisons++;
                double similarity = StoryFingerprint.similarity(signature, candidate.signature());
                boolean better = best == null || similarity > bestSimilarity
                        || similarity == bestSimilarity && candidate.eventTimeMs() < best.eventTimeMs();
                if (similarity >= threshold && better) {
                    best = candidate;
                    bestSimilarity = similarity;
                }
            }
        }
        return best == null ? null : best.storyId();
    }

    /**
     * The earliest publication time of a story's members in the index (or of those before them, as they recorded
     * it), or {@code otherwise} when the index holds none of its members.
     */
    public long storyStart(String storyId, long otherwise) {
        StorySpan span = spans.get(storyId);
        return span == null ? otherwise : span.start;
    }

    /**
     * Drops every member with an event time before {@code cutoffMs} that is not among the last arrivals, and every
     * such member of an earlier cutoff that has left the last arrivals since; returns them. The cutoff must not
     * move back.
     */
    public List<StoryMember> expireBefore(long cutoffMs) {
        List<StoryMember> expired = new ArrayList<>();
        long firstKept = arrivals - keptArrivals;
        while (!overdue.isEmpty() && arrivalOf[overdue.peek()] < firstKept) {
            int slot = overdue.poll();
            expired.add(members[slot]);
            slotByArticle.remove(members[slot].articleId());
            release(slot);
        }
        while (!byTime.isEmpty() && byTime.peek().eventTimeMs() < cutoffMs) {
            StoryMember member = byTime.poll();
            int slot = slotByArticle.get(member.articleId());
            if (arrivalOf[slot] >= firstKept) {
                overdue.add(slot);
            } else {
                slotByArticle.remove(member.articleId());
                release(slot);
                expired.add(member);
            }
        }
        return expired;
    }

    private long[] bandHashes(long[] fingerprint) {
        if (fingerprint != lastFingerprint) {
            lastBandHashes = StoryFingerprint.bandHashes(fingerprint);
            lastFingerprint = fingerprint;
        }
        return lastBandHashes;
    }

    /** How many members the index holds. */
    public int size() {
        return slotByArticle.size();
    }

    /** How many members all lookups so far compared exactly ({@link StoryFingerprint#similarity}). */
    long exactComparisons() {
        return exactComparisons;
    }

    private int allocate() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (usedSlots == members.length) {
            int capacity = members.length * 2;
            members = Arrays.copyOf(members, capacity);
            arrivalOf = Arrays.copyOf(arrivalOf, capacity);
            comparedIn = Arrays.copyOf(comparedIn, capacity);
            entryHash = Arrays.copyOf(entryHash, capacity * BANDS);
            entryNext = Arrays.copyOf(entryNext, capacity * BANDS);
            entryPrevious = Arrays.copyOf(entryPrevious, capacity * BANDS);
        }
        return usedSlots++;
    }

    private void release(int slot) {
        StorySpan span = spans.get(members[slot].storyId());
        if (--span.members == 0) {
            spans.remove(members[slot].storyId());
        }
        int entries = entriesOf(members[slot]);
        for (int b = 0; b < entries; b++) {
            unlink(slot * BANDS + b);
        }
        liveEntries -= entries;
        members[slot] = null;
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeSlots.length * 2);
        }
        freeSlots[freeCount++] = slot;
    }

    private void unlink(int entry) {
        int previous = entryPrevious[entry];
        int next = entryNext[entry];
        if (previous == NONE) {
            buckets[bucket(entryHash[entry], buckets.length)] = next;
        } else {
            entryNext[previous] = next;
        }
        if (next != NONE) {
            entryPrevious[next] = previous;
        }
    }

    /**
     * Moves every chain into a table of {@code size} buckets, keeping the order of its entries (newest first): each
     * old chain is walked from its head and its entries are appended to the tails of the new chains.
     */
    private void rehash(int size) {
        int[] old = buckets;
        int[] tails = newBuckets(size);
        buckets = newBuckets(size);
        for (int head : old) {
            int e = head;
            while (e != NONE) {
                int next = entryNext[e];
                int bucket = bucket(entryHash[e], size);
                if (tails[bucket] == NONE) {
                    buckets[bucket] = e;
                } else {
                    entryNext[tails[bucket]] = e;
                }
                entryPrevious[e] = tails[bucket];
                tails[bucket] = e;
                entryNext[e] = NONE;
                e = next;
            }
        }
    }

    private static int entriesOf(StoryMember member) {
        return StoryFingerprint.hasTerms(member.signature()) ? BANDS : 0;
    }

    /** The publication times a story's members span, and how many of them the index holds. */
    private static final class StorySpan {
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        int members;

        void add(StoryMember member) {
            start = Math.min(start, Math.min(member.storyStartMs(), member.eventTimeMs()));
            end = Math.max(end, member.eventTimeMs());
            members++;
        }

        boolean admits(long eventTimeMs, long maxSpanMs) {
            return Math.max(end, eventTimeMs) - Math.min(start, eventTimeMs) <= maxSpanMs;
        }
    }

    private static int bucket(long hash, int size) {
        return (int) (hash ^ (hash >>> 32)) & (size - 1);
    }

    private static int[] newBuckets(int size) {
        int[] fresh = new int[size];
        Arrays.fill(fresh, NONE);
        return fresh;
    }
}
