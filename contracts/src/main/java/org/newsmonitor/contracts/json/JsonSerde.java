package org.newsmonitor.contracts.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON serde for one record type on one topic. Null stays null (tombstones pass through); malformed JSON, JSON beyond
 * the parser's limits (nesting depth, number length), JSON null and records that fail validation become a
 * {@link SerializationException} naming the topic and what was wrong; no other exception leaves {@link #deserialize}.
 *
 * @param <T> the record type
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {
    private final Class<T> type;
    private final String topicHint;
    private final ObjectMapper mapper = Json.mapper();

    /**
     * @param type      the record class
     * @param topicHint the topic this serde is meant for, used in error messages when Kafka gives none
     */
    public JsonSerde(Class<T> type, String topicHint) {
        this.type = type;
        this.topicHint = topicHint;
    }

    /** The record class this serde reads and writes. */
    public Class<T> type() {
        return type;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return mapper.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Cannot write " + type.getSimpleName() + " to " + topicName(topic)
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            T value = mapper.readValue(data, type);
            if (value == null) {
                throw new SerializationException("Cannot read " + type.getSimpleName() + " from " + topicName(topic)
                        + ": the value is JSON null");
            }
            return value;
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new SerializationException("Invalid " + type.getSimpleName() + " on " + topicName(topic) + ": "
                    + cause.getMessage(), e);
        } catch (StreamConstraintsException e) {
            // a parser limit (nesting depth, number or string length); these carry no location
            throw new SerializationException("Refused " + type.getSimpleName() + " on " + topicName(topic)
                    + ", beyond the parser's limits: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Malformed JSON for " + type.getSimpleName() + " on " + topicName(topic)
                    + where(e.getLocation()) + ": " + e.getOriginalMessage(), e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException s) {
                throw s;
            }
            throw new SerializationException("Cannot read " + type.getSimpleName() + " from " + topicName(topic)
                    + ": " + e, e);
        }
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private String topicName(String topic) {
        return "topic '" + (topic == null ? topicHint : topic) + "'";
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the mapper is fixed by the wire format
    }

    @Override
    public void close() {
        // nothing to release
    }
}
