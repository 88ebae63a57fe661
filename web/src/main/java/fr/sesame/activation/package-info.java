/** Pages of the activation and of the forgotten identifiant. */
package fr.sesame.activation;
