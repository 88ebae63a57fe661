/**
 * Departures: agents whose assignment ends on a date the HR file gives, and where each one's
 * departure stands (told, account closed, out of Sésame's groups).
 */
package fr.sesame.departure;
