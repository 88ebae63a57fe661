/** What Sésame keeps about passwords: never a password, only PBKDF2 hashes, link hashes and dates. */
package fr.sesame.password;
