/**
 * The second factor of login: an authenticator app's time-based codes (TOTP, RFC 6238), its sealed
 * secret, and the single-use recovery codes that replace a lost phone.
 */
package fr.sesame.secondfactor;
