/** The devices page, the files mail clients fetch by themselves, the connection test. */
package fr.sesame.device;
