package org.newsmonitor.ingest.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The bounded list of item ids a feed has published, newest last. Ids still present in the latest document are
 * always kept, whatever the bound, so a long feed is never republished; older ids make room first.
 */
public final class SeenIds {
    private SeenIds() {
    }

    /**
     * The new seen list after a successful poll.
     *
     * @param previous ids seen before, oldest first
     * @param current  ids of every item in the document just published
     * @param bound    how many ids to keep at least
     * @return oldest first, at most {@code max(bound, current.size())} ids; never null
     */
    public static List<String> merge(List<String> previous, Collection<String> current, int bound) {
        LinkedHashSet<String> now = new LinkedHashSet<>(current);
        LinkedHashSet<String> merged = new LinkedHashSet<>(previous);
        merged.removeAll(now);
        merged.addAll(now);
        int keep = Math.max(bound, now.size());
        List<String> all = new ArrayList<>(merged);
        return all.size() <= keep ? all : new ArrayList<>(all.subList(all.size() - keep, all.size()));
    }
}
