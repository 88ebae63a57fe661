/** The password pages: the change of a logged-in agent and the forgotten password. */
package fr.sesame.password;
