/**
 * The polling benchmark behind {@code monitor bench polling}: simulated feeds with realistic publication patterns
 * ({@link org.newsmonitor.cli.bench.polling.PublicationModel}) polled in virtual time
 * ({@link org.newsmonitor.cli.bench.polling.PollingSimulation}) with the ingester's own polling policy and host budget,
 * fixed 15-minute polling against adaptive polling.
 */
package org.newsmonitor.cli.bench.polling;
