/**
 * What ops read on Liberty's {@code /metrics} beside the JVM's figures: counters of what happened, fed by the
 * features' events once their transactions commit, and gauges of the outbox and the directory, refreshed by
 * a timer so that a scrape never reaches the database or the directory.
 */
package fr.sesame.metrics;
