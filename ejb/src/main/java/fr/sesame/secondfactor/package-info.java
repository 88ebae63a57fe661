/**
 * The second factor of login: enrolment of an authenticator app (TOTP, RFC 6238, computed by
 * java-otp), the code step after the password, the single-use recovery codes, and the resets by the
 * agent, the hotline or a lost-device report.
 */
package fr.sesame.secondfactor;
