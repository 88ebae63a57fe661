/** Mail: the SMTP server reached through the Liberty mail session {@code mail/sesame}. */
package fr.sesame.mail;
