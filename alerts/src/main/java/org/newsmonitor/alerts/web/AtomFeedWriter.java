package org.newsmonitor.alerts.web;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.MatchedTerm;
import org.newsmonitor.contracts.event.SubscriptionEvent;

/**
 * Writes a subscription's recent alerts as an Atom 1.0 feed (RFC 4287) with Rome. Each entry: id
 * "urn:news-monitor:alert:{alertId}" (stable, so readers never show an alert twice), the article title and link, the
 * source as author, the publication time, {@code updated} = when the alert was made, the theme and each matched term
 * as categories (schemes {@value #THEME_SCHEME} and {@value #TERM_SCHEME}), and a summary naming source, theme, terms
 * and the snippet. Pure.
 */
public final class AtomFeedWriter {
    /** Category scheme of the theme of an entry. */
    public static final String THEME_SCHEME = "urn:news-monitor:theme";
    /** Category scheme of a matched term of an entry. */
    public static final String TERM_SCHEME = "urn:news-monitor:term";
    /** Characters XML 1.0 cannot carry; removed from every text. */
    private static final Pattern NOT_XML = Pattern.compile(
            "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])"
                    + "|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]");

    private AtomFeedWriter() {
    }

    /**
     * The feed document.
     *
     * @param subscription whose alerts these are
     * @param alerts       newest first
     * @param selfUrl      the feed's own URL, without any token
     * @return Atom XML; never null
     */
    public static String write(SubscriptionEvent subscription, List<AlertEvent> alerts, String selfUrl) {
        Feed feed = new Feed("atom_1.0");
        feed.setId("urn:news-monitor:subscription:" + subscription.id());
        feed.setTitle(xml("News monitor: " + subscription.name()));
        feed.setAuthors(List.of(person("news monitor")));
        feed.setOtherLinks(List.of(link("self", selfUrl, "application/atom+xml")));
        Instant updated = alerts.stream().map(AlertEvent::createdAt).max(Instant::compareTo)
                .orElse(subscription.updatedAt());
        feed.setUpdated(Date.from(updated));
        List<Entry> entries = new ArrayList<>();
        for (AlertEvent a : alerts) {
            entries.add(entry(a));
        }
        feed.setEntries(entries);
        try {
            return new WireFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("Cannot write the Atom feed of " + subscription.id() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Entry entry(AlertEvent a) {
        Entry e = new Entry();
        e.setId("urn:news-monitor:alert:" + a.alertId());
        String title = xml(a.title()).strip();
        e.setTitle(title.isEmpty() ? "(untitled)" : title);
        if (a.url() != null) {
            e.setAlternateLinks(List.of(link("alternate", a.url(), "text/html")));
        }
        e.setAuthors(List.of(person(a.source() == null ? "news monitor" : xml(a.source()))));
        e.setPublished(Date.from(a.publishedAt()));
        e.setUpdated(Date.from(a.createdAt()));
        List<Category> categories = new ArrayList<>();
        categories.add(category(THEME_SCHEME, a.themeId(), a.themeTitle()));
        Set<String> terms = new LinkedHashSet<>();
        for (MatchedTerm t : a.terms()) {
            terms.add(xml(t.term()));
        }
        terms.forEach(t -> categories.add(category(TERM_SCHEME, t, t)));
        e.setCategories(categories);
        Content summary = new Content();
        summary.setType(Content.TEXT);
        StringBuilder text = new StringBuilder();
        if (a.source() != null) {
            text.append("Source: ").append(a.source()).append('\n');
        }
        text.append("Theme: ").append(a.themeTitle()).append('\n');
        if (!terms.isEmpty()) {
            text.append("Matched: ").append(String.join(", ", terms)).append('\n');
        }
        if (!a.snippet().isBlank()) {
            text.append('\n').append(a.snippet());
        }
        summary.setValue(xml(text.toString()));
        e.setSummary(summary);
        return e;
    }

    private static Category category(String scheme, String term, String label) {
        Category c = new Category();
        c.setScheme(scheme);
        c.setTerm(xml(term));
        c.setLabel(xml(label));
        return c;
    }

    private static Link link(String rel, String href, String type) {
        Link l = new Link();
        l.setRel(rel);
        l.setHref(xml(href));
        l.setType(type);
        return l;
    }

    private static SyndPerson person(String name) {
        Person p = new Person();
        p.setName(name);
        return p;
    }

    private static String xml(String s) {
        return s == null ? "" : NOT_XML.matcher(s).replaceAll("");
    }
}
