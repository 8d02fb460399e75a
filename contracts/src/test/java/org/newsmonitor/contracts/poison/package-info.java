/**
 * Hostile record values for testing readers of the monitor's topics: see
 * {@link org.newsmonitor.contracts.poison.PoisonRecords}.
 */
package org.newsmonitor.contracts.poison;
