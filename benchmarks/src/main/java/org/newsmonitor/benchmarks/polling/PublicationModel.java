package org.newsmonitor.benchmarks.polling;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.newsmonitor.ingest.feed.FeedDefinition;

/**
 * Realistic, seeded publication patterns for the polling simulation. Each feed publishes as a Poisson process whose
 * rate follows its local time of day and day of week: wire services every 3 to 10 minutes from 07:00 to 22:00, a sixth
 * of that at night, two thirds at weekends; newspapers every 40 to 90 minutes from 07:00 to 23:00, one item in 6 hours
 * at night, half at weekends; think tanks 2 to 5 pieces a week, 09:00 to 18:00 on weekdays. Feeds are spread over
 * Moscow, Beijing, London and New York time; newspapers share hosts in pairs.
 */
public final class PublicationModel {
    private static final ZoneId[] ZONES = {ZoneId.of("Europe/Moscow"), ZoneId.of("Asia/Shanghai"),
            ZoneId.of("Europe/London"), ZoneId.of("America/New_York")};

    private PublicationModel() {
    }

    /**
     * Feeds in the proportions 20 % wire services, 50 % newspapers, 30 % think tanks.
     *
     * @param count how many feeds
     * @param seed  random seed; the same seed gives the same feeds
     * @param start first instant publications are generated for
     * @param end   last instant
     * @return the feeds; never null
     */
    public static List<SimulatedFeed> feeds(int count, long seed, Instant start, Instant end) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SimulatedFeed> feeds = new ArrayList<>();
        int wires = Math.max(1, count / 5);
        int papers = count / 2;
        for (int i = 0; i < count; i++) {
            SimulatedFeed.Kind kind = i < wires ? SimulatedFeed.Kind.WIRE
                    : i < wires + papers ? SimulatedFeed.Kind.NEWSPAPER : SimulatedFeed.Kind.THINK_TANK;
            ZoneId zone = ZONES[random.nextInt(ZONES.length)];
            String id = kind.name().toLowerCase().replace('_', '-') + "-" + i;
            String host = kind == SimulatedFeed.Kind.NEWSPAPER ? "paper-" + (i / 2) + ".example" : id + ".example";
            FeedDefinition def = new FeedDefinition(id, URI.create("https://" + host + "/" + id + ".xml"), id, "en",
                    List.of(kind.name()), FeedDefinition.DEFAULT_INTERVAL, zone, FeedDefinition.DEFAULT_FLOOR,
                    FeedDefinition.DEFAULT_CEILING);
            feeds.add(new SimulatedFeed(def, kind, host, publications(kind, zone, random.split(), start, end)));
        }
        return feeds;
    }

    // a Poisson process with a rate that varies by local hour and weekday, by thinning a process at the peak rate
    private static List<Instant> publications(SimulatedFeed.Kind kind, ZoneId zone, SplittableRandom random,
            Instant start, Instant end) {
        double dayGapMinutes = switch (kind) {
            case WIRE -> 3 + 7 * random.nextDouble();
            case NEWSPAPER -> 40 + 50 * random.nextDouble();
            case THINK_TANK -> 9 * 60 * 5 / (2 + 3 * random.nextDouble()); // 2 to 5 a week in 45 office hours
        };
        double peakPerMinute = 1 / dayGapMinutes;
        List<Instant> out = new ArrayList<>();
        double t = 0;
        double span = Duration.between(start, end).toSeconds() / 60.0;
        while (true) {
            t += -Math.log(1 - random.nextDouble()) / peakPerMinute;
            if (t >= span) {
                return out;
            }
            Instant at = start.plusSeconds((long) (t * 60));
            if (random.nextDouble() < relativeRate(kind, at.atZone(zone))) {
                out.add(at);
            }
        }
    }

    // the rate at a local time, relative to the daytime weekday rate
    static double relativeRate(SimulatedFeed.Kind kind, ZonedDateTime local) {
        int hour = local.getHour();
        boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
        return switch (kind) {
            case WIRE -> (hour >= 7 && hour < 22 ? 1.0 : 1.0 / 6) * (weekend ? 2.0 / 3 : 1.0);
            case NEWSPAPER -> (hour >= 7 && hour < 23 ? 1.0 : 1.0 / 6) * (weekend ? 0.5 : 1.0);
            case THINK_TANK -> !weekend && hour >= 9 && hour < 18 ? 1.0 : 0.0;
        };
    }
}
