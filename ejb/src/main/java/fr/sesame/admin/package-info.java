/**
 * Administration: the state of the service, and the imports of files (the HR assignments file, the
 * national directory of schools), which share their CSV reading, their batch progress and their report.
 */
package fr.sesame.admin;
