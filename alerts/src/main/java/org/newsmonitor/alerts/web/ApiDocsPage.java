package org.newsmonitor.alerts.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The page at {@code GET /api-docs}: Swagger UI, served from its WebJar under {@code /webjars/swagger-ui/VERSION/},
 * showing {@code /openapi.json}. The version is read from the WebJar itself, so upgrading it is a change of the pom
 * only.
 */
final class ApiDocsPage {
    /** The dashboard's policy, plus the data: images of Swagger UI's stylesheet. */
    static final String CONTENT_SECURITY_POLICY = AlertsApp.CONTENT_SECURITY_POLICY.replace("img-src 'self'",
            "img-src 'self' data:");
    private static final String POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final String HTML = page(version());

    private ApiDocsPage() {
    }

    /** The page; never null. */
    static String html() {
        return HTML;
    }

    private static String version() {
        try (InputStream in = ApiDocsPage.class.getResourceAsStream(POM)) {
            if (in == null) {
                throw new IllegalStateException("The swagger-ui WebJar is missing from the classpath (" + POM + ")");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + POM, e);
        }
    }

    private static String page(String version) {
        String base = "/webjars/swagger-ui/" + version + "/";
        return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>News monitor API</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + base + "swagger-ui.css\">\n</head>\n<body>\n"
                + "<div id=\"swagger-ui\"></div>\n"
                + "<script src=\"" + base + "swagger-ui-bundle.js\"></script>\n"
                + "<script src=\"/api-docs.js\"></script>\n</body>\n</html>\n";
    }
}
