/** The hotline's view of the outbox. */
package fr.sesame.mail;
