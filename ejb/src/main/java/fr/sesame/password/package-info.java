/**
 * The password policy of academic accounts: the rules a new password must meet, with the reasons it
 * is refused, and zxcvbn's estimate of its strength.
 *
 * <p>{@code common-passwords.txt} (Passay's reader takes every non-empty line as a word, so the file
 * itself cannot carry this note) holds the entries of six characters or more of the {@code passwords.txt}
 * frequency list shipped in zxcvbn4j 1.9.0, plus French ones added by hand (keyboard walks such as
 * {@code azerty123}, {@code motdepasse}, {@code soleil}, the académie's towns, school words); all
 * lower-case, sorted with Passay's {@code WordLists.CASE_INSENSITIVE_COMPARATOR} because Passay
 * binary-searches it.
 */
package fr.sesame.password;
