package org.newsmonitor.ingest.fulltext;

/**
 * The result of fetching one article page.
 *
 * @param outcome what happened; never null
 * @param text    the page's main text when {@code outcome} is {@link PageOutcome#PAGE}; null otherwise
 * @param detail  one line for the log (the URL and the reason); never null
 */
public record PageResult(PageOutcome outcome, String text, String detail) {

    static PageResult page(String text, String detail) {
        return new PageResult(PageOutcome.PAGE, text, detail);
    }

    static PageResult failed(PageOutcome outcome, String detail) {
        return new PageResult(outcome, null, detail);
    }
}
