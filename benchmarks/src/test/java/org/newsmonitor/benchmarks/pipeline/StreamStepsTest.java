package org.newsmonitor.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamStepsTest {

    @Test
    void shouldTimeEveryStepWhenRunOnAFewArticles() {
        //When
        Map<String, Double> micros = StreamSteps.measure(20, 1);
        //Then every step ran (half the articles match, so even the match JSON step has work) and took some time
        assertThat(micros.keySet()).containsExactlyElementsOf(StreamSteps.STEPS);
        assertThat(micros.values()).allMatch(us -> us > 0);
    }
}
