package org.newsmonitor.themes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses one rule expression (one line of a theme's rules, or its require) into an {@link Expr}.
 * Precedence: NEAR binds tightest, then NOT, then AND (also written as juxtaposition), then OR.
 */
final class RuleParser {
    /** Largest NEAR distance accepted. */
    static final int MAX_NEAR = 1000;
    /** NEAR without "/n". */
    static final int DEFAULT_NEAR = 10;

    private enum Kind { LPAREN, RPAREN, AND, OR, NOT, NEAR, SCOPE, PHRASE, LIST, WORD, END }

    private record Tok(Kind kind, String text, int col, int number) {
    }

    private final Lexicon lexicon;
    private final String themeId;
    private final String origin;
    private int line;
    private int baseColumn;
    private List<Tok> toks;
    private int pos;

    RuleParser(Lexicon lexicon, String themeId, String origin) {
        this.lexicon = lexicon;
        this.themeId = themeId;
        this.origin = origin;
    }

    /**
     * Parses {@code text}; {@code line} and {@code baseColumn} (1-based, the file column of {@code text}'s first
     * character) place errors in the file.
     */
    Expr parse(String text, int line, int baseColumn) throws ThemeSyntaxException {
        this.line = line;
        this.baseColumn = baseColumn;
        this.toks = lex(text);
        this.pos = 0;
        if (peek().kind == Kind.END) {
            throw error(0, "the expression is empty");
        }
        Expr e = parseOr(Scope.ALL);
        Tok t = peek();
        if (t.kind == Kind.RPAREN) {
            throw error(t.col, "unbalanced parenthesis: ')' has no matching '('");
        }
        if (t.kind != Kind.END) {
            throw error(t.col, "unexpected " + show(t));
        }
        return e;
    }

    private Expr parseOr(Scope scope) throws ThemeSyntaxException {
        List<Expr> parts = new ArrayList<>();
        parts.add(parseAnd(scope));
        while (peek().kind == Kind.OR) {
            Tok op = next();
            requireOperand(op);
            parts.add(parseAnd(scope));
        }
        return parts.size() == 1 ? parts.get(0) : new Expr.Or(parts);
    }

    private Expr parseAnd(Scope scope) throws ThemeSyntaxException {
        List<Expr> parts = new ArrayList<>();
        parts.add(parseNot(scope));
        while (true) {
            Tok t = peek();
            if (t.kind == Kind.AND) {
                next();
                requireOperand(t);
            } else if (!startsOperand(t)) {
                break;
            }
            parts.add(parseNot(scope));
        }
        return parts.size() == 1 ? parts.get(0) : new Expr.And(parts);
    }

    private Expr parseNot(Scope scope) throws ThemeSyntaxException {
        if (peek().kind == Kind.NOT) {
            Tok op = next();
            requireOperand(op);
            return new Expr.Not(parseNot(scope));
        }
        return parseNear(scope);
    }

    private Expr parseNear(Scope scope) throws ThemeSyntaxException {
        Tok first = peek();
        Expr left = parsePrimary(scope);
        while (peek().kind == Kind.NEAR) {
            Tok op = next();
            if (!isSpan(left)) {
                throw error(first.col, "NEAR joins words, phrases, prefixes, @lists, an OR of those in parentheses,"
                        + " or another NEAR; the left side here is not one of those");
            }
            requireOperand(op);
            Tok rightStart = peek();
            Expr right = parsePrimary(scope);
            if (!isSpan(right)) {
                throw error(rightStart.col, "NEAR joins words, phrases, prefixes, @lists, an OR of those in"
                        + " parentheses, or another NEAR; the right side here is not one of those");
            }
            left = new Expr.Near(left, right, op.number);
        }
        return left;
    }

    private Expr parsePrimary(Scope scope) throws ThemeSyntaxException {
        Tok t = next();
        switch (t.kind) {
            case LPAREN -> {
                if (peek().kind == Kind.RPAREN) {
                    throw error(t.col, "empty parentheses '()'");
                }
                Expr inner = parseOr(scope);
                Tok close = peek();
                if (close.kind != Kind.RPAREN) {
                    if (close.kind == Kind.END) {
                        throw error(t.col, "unbalanced parenthesis: '(' is never closed");
                    }
                    throw error(close.col, "expected ')' to close the '(' at column " + (baseColumn + t.col)
                            + " but found " + show(close));
                }
                next();
                return inner;
            }
            case SCOPE -> {
                Scope inner = scopeNamed(t);
                if (scope != Scope.ALL && inner != scope) {
                    throw error(t.col, "'" + t.text + ":' inside '" + scope.name().toLowerCase(Locale.ROOT)
                            + ":' can never match");
                }
                Tok after = peek();
                if (!startsPrimary(after)) {
                    throw error(after.kind == Kind.END ? t.col : after.col,
                            "'" + t.text + ":' must be followed by a word, phrase, @list or '(' without a space");
                }
                return parsePrimary(inner);
            }
            case WORD -> {
                return term(t, t.text, scope, false);
            }
            case PHRASE -> {
                return term(t, t.text, scope, true);
            }
            case LIST -> {
                List<Expr.Term> entries = lexicon.list(t.text);
                if (entries == null) {
                    throw error(t.col, "unknown list '@" + t.text + "'" + lexicon.namesHint());
                }
                List<Expr> scoped = new ArrayList<>(entries.size());
                for (Expr.Term e : entries) {
                    scoped.add(new Expr.Term(e.written(), e.parts(), scope));
                }
                return scoped.size() == 1 ? scoped.get(0) : new Expr.Or(scoped);
            }
            case END -> throw error(t.col, "the rule ends where a word, phrase, @list or '(' is expected");
            case RPAREN -> throw error(t.col, "unexpected ')' where a word, phrase, @list or '(' is expected");
            default -> throw error(t.col, "unexpected " + show(t) + " where a word, phrase, @list or '(' is expected");
        }
    }

    private Expr.Term term(Tok t, String raw, Scope scope, boolean phrase) throws ThemeSyntaxException {
        try {
            List<Expr.Part> parts = phrase ? TermSyntax.phrase(raw) : TermSyntax.word(raw);
            return new Expr.Term(phrase ? raw.strip().replaceAll("\\s+", " ") : raw, parts, scope);
        } catch (IllegalArgumentException e) {
            throw error(t.col, e.getMessage());
        }
    }

    private Scope scopeNamed(Tok t) throws ThemeSyntaxException {
        return switch (t.text) {
            case "title" -> Scope.TITLE;
            case "body" -> Scope.BODY;
            default -> throw error(t.col, "unknown field scope '" + t.text + ":' (use title: or body:)");
        };
    }

    private static boolean isSpan(Expr e) {
        if (e instanceof Expr.Term || e instanceof Expr.Near) {
            return true;
        }
        if (e instanceof Expr.Or or) {
            return or.children().stream().allMatch(RuleParser::isSpan);
        }
        return false;
    }

    private void requireOperand(Tok op) throws ThemeSyntaxException {
        Tok t = peek();
        if (!startsOperand(t)) {
            String what = op.kind == Kind.NEAR ? op.text : op.kind.name();
            if (t.kind == Kind.END) {
                throw error(op.col, what + " needs something after it");
            }
            throw error(t.col, "unexpected " + show(t) + " after " + what);
        }
    }

    private static boolean startsOperand(Tok t) {
        return t.kind == Kind.NOT || startsPrimary(t);
    }

    private static boolean startsPrimary(Tok t) {
        return switch (t.kind) {
            case LPAREN, SCOPE, PHRASE, LIST, WORD -> true;
            default -> false;
        };
    }

    private Tok peek() {
        return toks.get(pos);
    }

    private Tok next() {
        Tok t = toks.get(pos);
        if (t.kind != Kind.END) {
            pos++;
        }
        return t;
    }

    private static String show(Tok t) {
        return switch (t.kind) {
            case END -> "end of rule";
            case PHRASE -> "\"" + t.text + "\"";
            case LIST -> "'@" + t.text + "'";
            case SCOPE -> "'" + t.text + ":'";
            default -> "'" + t.text + "'";
        };
    }

    private ThemeSyntaxException error(int col, String problem) {
        return new ThemeSyntaxException(themeId, origin, line, baseColumn + col, problem);
    }

    private List<Tok> lex(String s) throws ThemeSyntaxException {
        List<Tok> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                out.add(new Tok(Kind.LPAREN, "(", i++, 0));
            } else if (c == ')') {
                out.add(new Tok(Kind.RPAREN, ")", i++, 0));
            } else if (c == '"' || c == '\u201C' || c == '\u201D') {
                int close = i + 1;
                while (close < n && s.charAt(close) != '"' && s.charAt(close) != '\u201D'
                        && s.charAt(close) != '\u201C') {
                    close++;
                }
                if (close >= n) {
                    throw error(i, "unclosed quote: the phrase starting here has no closing '\"'");
                }
                String inner = s.substring(i + 1, close);
                if (inner.isBlank()) {
                    throw error(i, "empty phrase \"\"");
                }
                out.add(new Tok(Kind.PHRASE, inner, i, 0));
                i = close + 1;
            } else if (c == '@') {
                int j = i + 1;
                while (j < n && isListNameChar(s.charAt(j))) {
                    j++;
                }
                if (j == i + 1) {
                    throw error(i, "'@' must be followed by a lexicon list name, as in '@russia'");
                }
                out.add(new Tok(Kind.LIST, s.substring(i + 1, j), i, 0));
                i = j;
            } else {
                int j = i;
                while (j < n && !Character.isWhitespace(s.charAt(j)) && "()\"\u201C\u201D".indexOf(s.charAt(j)) < 0) {
                    j++;
                }
                lexRun(s.substring(i, j), i, out);
                i = j;
            }
        }
        out.add(new Tok(Kind.END, "", n, 0));
        return out;
    }

    private void lexRun(String run, int col, List<Tok> out) throws ThemeSyntaxException {
        int colon = run.indexOf(':');
        if (colon == 0) {
            throw error(col, "unexpected ':' (a field scope reads title: or body:)");
        }
        if (colon > 0) {
            String name = run.substring(0, colon);
            Tok scope = new Tok(Kind.SCOPE, name, col, 0);
            scopeNamed(scope);
            out.add(scope);
            String rest = run.substring(colon + 1);
            if (!rest.isEmpty()) {
                lexRun(rest, col + colon + 1, out);
            }
            return;
        }
        switch (run) {
            case "AND" -> out.add(new Tok(Kind.AND, run, col, 0));
            case "OR" -> out.add(new Tok(Kind.OR, run, col, 0));
            case "NOT" -> out.add(new Tok(Kind.NOT, run, col, 0));
            case "NEAR" -> out.add(new Tok(Kind.NEAR, run, col, DEFAULT_NEAR));
            default -> {
                if (run.startsWith("NEAR/")) {
                    out.add(new Tok(Kind.NEAR, run, col, nearDistance(run, col)));
                } else if (run.length() > 1 && run.startsWith("@")
                        && run.substring(1).chars().allMatch(ch -> isListNameChar((char) ch))) {
                    out.add(new Tok(Kind.LIST, run.substring(1), col, 0));
                } else if (run.startsWith("@")) {
                    throw error(col, "'" + run + "' is not a list name (letters, digits and '-')");
                } else {
                    String lower = run.toLowerCase(Locale.ROOT);
                    if (lower.equals("and") || lower.equals("or") || lower.equals("not") || lower.equals("near")
                            || lower.startsWith("near/")) {
                        throw error(col, "operators are upper-case: write " + run.toUpperCase(Locale.ROOT)
                                + ", or \"" + run + "\" in quotes to match the word");
                    }
                    out.add(new Tok(Kind.WORD, run, col, 0));
                }
            }
        }
    }

    private int nearDistance(String run, int col) throws ThemeSyntaxException {
        String digits = run.substring(5);
        if (digits.isEmpty() || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '9') || digits.length() > 6) {
            throw error(col, "'" + run + "': NEAR/ must be followed by a number of tokens, as in NEAR/5");
        }
        int n = Integer.parseInt(digits);
        if (n < 1) {
            throw error(col, "NEAR/0: the distance must be at least 1 (adjacent words are 1 apart)");
        }
        if (n > MAX_NEAR) {
            throw error(col, run + ": the distance must be at most " + MAX_NEAR);
        }
        return n;
    }

    private static boolean isListNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || (c >= 'A' && c <= 'Z');
    }
}
