package org.newsmonitor.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.Document;
import org.newsmonitor.themes.Expr;
import org.newsmonitor.themes.ThemeFiles;

/** The inputs of every benchmark run: generated articles and the two rule sets, all from fixed seeds. */
final class BenchmarkFixture {
    /** Number of generated articles cycled through. */
    static final int ARTICLES = 2_000;
    /** Number of extra subscription-style rules in the large rule set. */
    static final int EXTRA_RULES = 10_000;
    /** Name of the rule set with only the bundled catalog. */
    static final String CATALOG = "catalog";
    /** Name of the rule set with the catalog plus the extra rules. */
    static final String CATALOG_PLUS_10K = "catalog+10k";

    private static final long ARTICLE_SEED = 20_240_601L;
    private static final long RULE_SEED = 20_240_602L;
    private static final long NAME_SEED = 20_240_603L;

    final List<CompiledTheme> catalog;
    final List<CompiledTheme> catalogPlusExtra;
    final List<Document> articles;

    private BenchmarkFixture(List<CompiledTheme> catalog, List<CompiledTheme> catalogPlusExtra,
            List<Document> articles) {
        this.catalog = catalog;
        this.catalogPlusExtra = catalogPlusExtra;
        this.articles = articles;
    }

    /** Builds the fixture (deterministic: the same every run). */
    static BenchmarkFixture create() {
        List<CompiledTheme> catalog = ThemeFiles.bundledCompiled();
        List<Expr.Term> terms = ThemeTerms.of(catalog);
        List<String> names = Vocabulary.inventedNames(3_000, NAME_SEED);
        List<Document> articles = new ArticleGenerator(ARTICLE_SEED, terms, names).generate(ARTICLES);
        List<CompiledTheme> extra = SubscriptionRules.generate(EXTRA_RULES, RULE_SEED, terms, names,
                ThemeFiles.bundledLexicon());
        List<CompiledTheme> all = new ArrayList<>(catalog);
        all.addAll(extra);
        return new BenchmarkFixture(catalog, List.copyOf(all), articles);
    }

    /** The rule set called {@code name} ({@link #CATALOG} or {@link #CATALOG_PLUS_10K}). */
    List<CompiledTheme> ruleSet(String name) {
        return switch (name) {
            case CATALOG -> catalog;
            case CATALOG_PLUS_10K -> catalogPlusExtra;
            default -> throw new IllegalArgumentException("unknown rule set " + name);
        };
    }

    /** Mean characters per generated article (title + summary + content). */
    double meanArticleChars() {
        return articles.stream().mapToInt(d -> d.title().length() + d.summary().length() + d.content().length())
                .average().orElse(0);
    }

    /** The labelled evaluation set (JSON Lines with id, title, summary), from -Deval.file or the themes module. */
    static List<Document> evaluationSet() {
        Path file = evaluationFile();
        ObjectMapper json = new ObjectMapper();
        List<Document> docs = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                docs.add(new Document(n.path("id").asText(), n.path("title").asText(""), n.path("summary").asText(""),
                        n.path("content").asText(""), n.path("language").asText(null)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the evaluation set " + file, e);
        }
        return docs;
    }

    static Path evaluationFile() {
        String configured = System.getProperty("eval.file");
        if (configured != null) {
            return Path.of(configured);
        }
        for (String candidate : List.of("themes/src/test/resources/eval/articles.jsonl",
                "../themes/src/test/resources/eval/articles.jsonl")) {
            Path p = Path.of(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("evaluation set not found: run from the repository root or the benchmarks"
                + " folder, or pass -Deval.file=PATH");
    }
}
