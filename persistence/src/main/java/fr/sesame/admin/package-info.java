/** Administration: imports of the HR assignments file. */
package fr.sesame.admin;
