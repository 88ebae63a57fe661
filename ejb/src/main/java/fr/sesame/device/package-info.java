/** Mail clients: the settings of every device, the files clients fetch by themselves, the connection test. */
package fr.sesame.device;
