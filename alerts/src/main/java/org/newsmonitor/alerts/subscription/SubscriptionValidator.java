package org.newsmonitor.alerts.subscription;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.Optional;
import org.newsmonitor.alerts.delivery.NtfyFormat;
import org.newsmonitor.alerts.delivery.TelegramFormat;
import org.newsmonitor.contracts.event.TelegramChat;
import org.newsmonitor.outbound.BlockedAddressException;
import org.newsmonitor.outbound.SsrfGuard;
import org.newsmonitor.themes.Lexicon;
import org.newsmonitor.themes.Query;
import org.newsmonitor.themes.QueryException;
import org.newsmonitor.themes.ThemeFiles;

/**
 * Checks the values of a subscription request: known themes, sane filters, safe webhook, ntfy and Slack URLs, a
 * well-formed Telegram bot token and chat id, valid e-mail.
 */
public final class SubscriptionValidator {
    static final int MAX_NAME = 200;
    static final int MAX_LIST = 100;
    static final int MAX_URL = 2048;
    static final int MAX_EMAIL = 254;
    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 256;
    static final double MAX_SCORE = 1000;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}]");

    private final ThemeCatalog themes;
    private final SsrfGuard ssrf;
    private final boolean emailConfigured;
    private final Lexicon lexicon = ThemeFiles.bundledLexicon();

    /**
     * @param themes          the themes a subscription may name
     * @param ssrf            refuses webhook URLs that reach internal addresses
     * @param emailConfigured whether an SMTP server is configured; without one, e-mail subscriptions are refused
     */
    public SubscriptionValidator(ThemeCatalog themes, SsrfGuard ssrf, boolean emailConfigured) {
        this.themes = themes;
        this.ssrf = ssrf;
        this.emailConfigured = emailConfigured;
    }

    /**
     * Every problem with the request's values; empty when it is acceptable.
     *
     * @param request the parsed request
     * @return field errors, in field order; never null
     */
    public List<FieldError> problems(SubscriptionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.name() != null && (request.name().length() > MAX_NAME || CONTROL.matcher(request.name()).find())) {
            errors.add(new FieldError("name", "must be at most " + MAX_NAME + " characters without control characters"));
        }
        checkThemes(request.themes(), errors);
        if (request.query() != null) {
            checkQuery(request.query(), errors);
        }
        if (request.minScore() != null && (request.minScore().isNaN() || request.minScore() < 0
                || request.minScore() > MAX_SCORE)) {
            errors.add(new FieldError("minScore", "must be between 0 and " + (int) MAX_SCORE));
        }
        checkList("languages", request.languages(), errors, v -> LANGUAGE.matcher(v).matches(),
                "must be language codes such as 'en', 'ru', 'zh' or 'zh-Hans'");
        checkList("sources", request.sources(), errors, v -> !v.isBlank() && v.length() <= MAX_NAME
                && !CONTROL.matcher(v).find(), "must be source names of 1 to " + MAX_NAME + " characters");
        checkWebhook(request, errors);
        checkChats(request, errors);
        if (request.email() != null) {
            checkEmail(request.email(), errors);
        }
        if (request.email() != null && !emailConfigured) {
            errors.add(new FieldError("email", "cannot be delivered: no SMTP server is configured (the operator sets "
                    + "MONITOR_SMTP_HOST and related variables); use a webhookUrl or the live stream instead"));
        }
        return errors;
    }

    private void checkThemes(List<String> ids, List<FieldError> errors) {
        if (ids == null) {
            return;
        }
        if (ids.size() > MAX_LIST) {
            errors.add(new FieldError("themes", "must name at most " + MAX_LIST + " themes"));
            return;
        }
        List<String> unknown = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            if (!id.equals("*") && !themes.contains(id)) {
                unknown.add(SubscriptionRequestParser.abbreviate(id));
            }
        }
        if (!unknown.isEmpty()) {
            errors.add(new FieldError("themes", "unknown theme(s): " + String.join(", ", unknown)
                    + " (GET /themes lists the known ones)"));
        }
    }

    // the stream service matches queries against the bundled lexicon too
    private void checkQuery(String query, List<FieldError> errors) {
        try {
            Query.parse(query, lexicon);
        } catch (QueryException e) {
            errors.add(new FieldError("query", unusableQuery(e)));
        }
    }

    /** How a refused query is explained, for a subscription's {@code query} and for {@code /search?q=} alike. */
    public static String unusableQuery(QueryException e) {
        return "is not a usable query: " + e.getMessage();
    }

    private static void checkList(String field, List<String> values, List<FieldError> errors,
            java.util.function.Predicate<String> valid, String message) {
        if (values == null) {
            return;
        }
        if (values.size() > MAX_LIST) {
            errors.add(new FieldError(field, "must have at most " + MAX_LIST + " entries"));
            return;
        }
        for (String v : values) {
            if (!valid.test(v)) {
                errors.add(new FieldError(field, message + "; '" + SubscriptionRequestParser.abbreviate(v)
                        + "' is not"));
                return;
            }
        }
    }

    private void checkWebhook(SubscriptionRequest request, List<FieldError> errors) {
        String secret = request.webhookSecret();
        if (secret != null && (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET
                || CONTROL.matcher(secret).find())) {
            errors.add(new FieldError("webhookSecret", "must be " + MIN_SECRET + " to " + MAX_SECRET
                    + " printable characters"));
        }
        String url = request.webhookUrl();
        if (url == null) {
            if (secret != null) {
                errors.add(new FieldError("webhookSecret", "needs a webhookUrl"));
            }
            return;
        }
        checkUrl("webhookUrl", url, errors);
    }

    private void checkChats(SubscriptionRequest request, List<FieldError> errors) {
        if (request.ntfy() != null) {
            URI uri = checkUrl("ntfy", request.ntfy(), errors);
            if (uri != null && NtfyFormat.topic(uri).isEmpty()) {
                errors.add(new FieldError("ntfy", "must be a topic URL such as https://ntfy.sh/mytopic: the last path "
                        + "segment is the topic, 1 to 64 letters, digits, '_' or '-', with no query"));
            }
        }
        if (request.slack() != null) {
            checkUrl("slack", request.slack(), errors);
        }
        TelegramChat telegram = request.telegram();
        if (telegram != null) {
            if (!TelegramFormat.validToken(telegram.botToken())) {
                errors.add(new FieldError("telegram.botToken", "must be a bot token as BotFather gives it, "
                        + "'<bot id>:<secret>' (digits, ':', then 20 to 100 letters, digits, '_' or '-')"));
            }
            if (!TelegramFormat.validChatId(telegram.chatId())) {
                errors.add(new FieldError("telegram.chatId", "must be a numeric chat id (negative for groups) or "
                        + "'@channelname', was '" + SubscriptionRequestParser.abbreviate(telegram.chatId()) + "'"));
            }
        }
    }

    /**
     * Checks a URL that alerts will be POSTed to: absolute http(s), a host the client can dial, no user
     * information or fragment, not an internal address.
     *
     * @return the URL, or null after adding the error
     */
    private URI checkUrl(String field, String url, List<FieldError> errors) {
        if (url.length() > MAX_URL) {
            errors.add(new FieldError(field, "must be at most " + MAX_URL + " characters"));
            return null;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            errors.add(new FieldError(field, "is not a valid URL: " + e.getReason()));
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            errors.add(new FieldError(field, "must be an absolute http or https URL"));
            return null;
        }
        if (uri.getRawUserInfo() != null) {
            errors.add(new FieldError(field, "must not contain user information"));
            return null;
        }
        String host = SsrfGuard.host(uri);
        if (host == null || host.isBlank()) {
            errors.add(new FieldError(field, "must name a host"));
            return null;
        }
        if (uri.getRawFragment() != null) {
            errors.add(new FieldError(field, "must not have a fragment"));
            return null;
        }
        try {
            ssrf.checkRegistration(uri);
        } catch (BlockedAddressException e) {
            errors.add(new FieldError(field, "is refused: " + e.getMessage() + "; the operator can allow "
                    + "internal addresses with MONITOR_SSRF_ALLOW (addr, addr:port or CIDR, comma-separated)"));
            return null;
        }
        Optional<String> undiallable = WebhookUrls.undiallableReason(uri);
        if (undiallable.isPresent()) {
            errors.add(new FieldError(field, "cannot be dialled by the HTTP client: " + undiallable.get()));
            return null;
        }
        return uri;
    }

    private static void checkEmail(String email, List<FieldError> errors) {
        if (email.length() > MAX_EMAIL || CONTROL.matcher(email).find()) {
            errors.add(new FieldError("email", "must be an e-mail address of at most " + MAX_EMAIL
                    + " characters without control characters"));
            return;
        }
        try {
            InternetAddress address = new InternetAddress(email, true);
            address.validate();
            String plain = address.getAddress();
            int at = plain.indexOf('@');
            if (!plain.equals(email.strip()) || at < 1 || plain.indexOf('.', at) < 0 || plain.endsWith(".")) {
                throw new AddressException("expected a plain address like name@example.org");
            }
        } catch (AddressException e) {
            errors.add(new FieldError("email", "is not a valid e-mail address: " + e.getMessage()));
        }
    }
}
