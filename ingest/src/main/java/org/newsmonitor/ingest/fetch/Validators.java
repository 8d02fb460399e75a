package org.newsmonitor.ingest.fetch;

/**
 * HTTP cache validators of a feed, sent back as If-None-Match and If-Modified-Since.
 *
 * @param etag         the ETag, verbatim; may be null
 * @param lastModified the Last-Modified value, verbatim; may be null
 */
public record Validators(String etag, String lastModified) {
    /** No validators: an unconditional GET. */
    public static final Validators NONE = new Validators(null, null);

    public Validators {
        etag = etag == null || etag.isBlank() ? null : etag.strip();
        lastModified = lastModified == null || lastModified.isBlank() ? null : lastModified.strip();
    }
}
