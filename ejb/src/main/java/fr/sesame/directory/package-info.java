/**
 * The academy directory (LDAP), Sésame's source of truth for identities: one port, {@link fr.sesame.directory.Directory},
 * and its adapter on the UnboundID LDAP SDK.
 */
package fr.sesame.directory;
