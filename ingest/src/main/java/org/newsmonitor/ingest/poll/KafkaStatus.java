package org.newsmonitor.ingest.poll;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whether Kafka took the last batch; logs one line when it goes away and one when it comes back. */
public final class KafkaStatus {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaStatus.class);
    private boolean down;
    private String reason;

    /** Records a failure; logs it when Kafka was fine until now. */
    public synchronized void down(String why) {
        if (!down) {
            LOG.warn("{}; new articles are held back and fetched again once Kafka is reachable", why);
        }
        down = true;
        reason = why;
    }

    /** Records a success; logs the recovery after an outage. */
    public synchronized void up() {
        if (down) {
            LOG.info("Kafka is reachable again; publishing resumes");
        }
        down = false;
        reason = null;
    }

    /** True while the last attempt failed. */
    public synchronized boolean isDown() {
        return down;
    }

    /** The last failure; null when up. */
    public synchronized String reason() {
        return reason;
    }
}
