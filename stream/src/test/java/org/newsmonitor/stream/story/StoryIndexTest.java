package org.newsmonitor.stream.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StoryIndexTest {
    private static final long HOUR = 3_600_000L;
    private static final long WINDOW = 48 * HOUR;
    private static final String WIRE = "Gazprom and CNPC agree price terms for Power of Siberia 2. Russia's Gazprom and "
            + "China National Petroleum Corporation agreed the price formula for gas shipped through Mongolia.";
    private static final String OTHER = "Russian and Chinese navies hold joint drills in the Sea of Japan. Warships "
            + "from both fleets practised anti-submarine warfare near Vladivostok, the defence ministry said.";

    private static long[] sig(String text) {
        return StoryFingerprint.of(text, "");
    }

    @Test
    void shouldReturnStoryOfSimilarMemberWhenWithinWindow() {
        //Given
        StoryIndex index = new StoryIndex(0);
        index.add(new StoryMember("wire-1", "wire-1", 0, sig(WIRE)));
        index.add(new StoryMember("drill-1", "drill-1", HOUR, sig(OTHER)));
        //When
        String story = index.findStory("copy-1", sig(WIRE.toUpperCase()), 5 * HOUR, WINDOW, 0.5);
        //Then
        assertThat(story).isEqualTo("wire-1");
    }

    @Test
    void shouldReturnNullWhenSimilarMemberIsOutsideTheWindowOrTheSameArticle() {
        //Given
        StoryIndex index = new StoryIndex(0);
        index.add(new StoryMember("wire-1", "wire-1", 0, sig(WIRE)));
        //When
        String late = index.findStory("late", sig(WIRE), WINDOW + 1, WINDOW, 0.5);
        String self = index.findStory("wire-1", sig(WIRE), 0, WINDOW, 0.5);
        String unrelated = index.findStory("drill-1", sig(OTHER), HOUR, WINDOW, 0.5);
        //Then
        assertThat(late).isNull();
        assertThat(self).isNull();
        assertThat(unrelated).isNull();
    }

    @Test
    void shouldNotJoinAStoryThatWouldThenSpanMoreThanTheMaximum() {
        //Given a story begun at hour 0 whose latest member is from hour 40
        StoryIndex index = new StoryIndex(0);
        index.add(new StoryMember("wire-1", "wire-1", 0, sig(WIRE)));
        index.add(new StoryMember("copy-1", "wire-1", 40 * HOUR, sig(WIRE), StoryMember.UNKNOWN_ARRIVAL, 0));
        //When copies from hours 72 and 73 look for it, within the window of the latest member
        String inSpan = index.findStory("copy-2", sig(WIRE), 72 * HOUR, WINDOW, 72 * HOUR, 0.4);
        String beyond = index.findStory("copy-3", sig(WIRE), 73 * HOUR, WINDOW, 72 * HOUR, 0.4);
        //Then
        assertThat(inSpan).isEqualTo("wire-1");
        assertThat(beyond).isNull();
        assertThat(index.storyStart("wire-1", -1)).isZero();
        assertThat(index.storyStart("unknown", -1)).isEqualTo(-1);
    }

    @Test
    void shouldForgetAStorysSpanWhenItsLastMemberLeaves() {
        //Given a story with two members
        StoryIndex index = new StoryIndex(0);
        index.add(new StoryMember("wire-1", "wire-1", 0, sig(WIRE)));
        index.add(new StoryMember("copy-1", "wire-1", HOUR, sig(WIRE), StoryMember.UNKNOWN_ARRIVAL, 0));
        //When the first leaves, then the second
        index.expireBefore(HOUR);
        long afterFirst = index.storyStart("wire-1", -1);
        index.expireBefore(2 * HOUR);
        //Then the span is kept while a member is, from the start the member recorded
        assertThat(afterFirst).isZero();
        assertThat(index.storyStart("wire-1", -1)).isEqualTo(-1);
    }

    @Test
    void shouldPreferTheEarlierMemberWhenTwoAreEquallySimilar() {
        //Given two copies of one text in different stories, the later one added first
        StoryIndex index = new StoryIndex(0);
        index.add(new StoryMember("b", "story-b", 2 * HOUR, sig(WIRE)));
        index.add(new StoryMember("a", "story-a", HOUR, sig(WIRE)));
        //When
        String story = index.findStory("c", sig(WIRE), 3 * HOUR, WINDOW, 0.5);
        //Then
        assertThat(story).isEqualTo("story-a");
    }

    @Test
    void shouldForgetExpiredMembersAndReturnThemOldestFirst() {
        //Given
        StoryIndex index = new StoryIndex(0);
        index.add(new StoryMember("new", "new", 10 * HOUR, sig(OTHER)));
        index.add(new StoryMember("old", "old", 0, sig(WIRE)));
        index.add(new StoryMember("older", "older", -HOUR, sig(WIRE + " Later edition.")));
        //When
        var expired = index.expireBefore(5 * HOUR);
        //Then
        assertThat(expired).extracting(StoryMember::articleId).containsExactly("older", "old");
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.findStory("copy", sig(WIRE), 6 * HOUR, WINDOW, 0.5)).isNull();
    }

    @Test
    void shouldReplaceTheEntryWhenTheSameArticleIsAddedAgain() {
        //Given
        StoryIndex index = new StoryIndex(0);
        index.add(new StoryMember("wire-1", "first", 0, sig(WIRE)));
        //When the article is indexed again with another text and story
        index.add(new StoryMember("wire-1", "second", 0, sig(OTHER)));
        //Then only the new entry is found
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.findStory("copy", sig(WIRE), HOUR, WINDOW, 0.5)).isNull();
        assertThat(index.findStory("copy", sig(OTHER), HOUR, WINDOW, 0.5)).isEqualTo("second");
        assertThat(index.expireBefore(Long.MAX_VALUE)).hasSize(1);
    }

    @Test
    void shouldIgnoreMembersWithoutSignature() {
        //Given an article with no words
        StoryIndex index = new StoryIndex(0);
        index.add(new StoryMember("empty", "empty", 0, new long[0]));
        //When
        String story = index.findStory("empty-2", new long[0], 0, WINDOW, 0.5);
        //Then
        assertThat(story).isNull();
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void shouldRoundTripMembersThroughTheBinarySerdeAndRejectCorruptBytes() {
        //Given
        StoryMemberSerde serde = new StoryMemberSerde();
        StoryMember member = new StoryMember("артикль-1", "story-7", 1_700_000_000_000L, sig(WIRE));
        //When
        byte[] bytes = serde.serialize("story-members", member);
        StoryMember back = serde.deserialize("story-members", bytes);
        //Then
        assertThat(back.articleId()).isEqualTo("артикль-1");
        assertThat(back.storyId()).isEqualTo("story-7");
        assertThat(back.eventTimeMs()).isEqualTo(1_700_000_000_000L);
        assertThat(back.signature()).containsExactly(member.signature());
        assertThat(back.arrival()).isEqualTo(StoryMember.UNKNOWN_ARRIVAL);
        assertThat(serde.deserialize("story-members", serde.serialize("story-members",
                new StoryMember("a", "s", 5L, sig(WIRE), 123_456L))).arrival()).isEqualTo(123_456L);
        assertThat(bytes.length).isLessThan(600);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> serde.deserialize("story-members", Arrays.copyOf(bytes, 30)))
                .hasMessageContaining("story-members").hasMessageContaining("corrupt");
    }

    @Test
    void shouldAgreeWithABruteForceSearchWhileMembersComeAndGo() {
        //Given 3,000 articles in 300 stories (copies differ by a few words), added in time order and expired
        //When / Then every lookup finds what a scan of the live members finds
        agreeWithBruteForce(0, false);
    }

    @Test
    void shouldAgreeWithABruteForceSearchWhenArticlesArriveOutOfOrderAndTheLastArrivalsStay() {
        //Given the same articles published at random over ten days, so that many arrive behind the cutoff
        //When / Then every lookup finds what a scan of the live members finds, the last 100 arrivals among them
        agreeWithBruteForce(100, true);
    }

    @Test
    void shouldKeepALateArrivalUntilLaterArrivalsPushItOut() {
        //Given an index keeping the last two arrivals, and newer news
        StoryIndex index = new StoryIndex(2);
        index.add(new StoryMember("news", "news", 30 * 24 * HOUR, sig(OTHER)));
        long cutoff = 30 * 24 * HOUR - 2 * WINDOW;
        //When a month-old article arrives
        index.add(new StoryMember("old-copy", "old-copy", 0, sig(WIRE)));
        //Then it stays while it is among the last two arrivals, so a second copy finds it
        assertThat(index.expireBefore(cutoff)).isEmpty();
        assertThat(index.findStory("second-copy", sig(WIRE), 5 * 60_000L, WINDOW, 0.5)).isEqualTo("old-copy");
        //When two more articles arrive
        index.add(new StoryMember("news-2", "news-2", 30 * 24 * HOUR, sig(OTHER + " Second edition.")));
        assertThat(index.expireBefore(cutoff)).isEmpty();
        index.add(new StoryMember("news-3", "news-3", 30 * 24 * HOUR, sig(OTHER + " Third edition.")));
        //Then it leaves, once
        assertThat(index.expireBefore(cutoff)).extracting(StoryMember::articleId).containsExactly("old-copy");
        assertThat(index.expireBefore(cutoff)).isEmpty();
        assertThat(index.size()).isEqualTo(3);
        assertThat(index.findStory("second-copy", sig(WIRE), 5 * 60_000L, WINDOW, 0.5)).isNull();
    }

    @Test
    void shouldForgetTheReplacedEntryOfALateArrivalWhenTheArticleIsAddedAgain() {
        //Given a late arrival kept as one of the last two
        StoryIndex index = new StoryIndex(2);
        index.add(new StoryMember("news", "news", 30 * 24 * HOUR, sig(OTHER)));
        index.add(new StoryMember("old-copy", "first", 0, sig(WIRE)));
        assertThat(index.expireBefore(HOUR)).isEmpty();
        //When the same article is indexed again, then pushed out by two newer arrivals
        index.add(new StoryMember("old-copy", "second", 0, sig(WIRE)));
        index.add(new StoryMember("news-2", "news-2", 30 * 24 * HOUR, sig(OTHER + " Second edition.")));
        index.add(new StoryMember("news-3", "news-3", 30 * 24 * HOUR, sig(OTHER + " Third edition.")));
        //Then only its current entry is dropped, once
        assertThat(index.expireBefore(HOUR)).extracting(StoryMember::storyId).containsExactly("second");
        assertThat(index.size()).isEqualTo(3);
    }

    @Test
    void shouldReadMembersStoredBeforeArrivalsWereKeptWithAnUnknownArrival() {
        //Given a member encoded as the first version did: no arrival after the signature
        StoryMemberSerde serde = new StoryMemberSerde();
        byte[] current = serde.serialize("story-members", new StoryMember("wire-1", "wire-1", 42L, sig(WIRE), 7L));
        byte[] first = Arrays.copyOf(current, current.length - 16);
        first[0] = 1;
        //When
        StoryMember back = serde.deserialize("story-members", first);
        //Then
        assertThat(back.articleId()).isEqualTo("wire-1");
        assertThat(back.eventTimeMs()).isEqualTo(42L);
        assertThat(back.signature()).containsExactly(sig(WIRE));
        assertThat(back.arrival()).isEqualTo(StoryMember.UNKNOWN_ARRIVAL);
    }

    @Test
    void shouldReadMembersStoredBeforeStoryStartsWereKeptWithTheirOwnTimeAsStart() {
        //Given a member encoded as the second version did: no story start after the arrival
        StoryMemberSerde serde = new StoryMemberSerde();
        byte[] current = serde.serialize("story-members",
                new StoryMember("copy-1", "wire-1", 42L, sig(WIRE), 7L, 5L));
        byte[] second = Arrays.copyOf(current, current.length - 8);
        second[0] = 2;
        //When
        StoryMember back = serde.deserialize("story-members", second);
        StoryMember now = serde.deserialize("story-members", current);
        //Then
        assertThat(back.arrival()).isEqualTo(7L);
        assertThat(back.storyStartMs()).isEqualTo(42L);
        assertThat(now.storyStartMs()).isEqualTo(5L);
    }

    @Test
    void shouldKeepAMemberAddedTwiceUntilItsLastArrivalIsPushedOut() {
        //Given the same member object indexed twice, behind the cutoff both times, keeping the last three arrivals
        StoryIndex index = new StoryIndex(3);
        StoryMember late = new StoryMember("late", "late", 0, sig(WIRE));
        index.add(new StoryMember("news", "news", 30 * 24 * HOUR, sig(OTHER)));
        index.add(late);
        assertThat(index.expireBefore(HOUR)).isEmpty();
        index.add(late);
        assertThat(index.expireBefore(HOUR)).isEmpty();
        //When newer arrivals push out its first arrival only
        index.add(new StoryMember("news-2", "news-2", 30 * 24 * HOUR, sig(OTHER + " Second edition.")));
        index.add(new StoryMember("news-3", "news-3", 30 * 24 * HOUR, sig(OTHER + " Third edition.")));
        //Then it stays until its second arrival is pushed out too
        assertThat(index.expireBefore(HOUR)).isEmpty();
        index.add(new StoryMember("news-4", "news-4", 30 * 24 * HOUR, sig(OTHER + " Fourth edition.")));
        assertThat(index.expireBefore(HOUR)).extracting(StoryMember::articleId).containsExactly("late");
    }

    @Test
    void shouldCompareAtMostTheCandidatesOfOneBandWhenAFloodOfCopiesFillsEveryBand() {
        //Given 5,000 copies of one wire report over four hours: they share every band
        StoryIndex index = new StoryIndex(0);
        for (int i = 0; i < 5_000; i++) {
            index.add(new StoryMember("copy-" + i, "wire-1", i * 3_000L, sig(WIRE)));
        }
        long before = index.exactComparisons();
        //When one more copy looks for its story
        String story = index.findStory("copy-5000", sig(WIRE), 5 * HOUR, WINDOW, 0.4);
        //Then it is compared with the last copies to arrive only, and joins their story
        assertThat(story).isEqualTo("wire-1");
        assertThat(index.exactComparisons() - before).isEqualTo(StoryIndex.CANDIDATES_PER_BAND);
    }

    @Test
    void shouldFindAStoryBehindAFloodOfAnotherReportOnTheSameSubject() {
        //Given the first copy of a report on the price talks, then 3,000 copies of another report on them
        String talks = "Gazprom and CNPC resume Power of Siberia 2 price talks in Beijing. Gazprom chief Alexei Miller "
                + "and CNPC chairman Dai Houliang met for a fourth day; no date for the contract was given.";
        String flood = "Gazprom and CNPC agree price terms for Power of Siberia 2. Gazprom chief Alexei Miller said "
                + "the price formula for gas shipped through Mongolia was agreed with CNPC.";
        StoryIndex index = new StoryIndex(0);
        index.add(new StoryMember("talks-1", "talks", 0, sig(talks)));
        for (int i = 0; i < 3_000; i++) {
            index.add(new StoryMember("flood-" + i, "flood", HOUR + i * 1_000L, sig(flood)));
        }
        long before = index.exactComparisons();
        //When a second outlet's copy of the talks report looks for its story
        String story = index.findStory("talks-2", sig(talks.replace("resume", "restart") + " Reuters."),
                2 * HOUR, WINDOW, 0.4);
        //Then the flood does not hide it, and costs a bounded number of comparisons
        assertThat(story).isEqualTo("talks");
        assertThat(index.exactComparisons() - before)
                .isLessThanOrEqualTo(MinHash.BANDS * StoryIndex.CANDIDATES_PER_BAND);
    }

    @Test
    void shouldExamineTheLastArrivalsOfABandAfterTheTableGrewAndMembersLeft() {
        //Given an index examining two members per band, with copies of one text in stories by arrival, some of
        //them expired, the table grown many times since the first ones
        StoryIndex index = new StoryIndex(0, 2);
        for (int i = 0; i < 2_000; i++) {
            index.add(new StoryMember("copy-" + i, "story-" + i, i * 1_000L, sig(WIRE)));
        }
        index.expireBefore(500_000L);
        //When a copy looks for its story
        String story = index.findStory("copy-new", sig(WIRE), 2_000_000L, WINDOW, 0.4);
        //Then it compared the last two arrivals only; on equal similarity the earlier of them wins
        assertThat(story).isEqualTo("story-1998");
        assertThat(index.exactComparisons()).isEqualTo(2);
        assertThat(index.size()).isEqualTo(1_500);
    }

    @Test
    void shouldExpireTheOldestMembersOfACrowdedBandWithoutWalkingItsChain() {
        //Given 20,000 copies of one wire report, one a minute: every band holds all of them, the oldest at the end
        StoryIndex index = new StoryIndex(0);
        for (int i = 0; i < 20_000; i++) {
            index.add(new StoryMember("copy-" + i, "wire-1", i * 60_000L, sig(WIRE)));
        }
        //When they leave oldest first, as the window moves on (a walk to each one's place took minutes)
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 1; i <= 20_000; i++) {
                index.expireBefore(i * 60_000L);
            }
        });
        //Then the index is empty and still works
        assertThat(index.size()).isZero();
        index.add(new StoryMember("next", "next", 0, sig(WIRE)));
        assertThat(index.findStory("copy", sig(WIRE), HOUR, WINDOW, 0.4)).isEqualTo("next");
    }

    @Test
    void shouldRefuseAnIndexExaminingNoCandidates() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StoryIndex(0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("candidatesPerBand");
    }

    private static void agreeWithBruteForce(int keptArrivals, boolean shuffledTimes) {
        java.util.Random random = new java.util.Random(7);
        String[] words = ("gas pipeline price talks moscow beijing mongolia route contract volume summit drills navy "
                + "border trade yuan rouble sanctions bank chips engines arctic port rail grain oil tanker").split(" ");
        String[] stories = new String[300];
        for (int s = 0; s < stories.length; s++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 30; w++) {
                text.append(words[random.nextInt(words.length)]).append(' ');
            }
            stories[s] = text.toString();
        }
        StoryIndex index = new StoryIndex(keptArrivals);
        java.util.List<StoryMember> live = new java.util.ArrayList<>();
        java.util.Map<StoryMember, Integer> arrival = new java.util.IdentityHashMap<>();
        long latest = Long.MIN_VALUE;
        int expiredTotal = 0;
        for (int i = 0; i < 3_000; i++) {
            String text = stories[random.nextInt(stories.length)] + words[random.nextInt(words.length)] + " "
                    + (random.nextBoolean() ? "" : words[random.nextInt(words.length)]);
            long time = shuffledTimes ? (long) (random.nextDouble() * 240 * HOUR) : i * 60_000L;
            long[] signature = sig(text);
            String expected = scan(live, "a" + i, signature, time);
            assertThat(index.findStory("a" + i, signature, time, WINDOW, 0.5)).as("article %d", i).isEqualTo(expected);
            StoryMember member = new StoryMember("a" + i, expected == null ? "a" + i : expected, time, signature);
            index.add(member);
            live.add(member);
            arrival.put(member, i);
            latest = Math.max(latest, time);
            long cutoff = latest - 20 * HOUR;
            int lastKept = i + 1 - keptArrivals;
            live.removeIf(m -> m.eventTimeMs() < cutoff && arrival.get(m) < lastKept);
            expiredTotal += index.expireBefore(cutoff).size();
            assertThat(index.size()).as("after article %d", i).isEqualTo(live.size());
        }
        assertThat(expiredTotal).isEqualTo(3_000 - live.size());
    }

    private static final java.util.Map<long[], long[]> BANDS = new java.util.IdentityHashMap<>();

    private static String scan(java.util.List<StoryMember> live, String id, long[] signature, long time) {
        StoryMember best = null;
        double bestSimilarity = 0;
        long[] mine = StoryFingerprint.bandHashes(signature);
        // each band offers the last members to arrive that share it (live is in order of arrival)
        java.util.Set<StoryMember> offered = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int b = 0; b < mine.length; b++) {
            int examined = 0;
            for (int i = live.size() - 1; i >= 0 && examined < StoryIndex.CANDIDATES_PER_BAND; i--) {
                long[] theirs = BANDS.computeIfAbsent(live.get(i).signature(), StoryFingerprint::bandHashes);
                if (b < theirs.length && mine[b] == theirs[b]) {
                    examined++;
                    offered.add(live.get(i));
                }
            }
        }
        for (StoryMember m : live) {
            double similarity = StoryFingerprint.similarity(signature, m.signature());
            if (!offered.contains(m) || m.articleId().equals(id) || Math.abs(m.eventTimeMs() - time) > WINDOW
                    || similarity < 0.5) {
                continue;
            }
            if (best == null || similarity > bestSimilarity
                    || similarity == bestSimilarity && m.eventTimeMs() < best.eventTimeMs()) {
                best = m;
                bestSimilarity = similarity;
            }
        }
        return best == null ? null : best.storyId();
    }
}
