/** What every feature stands on: the database schema, the clock. */
package fr.sesame.platform;
