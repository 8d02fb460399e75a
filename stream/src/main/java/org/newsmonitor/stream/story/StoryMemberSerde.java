package org.newsmonitor.stream.story;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact binary encoding of {@link StoryMember} for the story store and its changelog: a version byte, the two
 * ids as length-prefixed UTF-8, the event time, the fingerprint's longs, (from version 2) the arrival and (from
 * version 3) the story's start (a few hundred bytes; JSON took 1.5 KB and far more CPU). Version 1 and 2 records
 * still read, with an unknown arrival (version 1) and the member's own event time as story start; the MinHash
 * signature they hold is no {@link StoryFingerprint}, so they match nothing and leave with age. The store is internal
 * to the stream application, so no other program reads it.
 */
public final class StoryMemberSerde implements Serde<StoryMember>, Serializer<StoryMember>,
        Deserializer<StoryMember> {
    private static final byte VERSION = 3;
    private static final byte WITHOUT_STORY_START = 2;
    private static final byte WITHOUT_ARRIVAL = 1;

    @Override
    public byte[] serialize(String topic, StoryMember member) {
        if (member == null) {
            return null;
        }
        byte[] article = member.articleId().getBytes(StandardCharsets.UTF_8);
        byte[] story = member.storyId().getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(1 + 4 + article.length + 4 + story.length + 8 + 4
                + 8 * member.signature().length + 8 + 8);
        out.put(VERSION).putInt(article.length).put(article).putInt(story.length).put(story)
                .putLong(member.eventTimeMs()).putInt(member.signature().length);
        for (long value : member.signature()) {
            out.putLong(value);
        }
        out.putLong(member.arrival());
        out.putLong(member.storyStartMs());
        return out.array();
    }

    @Override
    public StoryMember deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(data);
            byte version = in.get();
            if (version != VERSION && version != WITHOUT_STORY_START && version != WITHOUT_ARRIVAL) {
                throw new SerializationException("story member in " + topic + ": unknown encoding version " + version);
            }
            String article = string(in);
            String story = string(in);
            long time = in.getLong();
            long[] signature = new long[in.getInt()];
            for (int i = 0; i < signature.length; i++) {
                signature[i] = in.getLong();
            }
            long arrival = version == WITHOUT_ARRIVAL ? StoryMember.UNKNOWN_ARRIVAL : in.getLong();
            long storyStart = version == VERSION ? in.getLong() : time;
            return new StoryMember(article, story, time, signature, arrival, storyStart);
        } catch (RuntimeException e) {
            if (e instanceof SerializationException) {
                throw e;
            }
            throw new SerializationException("story member in " + topic + ": truncated or corrupt record ("
                    + data.length + " bytes)", e);
        }
    }

    private static String string(ByteBuffer in) {
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure
    }

    @Override
    public void close() {
        // holds no resources
    }

    @Override
    public Serializer<StoryMember> serializer() {
        return this;
    }

    @Override
    public Deserializer<StoryMember> deserializer() {
        return this;
    }
}
