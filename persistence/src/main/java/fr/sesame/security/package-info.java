/** The audit trail: security-relevant events, written once and kept. */
package fr.sesame.security;
