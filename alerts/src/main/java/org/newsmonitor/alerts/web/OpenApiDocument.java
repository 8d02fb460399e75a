package org.newsmonitor.alerts.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The OpenAPI 3.1 description of the HTTP API, served at {@code GET /openapi.json}. It is kept by hand in
 * {@code src/main/resources/openapi.json} next to the routes of {@link AlertsApp}; a test checks that every route
 * registered in the app is described there and nothing else is.
 */
public final class OpenApiDocument {
    /** Where the document lives on the classpath. */
    public static final String RESOURCE = "/openapi.json";
    private static final String TEXT = load();

    private OpenApiDocument() {
    }

    /** The document as JSON text; never null. */
    public static String text() {
        return TEXT;
    }

    private static String load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The OpenAPI document " + RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the OpenAPI document " + RESOURCE, e);
        }
    }
}
