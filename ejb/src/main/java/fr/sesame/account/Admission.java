package fr.sesame.account;

/**
 * The outcome of a login the directory accepted, with the identifiant behind what was typed (the
 * academic address and the identifiant open the same account).
 *
 * @param identifiant null when the directory could not say
 */
public record Admission(LoginAdmission outcome, String identifiant) {
}
