package org.newsmonitor.benchmarks;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;
import org.newsmonitor.alerts.search.TokenizerAnalyzer;

/**
 * The matcher's tokens ({@link TokenizerAnalyzer}: same splitting, normalisation and plural fold), plus, at the
 * position of each token, one marked term for every rule prefix the token starts with: {@code pipelines} with the
 * rule prefixes {@code pipe*} and {@code pipeline*} is indexed as {@code pipelines}, {@code pipeline} (plural fold),
 * {@code pipe*} and {@code pipeline*}. An edge n-gram filter restricted to the n-grams some rule asks for, in the
 * same field: a prefix rule becomes a term query (a phrase with a prefix a plain phrase query), nothing has to be
 * rewritten against each article's terms, and the presearcher can index prefix rules by their term.
 */
final class PrefixIndexingAnalyzer extends AnalyzerWrapper {
    /** Appended to a prefix to make its term; tokens never contain it, so a marked term is never a word. */
    static final char MARK = '*';

    private final Analyzer tokens = new TokenizerAnalyzer();
    private final Set<String> prefixes;
    private final int longest;

    /** Marks the given rule prefixes (normalised token text, without the mark). */
    PrefixIndexingAnalyzer(Set<String> prefixes) {
        super(PER_FIELD_REUSE_STRATEGY);
        this.prefixes = Set.copyOf(prefixes);
        this.longest = prefixes.stream().mapToInt(String::length).max().orElse(0);
    }

    /** The indexed term of a rule prefix. */
    static String marked(String prefix) {
        return prefix + MARK;
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return tokens;
    }

    @Override
    protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
        if (prefixes.isEmpty()) {
            return components;
        }
        return new TokenStreamComponents(components.getSource(),
                new PrefixMarkFilter(components.getTokenStream(), prefixes, longest));
    }

    @Override
    public void close() {
        tokens.close();
        super.close();
    }

    /** After each token, its marked rule prefixes at the same position, shortest first. */
    private static final class PrefixMarkFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final Set<String> prefixes;
        private final int longest;
        private final StringBuilder token = new StringBuilder();
        private AttributeSource.State tokenState;
        private int nextLength;

        PrefixMarkFilter(TokenStream in, Set<String> prefixes, int longest) {
            super(in);
            this.prefixes = prefixes;
            this.longest = longest;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (tokenState != null && emitNextPrefix()) {
                return true;
            }
            tokenState = null;
            if (!input.incrementToken()) {
                return false;
            }
            // stacked plural forms (increment 0) are prefixes of the token before them: nothing new to mark
            if (increment.getPositionIncrement() > 0) {
                token.setLength(0);
                token.append(term);
                tokenState = captureState();
                nextLength = 1;
            }
            return true;
        }

        private boolean emitNextPrefix() {
            int limit = Math.min(token.length(), longest);
            while (nextLength <= limit) {
                String prefix = token.substring(0, nextLength++);
                if (prefixes.contains(prefix)) {
                    restoreState(tokenState);
                    term.setEmpty().append(prefix).append(MARK);
                    increment.setPositionIncrement(0);
                    return true;
                }
            }
            return false;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            tokenState = null;
        }
    }
}
