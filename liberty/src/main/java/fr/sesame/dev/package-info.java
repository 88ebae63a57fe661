/**
 * The embedded run's stand-ins for the académie's directory and mail relay: a real LDAP server
 * (UnboundID) and a real SMTP/IMAP server (GreenMail). Dev and test only: never in the EAR.
 */
package fr.sesame.dev;
