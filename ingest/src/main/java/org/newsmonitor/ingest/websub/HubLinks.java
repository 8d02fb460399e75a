package org.newsmonitor.ingest.websub;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a feed says it is pushed from: its hubs and its own topic URL, from HTTP {@code Link} headers (which take
 * precedence, as WebSub discovery says) and from the document's {@code rel="hub"} / {@code rel="self"} links. Pure.
 *
 * @param hubs  absolute http(s) hub URLs, headers first; never null
 * @param self  the topic URL to subscribe to; never null
 */
public record HubLinks(List<URI> hubs, URI self) {

    /** Repeated hubs are dropped (the first kept); {@link URI#equals} compares scheme and host case-insensitively. */
    public HubLinks {
        hubs = List.copyOf(new LinkedHashSet<>(hubs));
    }

    /**
     * The hubs and topic of a fetched feed.
     *
     * @param linkHeaders  values of the response's Link headers; never null
     * @param documentHubs hub URLs from the document; never null
     * @param documentSelf the document's self link; may be null
     * @param fetchedFrom  the URL the feed was read from: the topic when nothing names one
     * @return the links; {@link #hubs()} is empty when nothing advertises a hub
     */
    public static HubLinks of(List<String> linkHeaders, List<String> documentHubs, String documentSelf,
            URI fetchedFrom) {
        Set<URI> hubs = new LinkedHashSet<>();
        URI self = null;
        for (String header : linkHeaders) {
            for (Link link : parseHeader(header)) {
                URI target = absolute(link.target(), fetchedFrom);
                if (target == null) {
                    continue;
                }
                if (link.rels().contains("hub")) {
                    hubs.add(target);
                }
                if (link.rels().contains("self") && self == null) {
                    self = target;
                }
            }
        }
        for (String hub : documentHubs) {
            URI target = absolute(hub, fetchedFrom);
            if (target != null) {
                hubs.add(target);
            }
        }
        if (self == null && documentSelf != null) {
            self = absolute(documentSelf, fetchedFrom);
        }
        return new HubLinks(new ArrayList<>(hubs), self == null ? fetchedFrom : self);
    }

    /** One link of a Link header: its target and its relation types, lower-case. */
    record Link(String target, List<String> rels) {
    }

    /**
     * The links of one {@code Link} header value (RFC 8288): {@code <url>; rel="hub self", <url>; rel=self}. Links
     * without a target in angle brackets are skipped; unknown parameters are ignored.
     */
    static List<Link> parseHeader(String value) {
        List<Link> out = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            int open = value.indexOf('<', i);
            if (open < 0) {
                break;
            }
            int close = value.indexOf('>', open + 1);
            if (close < 0) {
                break;
            }
            String target = value.substring(open + 1, close).strip();
            List<String> rels = new ArrayList<>();
            i = close + 1;
            while (i < n && value.charAt(i) != ',') {
                if (value.charAt(i) != ';') {
                    i++;
                    continue;
                }
                int nameStart = i + 1;
                int eq = nameStart;
                while (eq < n && value.charAt(eq) != '=' && value.charAt(eq) != ';' && value.charAt(eq) != ',') {
                    eq++;
                }
                String name = value.substring(nameStart, eq).strip().toLowerCase(Locale.ROOT);
                if (eq >= n || value.charAt(eq) != '=') {
                    i = eq;
                    continue;
                }
                int valueStart = eq + 1;
                while (valueStart < n && value.charAt(valueStart) == ' ') {
                    valueStart++;
                }
                String parameter;
                if (valueStart < n && value.charAt(valueStart) == '"') {
                    int endQuote = value.indexOf('"', valueStart + 1);
                    endQuote = endQuote < 0 ? n : endQuote;
                    parameter = value.substring(valueStart + 1, endQuote);
                    i = Math.min(n, endQuote + 1);
                } else {
                    int end = valueStart;
                    while (end < n && value.charAt(end) != ';' && value.charAt(end) != ',') {
                        end++;
                    }
                    parameter = value.substring(valueStart, end).strip();
                    i = end;
                }
                if (name.equals("rel")) {
                    for (String rel : parameter.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
                        if (!rel.isEmpty()) {
                            rels.add(rel);
                        }
                    }
                }
            }
            if (!target.isEmpty()) {
                out.add(new Link(target, List.copyOf(rels)));
            }
            i++;
        }
        return out;
    }

    private static URI absolute(String target, URI base) {
        try {
            URI uri = URI.create(target.strip().replace(" ", "%20"));
            URI resolved = uri.isAbsolute() || base == null ? uri : base.resolve(uri);
            String scheme = resolved.getScheme();
            return scheme != null && scheme.matches("(?i)https?") && resolved.getHost() != null ? resolved : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
