/**
 * Departures: the HR file's end dates recorded at import ({@link fr.sesame.departure.Departures}), and
 * the nightly run ({@link fr.sesame.departure.DepartureRun}, on the persistent timer of
 * {@link fr.sesame.departure.DepartureSchedule}) that tells each agent beforehand, closes the account the
 * night after the last day (directory state {@code departed} and the directory's lock, links dead,
 * sessions ended) and, after the retention, takes it out of Sésame's groups. No entry is ever deleted.
 */
package fr.sesame.departure;
