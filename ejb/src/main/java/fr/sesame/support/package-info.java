/** The support chain: tickets through the school's référent, the hotline and the experts. */
package fr.sesame.support;
