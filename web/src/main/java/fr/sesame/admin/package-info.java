/** Administration pages and the readiness probe. */
package fr.sesame.admin;
