package org.newsmonitor.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.Expr;
import org.newsmonitor.themes.Lexicon;
import org.newsmonitor.themes.Query;
import org.newsmonitor.themes.QueryException;

/**
 * Generated subscriptions' private queries, compiled as the stream service compiles them ({@link Query#parse},
 * then {@link Query#toTheme}): one short rule each about an entity combined with a topic, the kind of
 * alert a reader sets up ("Gazprom NEAR/5 pipeline"). The entity is an invented name (70%) or a catalog phrase
 * (30%: two or more words, or four or more Chinese characters); the topic is a neutral news word (40%), any catalog term
 * (30%) or an invented name (30%). Rule shapes: entity AND topic, entity NEAR/5 topic, title:entity OR (entity AND topic), entity AND NOT topic,
 * (entity OR entity) AND @china, entity NEAR/10 (topic OR @russia).
 */
final class SubscriptionRules {

    private SubscriptionRules() {
    }

    /** {@code count} one-rule themes written in the rule language and compiled against {@code lexicon}. */
    static List<CompiledTheme> generate(int count, long seed, List<Expr.Term> themeTerms, List<String> names,
            Lexicon lexicon) {
        Random random = new Random(seed);
        List<String> terms = themeTerms.stream().map(SubscriptionRules::written).toList();
        List<String> specific = themeTerms.stream()
                .filter(SubscriptionRules::isSpecific)
                .map(SubscriptionRules::written).toList();
        List<String> topics = Vocabulary.ENGLISH.stream().skip(40)
                .filter(w -> !List.of("and", "or", "not", "near").contains(w)).toList();
        List<CompiledTheme> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String entity = entity(random, names, specific);
            int pick = random.nextInt(10);
            String topic = pick < 4 ? topics.get(random.nextInt(topics.size()))
                    : pick < 7 ? terms.get(random.nextInt(terms.size()))
                    : names.get(random.nextInt(names.size()));
            String rule = switch (random.nextInt(6)) {
                case 0 -> entity + " AND " + topic;
                case 1 -> entity + " NEAR/5 " + topic;
                case 2 -> "title:" + entity + " OR (" + entity + " AND " + topic + ")";
                case 3 -> entity + " AND NOT " + topic;
                case 4 -> "(" + entity + " OR " + entity(random, names, specific) + ") AND @china";
                default -> entity + " NEAR/10 (" + topic + " OR @russia)";
            };
            String id = String.format("sub-%05d", i);
            try {
                // as the stream service compiles a subscription's private query
                out.add(Query.parse(rule, lexicon).toTheme(id, "Subscription " + i));
            } catch (QueryException e) {
                throw new IllegalStateException("generated query '" + rule + "' is refused: " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static String entity(Random random, List<String> names, List<String> specific) {
        return random.nextInt(10) < 7 ? names.get(random.nextInt(names.size()))
                : specific.get(random.nextInt(specific.size()));
    }

    // phrases name things ("power of siberia", "arctic lng"); single catalog words are often generic ("railway")
    private static boolean isSpecific(Expr.Term t) {
        boolean cjk = Character.UnicodeScript.of(t.parts().get(0).text().codePointAt(0)) == Character.UnicodeScript.HAN;
        return t.parts().size() >= (cjk ? 4 : 2);
    }

    // a term in rule syntax: phrases quoted, prefixes with '*'
    private static String written(Expr.Term t) {
        StringBuilder sb = new StringBuilder();
        for (Expr.Part p : t.parts()) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(p.text()).append(p.prefix() ? "*" : "");
        }
        return t.parts().size() > 1 ? "\"" + sb + "\"" : sb.toString();
    }
}
