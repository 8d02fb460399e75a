package org.newsmonitor.ingest.publish;

import java.util.List;

/**
 * What a committed batch contained.
 *
 * @param articles     articles written to the articles topic
 * @param states       feed-state records written
 * @param deadLettered "article id: reason" for each article sent to the dead-letter topic instead; never null
 */
public record PublishReceipt(int articles, int states, List<String> deadLettered) {

    public PublishReceipt {
        deadLettered = List.copyOf(deadLettered);
    }

    /** An empty receipt. */
    public static final PublishReceipt NOTHING = new PublishReceipt(0, 0, List.of());
}
