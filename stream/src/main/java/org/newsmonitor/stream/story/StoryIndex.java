package org.newsmonitor.stream.story;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The in-memory LSH index of recent story members: band hash to the members having that band, plus the members
 * in event-time order so that old ones can be dropped. Pure and single-threaded; the stream task that owns it
 * rebuilds it from its state store when it starts, so it holds nothing the store does not.
 */
public final class StoryIndex {
    private final Map<Long, List<StoryMember>> byBand = new HashMap<>();
    private final Map<String, StoryMember> byArticle = new HashMap<>();
    private final PriorityQueue<StoryMember> byTime =
            new PriorityQueue<>(Comparator.comparingLong(StoryMember::eventTimeMs));

    /** Adds a member, replacing an earlier entry for the same article. */
    public void add(StoryMember member) {
        StoryMember previous = byArticle.put(member.articleId(), member);
        if (previous != null) {
            unindex(previous);
            byTime.remove(previous);
        }
        for (long band : MinHash.bandHashes(member.signature())) {
            byBand.computeIfAbsent(band, b -> new ArrayList<>(2)).add(member);
        }
        byTime.add(member);
    }

    /**
     * The story of the most similar other member published within {@code windowMs} of {@code eventTimeMs} whose
     * estimated similarity is at least {@code threshold}; on equal similarity the earlier member wins.
     *
     * @return the story id, or null when no member qualifies
     */
    public String findStory(String articleId, long[] signature, long eventTimeMs, long windowMs, double threshold) {
        StoryMember best = null;
        double bestSimilarity = 0;
        for (long band : MinHash.bandHashes(signature)) {
            for (StoryMember candidate : byBand.getOrDefault(band, List.of())) {
                if (candidate.articleId().equals(articleId)
                        || Math.abs(candidate.eventTimeMs() - eventTimeMs) > windowMs) {
                    continue;
                }
                double similarity = MinHash.similarity(signature, candidate.signature());
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

    /** Drops every member with an event time before {@code cutoffMs} and returns them, oldest first. */
    public List<StoryMember> expireBefore(long cutoffMs) {
        List<StoryMember> expired = new ArrayList<>();
        while (!byTime.isEmpty() && byTime.peek().eventTimeMs() < cutoffMs) {
            StoryMember member = byTime.poll();
            byArticle.remove(member.articleId());
            unindex(member);
            expired.add(member);
        }
        return expired;
    }

    /** How many members the index holds. */
    public int size() {
        return byArticle.size();
    }

    private void unindex(StoryMember member) {
        for (long band : MinHash.bandHashes(member.signature())) {
            List<StoryMember> members = byBand.get(band);
            if (members != null) {
                members.remove(member);
                if (members.isEmpty()) {
                    byBand.remove(band);
                }
            }
        }
    }
}
