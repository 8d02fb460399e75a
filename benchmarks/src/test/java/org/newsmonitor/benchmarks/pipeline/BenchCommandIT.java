package org.newsmonitor.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.newsmonitor.benchmarks.BenchMain;

/** The pipeline benchmark, as documented, on a few articles: every table is printed and every theme article alerts. */
class BenchCommandIT {

    @Test
    void shouldPrintThroughputLatencyCpuAndProfileWhenRunOnAFewArticles() {
        //Given
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        //When
        int exit = BenchMain.execute(new PrintWriter(out, true), new PrintWriter(err, true), "bench",
                "--articles", "400", "--warmup", "200", "--warmup-max", "200", "--duration", "2", "--loads", "50",
                "--profile", "5");
        //Then
        String text = out.toString();
        assertThat(exit).as(err.toString()).isZero();
        assertThat(text).contains("| raw ceiling: produce -> consume       |      400 |",
                "| pipeline flat out -> theme matches    |      400 |",
                "alerts from the flat-out run: 200 articles", "warm-up: 200 articles",
                "| stream service |", "| processing records |", "Reference: our per-article steps", "| StreamThread.run | 100.0 % |");
        assertThat(text).containsPattern("\\|     50 \\| +\\d+ \\|    100 \\|     50 \\|");
    }
}
