package org.newsmonitor.ingest.replay;

import org.newsmonitor.ingest.normalize.MappedArticle;

/** Receives what an archive reader finds. */
interface ArchiveSink {
    /** An article read from the archive. */
    void article(MappedArticle article);

    /** A file or record that could not be read. */
    void failure(ReplayFailure failure);
}
