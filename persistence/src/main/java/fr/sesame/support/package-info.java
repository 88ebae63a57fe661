/** Support tickets: the request, its thread, its statuses and levels. */
package fr.sesame.support;
