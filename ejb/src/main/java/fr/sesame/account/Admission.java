package fr.sesame.account;

/**
 * The outcome of a login the directory accepted, with the identifiant behind what was typed (the
 * academic address and the identifiant open the same account).
 *
 * @param identifiant null when the directory could not say
 * @param codeNeeded  whether the login waits for the second factor's code before anything opens
 * @param enrolmentNeeded whether the agent (staff) must enrol a second factor before anything opens
 */
public record Admission(LoginAdmission outcome, String identifiant, boolean codeNeeded, boolean enrolmentNeeded) {
}
