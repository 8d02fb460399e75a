package org.newsmonitor.alerts.delivery;

import org.newsmonitor.contracts.DeadLetterSink;
import org.newsmonitor.alerts.kafka.TopicWriter;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.DeliveryEvent;

/** Delivery outcomes on the deliveries topic (key: subscription id), dead letters on the dead-letter topic. */
public final class KafkaDeliveryRecorder implements DeliveryRecorder {
    private final TopicWriter writer;
    private final DeadLetterSink deadLetters;

    /**
     * @param writer      the shared producer
     * @param deadLetters the dead-letter sink
     */
    public KafkaDeliveryRecorder(TopicWriter writer, DeadLetterSink deadLetters) {
        this.writer = writer;
        this.deadLetters = deadLetters;
    }

    @Override
    public void outcome(DeliveryEvent event) {
        writer.write(Topics.DELIVERIES, event.subscriptionId(), event);
    }

    @Override
    public void deadLetter(DeadLetterEvent event) {
        deadLetters.publish(event, null);
    }
}
