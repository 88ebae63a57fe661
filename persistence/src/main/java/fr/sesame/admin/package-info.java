/** Administration: imports of the HR assignments file and of the national directory of schools. */
package fr.sesame.admin;
