/** Mappings every entity shares. */
package fr.sesame.platform;
