/** The support pages: the public request form, the agent's requests, the référents' and hotline's queues. */
package fr.sesame.support;
