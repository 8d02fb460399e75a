package org.newsmonitor.alerts.kafka;

import org.newsmonitor.contracts.DeadLetterSink;
import org.newsmonitor.contracts.DeadLetters;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.DeadLetterEvent;

/** Dead letters written to the dead-letter topic with DlqHeaders. */
public final class KafkaDeadLetterSink implements DeadLetterSink {
    private final TopicWriter writer;

    /** @param writer the shared producer */
    public KafkaDeadLetterSink(TopicWriter writer) {
        this.writer = writer;
    }

    @Override
    public void publish(DeadLetterEvent event, Throwable error) {
        writer.write(Topics.DEAD_LETTERS, event.key(), event, DeadLetters.headers(event, error));
    }
}
