/**
 * The polling benchmark behind {@code monitor bench polling}: simulated feeds with realistic publication patterns
 * ({@link org.newsmonitor.benchmarks.polling.PublicationModel}) polled in virtual time
 * ({@link org.newsmonitor.benchmarks.polling.PollingSimulation}) with the ingester's own polling policy and host budget,
 * fixed 15-minute polling against adaptive polling.
 */
package org.newsmonitor.benchmarks.polling;
