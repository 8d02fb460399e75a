package org.newsmonitor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.json.Json;
import org.newsmonitor.ingest.normalize.MappedArticle;
import org.newsmonitor.ingest.parse.FeedParser;
import org.newsmonitor.ingest.replay.ArchiveReader;
import org.newsmonitor.ingest.replay.ArchiveSink;
import org.newsmonitor.ingest.replay.ReplayFailure;
import org.newsmonitor.stream.TopologySettings;
import org.newsmonitor.matching.ArticleText;
import org.newsmonitor.matching.ArticleMatch;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.Lexicon;
import org.newsmonitor.themes.Matcher;
import org.newsmonitor.themes.TermHit;
import org.newsmonitor.themes.ThemeFiles;
import org.newsmonitor.themes.ThemeHit;
import org.newsmonitor.themes.ThemeSpec;
import org.newsmonitor.themes.ThemeSyntaxException;

/**
 * Offline matching for theme authors and backtests ({@code ./monitor match [--themes FILE|DIR] [INPUT...]}), on the
 * live pipeline's path: inputs are read as {@code monitor replay} reads archives ({@link ArchiveReader}: feed files
 * through the feed parser and normaliser, JSON Lines through the articles topic's record, short form included), and
 * each article is matched as the stream service matches it ({@link ArticleMatch}). Writes one JSON line per article
 * in input order: {@code {"id":…,"matches":[{"theme":…,"score":…,"terms":[{"term":…,"field":…,"start":…,"end":…}]}]}}
 * (plus {@code "note"} when the article was skipped or cut).
 */
final class MatchRunner implements ArchiveSink {
    /** Every input was read. */
    static final int OK = 0;
    /** Some input lines or files could not be read; the rest was matched. */
    static final int BAD_INPUT = 1;
    /** The themes could not be loaded; nothing was matched. */
    static final int BAD_THEMES = 2;

    private final Matcher matcher;
    private final ArticleText text = new ArticleText(TopologySettings.defaults().maxContentChars());
    private final PrintStream out;
    private final PrintStream err;
    private boolean badInput;

    private MatchRunner(Matcher matcher, PrintStream out, PrintStream err) {
        this.matcher = matcher;
        this.out = out;
        this.err = err;
    }

    /**
     * Matches every article of {@code inputs} (files, or directories searched as replay searches them; {@code stdin}
     * when there are none) against the themes in {@code themes} (a file or directory; null for the bundled catalog).
     *
     * @return {@link #OK}, {@link #BAD_INPUT} or {@link #BAD_THEMES}
     */
    static int run(Path themes, List<Path> inputs, InputStream stdin, PrintStream out, PrintStream err) {
        List<CompiledTheme> compiled = loadThemes(themes, err);
        if (compiled == null) {
            return BAD_THEMES;
        }
        MatchRunner runner = new MatchRunner(Matcher.of(compiled), out, err);
        ArchiveReader reader = new ArchiveReader(Clock.systemUTC(), FeedParser.withDefaultLimit());
        if (inputs == null || inputs.isEmpty()) {
            reader.read("stdin", stdin, runner);
        } else {
            for (Path input : ArchiveReader.files(inputs, runner::failure)) {
                reader.read(input, runner);
            }
        }
        out.flush();
        return runner.badInput ? BAD_INPUT : OK;
    }

    // the compiled themes, or null after printing every problem found
    private static List<CompiledTheme> loadThemes(Path themes, PrintStream err) {
        if (themes == null) {
            return ThemeFiles.bundledCompiled();
        }
        List<ThemeSpec> specs;
        Lexicon lexicon;
        try {
            specs = ThemeFiles.load(themes);
            lexicon = ThemeFiles.lexiconFor(themes);
        } catch (ThemeSyntaxException e) {
            err.println(e.getMessage());
            return null;
        }
        if (specs.isEmpty()) {
            err.println(themes + ": no theme files (*.yaml) found");
            return null;
        }
        List<CompiledTheme> compiled = new ArrayList<>();
        boolean failed = false;
        for (ThemeSpec spec : specs) {
            List<ThemeSyntaxException> problems = CompiledTheme.problems(spec, lexicon);
            problems.forEach(p -> err.println(p.getMessage()));
            failed |= !problems.isEmpty();
            if (problems.isEmpty()) {
                try {
                    compiled.add(CompiledTheme.compile(spec, lexicon));
                } catch (ThemeSyntaxException e) {
                    err.println(e.getMessage());
                    failed = true;
                }
            }
        }
        return failed ? null : compiled;
    }

    @Override
    public void article(MappedArticle article) {
        ArticleEvent event = article.event();
        ArticleMatch match = ArticleMatch.of(text, matcher, event);
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("id", event.id());
        ArrayNode matches = line.putArray("matches");
        for (ThemeHit hit : match.hits()) {
            ObjectNode m = matches.addObject();
            m.put("theme", hit.themeId());
            if (hit.score() == Math.rint(hit.score())) {
                m.put("score", (long) hit.score());
            } else {
                m.put("score", hit.score());
            }
            ArrayNode terms = m.putArray("terms");
            for (TermHit t : hit.terms()) {
                ObjectNode term = terms.addObject();
                term.put("term", t.term());
                term.put("field", t.field());
                term.put("start", t.start());
                term.put("end", t.end());
            }
            ArrayNode subTopics = m.putArray("subTopics");
            hit.subTopics().forEach(subTopics::add);
        }
        if (match.note() != null) {
            line.put("note", match.note());
        }
        out.println(line.toString());
    }

    @Override
    public void unreadable(ReplayFailure failure, byte[] record) {
        failure(failure);
    }

    @Override
    public void failure(ReplayFailure failure) {
        badInput = true;
        err.println(failure);
    }
}
