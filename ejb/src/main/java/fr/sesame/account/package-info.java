/** "Mon compte": what an agent sees of their own account, and whether a login may proceed. */
package fr.sesame.account;
