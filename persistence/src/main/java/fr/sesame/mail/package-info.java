/** The outbox: every e-mail and SMS Sésame sends, with its delivery state. */
package fr.sesame.mail;
