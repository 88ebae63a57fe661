/** "Mon compte" › double authentification: enrol an authenticator app, recovery codes, turn it off. */
package fr.sesame.secondfactor;
