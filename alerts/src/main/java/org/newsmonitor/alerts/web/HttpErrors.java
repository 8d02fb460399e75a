package org.newsmonitor.alerts.web;

import io.javalin.http.HttpResponseException;

/**
 * Javalin's own refusals (no such route, method not allowed, body too large, ...) as {@link ApiError}s, so that they
 * have the same shape as every other error. Pure.
 */
final class HttpErrors {
    private HttpErrors() {
    }

    /**
     * The error for a refusal of {@code method path}.
     *
     * @param e the refusal Javalin raised
     * @return the error to answer; never null
     */
    static ApiError of(HttpResponseException e, String method, String path) {
        int status = e.getStatus();
        return switch (status) {
            case 404 -> new ApiError(404, "path", "no route " + method + " " + shown(path)
                    + " (GET /openapi.json describes the API)");
            case 405 -> new ApiError(405, "method", method + " is not allowed on " + shown(path)
                    + allowed(e));
            case 413 -> new ApiError(413, "body", "is too large");
            default -> new ApiError(status, "request", e.getMessage() == null || e.getMessage().isBlank()
                    ? "refused (HTTP " + status + ")" : e.getMessage());
        };
    }

    private static String allowed(HttpResponseException e) {
        Object methods = e.getDetails().get("availableMethods");
        return methods == null ? "" : "; allowed: " + methods;
    }

    private static String shown(String path) {
        return path.length() <= 200 ? path : path.substring(0, 200) + "...";
    }
}
