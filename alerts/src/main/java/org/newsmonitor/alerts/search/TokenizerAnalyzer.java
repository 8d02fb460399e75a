package org.newsmonitor.alerts.search;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.newsmonitor.themes.TextTokenizer;

/**
 * A Lucene analyzer that produces exactly the themes' tokens ({@link TextTokenizer}: same splitting, same
 * normalisation, one token per Han character), so that a query finds what the matcher matches. The matcher's plural
 * fold is done at index time: a token ending in "s" or "es" is also indexed, at the same position and offsets,
 * without that ending, so a rule word is one term query. Several values of one field are kept further apart than
 * the largest NEAR distance.
 */
public final class TokenizerAnalyzer extends Analyzer {
    /** Positions between two values of one field. */
    public static final int VALUE_GAP = 10_000;

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return VALUE_GAP;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new ThemeTokenizer());
    }

    /** Reads the whole field, tokenizes it once and replays the tokens. */
    private static final class ThemeTokenizer extends Tokenizer {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final ArrayDeque<String> stacked = new ArrayDeque<>();
        private int stackedStart;
        private int stackedEnd;
        private List<TextTokenizer.Token> tokens;
        private int next;
        private int length;

        @Override
        public boolean incrementToken() throws IOException {
            if (tokens == null) {
                StringBuilder sb = new StringBuilder();
                char[] buf = new char[4096];
                int n;
                while ((n = input.read(buf)) > 0) {
                    sb.append(buf, 0, n);
                }
                length = sb.length();
                tokens = TextTokenizer.tokens(sb.toString());
            }
            if (!stacked.isEmpty()) {
                clearAttributes();
                term.setEmpty().append(stacked.poll());
                offset.setOffset(correctOffset(stackedStart), correctOffset(stackedEnd));
                increment.setPositionIncrement(0);
                return true;
            }
            if (next >= tokens.size()) {
                return false;
            }
            clearAttributes();
            TextTokenizer.Token t = tokens.get(next++);
            String text = t.text();
            term.setEmpty().append(text);
            offset.setOffset(correctOffset(t.start()), correctOffset(t.end()));
            int len = text.length();
            if (len > 1 && text.charAt(len - 1) == 's') {
                stacked.add(text.substring(0, len - 1));
                if (len > 2 && text.charAt(len - 2) == 'e') {
                    stacked.add(text.substring(0, len - 2));
                }
                stackedStart = t.start();
                stackedEnd = t.end();
            }
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offset.setOffset(correctOffset(length), correctOffset(length));
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            tokens = null;
            stacked.clear();
            next = 0;
            length = 0;
        }
    }
}
