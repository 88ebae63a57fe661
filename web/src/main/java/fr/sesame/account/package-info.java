/** "Mon compte": the logged-in agent's own page. */
package fr.sesame.account;
