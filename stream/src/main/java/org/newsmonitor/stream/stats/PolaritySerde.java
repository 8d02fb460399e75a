package org.newsmonitor.stream.stats;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.newsmonitor.contracts.event.Polarity;

/**
 * A polarity as its name in UTF-8: the whole value of the count repartition topics, which need nothing else of a
 * match (the theme id is the key, the event time the timestamp). A full match event there cost a kilobyte of JSON
 * written, read and parsed twice per match.
 */
public final class PolaritySerde {
    private PolaritySerde() {
    }

    /** The serde; an unknown name fails with the topic and the name. */
    public static Serde<Polarity> create() {
        Serializer<Polarity> serializer = (topic, polarity) -> polarity == null ? null
                : polarity.name().getBytes(StandardCharsets.UTF_8);
        Deserializer<Polarity> deserializer = (topic, data) -> {
            if (data == null) {
                return null;
            }
            String name = new String(data, StandardCharsets.UTF_8);
            try {
                return Polarity.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new SerializationException("unknown polarity '" + name + "' in " + topic, e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
