package fr.sesame.password;

import fr.sesame.directory.Agent;

/** A reminder the sweep found due: this agent, this password age, this stage (days before expiry). */
public record DueReminder(Agent agent, PasswordAge age, int stage) {
}
