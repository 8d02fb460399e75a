package org.newsmonitor.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamThreadSamplerTest {
    private static final String INTERNALS = "org.apache.kafka.streams.processor.internals.";

    @Test
    void shouldCountACommitWhenTheThreadFlushesInsideTheCommit() {
        //Given a stream thread waiting in the producer's flush, called from the task manager's commit
        StackTraceElement[] stack = stack("org.apache.kafka.clients.producer.KafkaProducer", "flush",
                INTERNALS + "TaskExecutor", "commitOffsetsOrTransaction", INTERNALS + "TaskManager", "commit",
                INTERNALS + "StreamThread", "maybeCommit", INTERNALS + "StreamThread", "runOnce");
        //When / Then
        assertThat(StreamThreadSampler.activity(stack)).isEqualTo(StreamThreadSampler.COMMIT);
    }

    @Test
    void shouldTellProcessingFromPollingWhenNoCommitIsOnTheStack() {
        //Given
        StackTraceElement[] processing = stack("org.newsmonitor.themes.Matcher", "outcome",
                INTERNALS + "StreamTask", "process", INTERNALS + "TaskExecutor", "process",
                INTERNALS + "StreamThread", "runOnce");
        StackTraceElement[] polling = stack("sun.nio.ch.EPoll", "wait", "org.apache.kafka.clients.consumer"
                + ".KafkaConsumer", "poll", INTERNALS + "StreamThread", "pollPhase", INTERNALS + "StreamThread",
                "runOnce");
        StackTraceElement[] idle = stack("java.lang.Thread", "sleep", INTERNALS + "StreamThread", "runLoop");
        //When / Then
        assertThat(StreamThreadSampler.activity(processing)).isEqualTo(StreamThreadSampler.PROCESS);
        assertThat(StreamThreadSampler.activity(polling)).isEqualTo(StreamThreadSampler.POLL);
        assertThat(StreamThreadSampler.activity(idle)).isEqualTo(StreamThreadSampler.OTHER);
    }

    @Test
    void shouldNameEachMethodOnceWhenItCallsItselfOnTheStack() {
        //Given a recursive method under the stream task
        StackTraceElement[] stack = stack("org.newsmonitor.themes.EvalNode", "holds",
                "org.newsmonitor.themes.EvalNode", "holds", INTERNALS + "StreamTask", "process");
        //When
        var methods = StreamThreadSampler.methodsOf(stack);
        //Then
        assertThat(methods).containsExactlyInAnyOrder("EvalNode.holds", "StreamTask.process");
    }

    @Test
    void shouldReturnSharesThatAddUpWhenStopped() {
        //Given no stream thread in this JVM: the sampler runs and finds nothing
        StreamThreadSampler sampler = StreamThreadSampler.start();
        //When
        Map<String, Double> shares = sampler.stop();
        //Then
        assertThat(shares.keySet()).containsExactlyElementsOf(StreamThreadSampler.ORDER);
        assertThat(shares.values()).allMatch(share -> share == 0.0);
        assertThat(sampler.hottestMethods(10)).isEmpty();
    }

    private static StackTraceElement[] stack(String... typeAndMethod) {
        StackTraceElement[] out = new StackTraceElement[typeAndMethod.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = new StackTraceElement(typeAndMethod[2 * i], typeAndMethod[2 * i + 1], null, -1);
        }
        return out;
    }
}
