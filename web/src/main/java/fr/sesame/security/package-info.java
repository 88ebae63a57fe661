/** Login, logout and the checks that run on every request: who may come in, and how. */
package fr.sesame.security;
