/**
 * Retention (RGPD): what Sésame stores is kept only as long as it serves, then a nightly purge removes it,
 * kind by kind, in batches, on one server of a farm.
 */
package fr.sesame.retention;
