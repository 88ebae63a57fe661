package fr.sesame.password;

/**
 * What a password is checked against besides itself: the agent's own identifiant and names, which
 * anyone who knows the agent would try first. Any of them may be null when unknown.
 */
public record PasswordContext(String identifiant, String givenName, String surname) {
}
