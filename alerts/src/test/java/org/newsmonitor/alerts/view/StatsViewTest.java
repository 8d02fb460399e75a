package org.newsmonitor.alerts.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.event.Granularity;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.ThemeStatsEvent;

class StatsViewTest {
    private final StatsView view = new StatsView();

    private static ThemeStatsEvent day(String theme, Polarity polarity, String day, long count) {
        Instant start = Instant.parse(day + "T00:00:00Z");
        return new ThemeStatsEvent(1, theme, polarity, Granularity.DAY, start, start.plusSeconds(86_400), count);
    }

    @Test
    void shouldKeepADayThatArrivesAfterDaysMoreThanAYearNewerIssue21() {
        //Given the sample archive's span: October 2026 counted before May 2025
        view.apply(day("power-of-siberia", Polarity.COOPERATION, "2026-10-02", 2));
        //When
        view.apply(day("eeu-bri-friction", Polarity.FRICTION, "2025-05-08", 1));
        //Then both days are in the series, and the balance has the friction
        StatsView.Series series = view.series(Granularity.DAY, 1000);
        assertThat(series.buckets()).extracting(StatsView.Bucket::start)
                .containsExactly(Instant.parse("2025-05-08T00:00:00Z"), Instant.parse("2026-10-02T00:00:00Z"));
        assertThat(series.buckets().get(0).friction()).isEqualTo(1);
        assertThat(series.windowsNotKept()).isZero();
    }

    @Test
    void shouldCountTheWindowsItDoesNotKeepWhenMoreArriveThanItHolds() {
        //Given more days than the view holds
        Instant first = Instant.parse("2000-01-01T00:00:00Z");
        int days = StatsView.MAX_DAYS + 5;
        for (int i = days - 1; i >= 0; i--) {
            Instant start = first.plusSeconds(86_400L * i);
            view.apply(new ThemeStatsEvent(1, "arms-sales", Polarity.MIXED, Granularity.DAY, start,
                    start.plusSeconds(86_400), 1));
        }
        //When / Then the oldest are not kept, and the series says how many
        StatsView.Series series = view.series(Granularity.DAY, 1000);
        assertThat(series.windowsNotKept()).isEqualTo(5);
        assertThat(series.buckets()).hasSize(1000);
        assertThat(series.buckets().get(999).start()).isEqualTo(first.plusSeconds(86_400L * (days - 1)));
    }

    @Test
    void shouldGiveTheWindowsOfARangeAndTheSpanHeldWhateverTheRange() {
        //Given: days a year apart, as the sample archive has them
        view.apply(day("power-of-siberia", Polarity.COOPERATION, "2025-05-08", 1));
        view.apply(day("power-of-siberia", Polarity.COOPERATION, "2025-11-20", 2));
        view.apply(day("eeu-bri-friction", Polarity.FRICTION, "2026-10-12", 3));
        //When
        StatsView.Series range = view.series(Granularity.DAY, Instant.parse("2025-06-01T00:00:00Z"),
                Instant.parse("2026-10-12T00:00:00Z"), 1000);
        //Then: only the day inside the range, and the span of all the days held
        assertThat(range.buckets()).extracting(StatsView.Bucket::start)
                .containsExactly(Instant.parse("2025-11-20T00:00:00Z"));
        assertThat(range.themes()).containsExactly("power-of-siberia");
        assertThat(range.heldFrom()).isEqualTo(Instant.parse("2025-05-08T00:00:00Z"));
        assertThat(range.heldTo()).isEqualTo(Instant.parse("2026-10-13T00:00:00Z"));
        assertThat(view.series(Granularity.HOUR, 48).heldFrom()).as("no hour held").isNull();
    }
}
