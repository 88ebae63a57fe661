/**
 * The administrators' figures: activations, passwords about to expire, tickets, the outbox and lock-outs,
 * counted by the database over bounded periods cut at midnight in the académie's time zone.
 */
package fr.sesame.dashboard;
