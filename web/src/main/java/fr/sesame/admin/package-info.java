/** Administration pages (the status, the dashboard, the imports of the HR file and of the schools) and the readiness probe. */
package fr.sesame.admin;
