/** Invitations and activation: from the HR file to a working mailbox password. */
package fr.sesame.activation;
