/** Établissements of the académie, known by their UAI. */
package fr.sesame.school;
