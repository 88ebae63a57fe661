/** What every page shares: the site's settings, the language, response headers, messages. */
package fr.sesame.web;
