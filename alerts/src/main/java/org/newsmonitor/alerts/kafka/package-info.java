/**
 * Kafka plumbing of the alerts service outside the Streams topology: one producer for every topic it writes
 * ({@link org.newsmonitor.alerts.kafka.TopicWriter}), dead letters, and one consumer that follows the topics the
 * service materialises in memory ({@link org.newsmonitor.alerts.kafka.TopicFollower}).
 */
package org.newsmonitor.alerts.kafka;
