package org.newsmonitor.themes;

import java.util.ArrayList;
import java.util.List;

/** Turns a written word, prefix or phrase into normalised {@link Expr.Part}s. */
final class TermSyntax {

    private TermSyntax() {
    }

    /** Parts of a bare word such as {@code pipeline}, {@code газопровод*}, {@code S-400} or {@code 西伯利亚力量}. */
    static List<Expr.Part> word(String raw) {
        String body = raw;
        boolean prefix = false;
        if (body.endsWith("*")) {
            prefix = true;
            body = body.substring(0, body.length() - 1);
        }
        if (body.indexOf('*') >= 0) {
            throw new IllegalArgumentException("'*' may only end a word, as in 'pipeline*' (in '" + raw + "')");
        }
        List<TextTokenizer.Token> tokens = TextTokenizer.tokens(body);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException(raw.equals("*")
                    ? "a lone '*' matches nothing: write a word before it, as in 'pipeline*'"
                    : "'" + raw + "' has no letters or digits");
        }
        if (prefix && tokens.get(tokens.size() - 1).end() != body.length()) {
            throw new IllegalArgumentException("'*' must follow a letter or digit (in '" + raw + "')");
        }
        List<Expr.Part> parts = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            parts.add(new Expr.Part(tokens.get(i).text(), prefix && i == tokens.size() - 1));
        }
        return parts;
    }

    /** Parts of a phrase: its words (each may end with '*') on consecutive tokens. */
    static List<Expr.Part> phrase(String inner) {
        List<Expr.Part> parts = new ArrayList<>();
        for (String w : inner.strip().split("\\s+")) {
            if (!w.isEmpty()) {
                parts.addAll(word(w));
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("empty phrase \"\"");
        }
        return parts;
    }
}
