package org.newsmonitor.ingest.replay;

import org.newsmonitor.ingest.normalize.MappedArticle;

/** Receives what an archive reader finds. */
public interface ArchiveSink {
    /** An article read from the archive. */
    void article(MappedArticle article);

    /**
     * One record of an archive (a JSON line, a WARC record) that could not be read; the rest of the file is read.
     *
     * @param failure where (file and line or record number) and why; never null
     * @param record  the record as found, for the dead-letter topic; may be null when too large to keep
     */
    void unreadable(ReplayFailure failure, byte[] record);

    /** A whole file that could not be read. */
    void failure(ReplayFailure failure);
}
