/** Administration: the state of the service and, later, imports and dashboards. */
package fr.sesame.admin;
