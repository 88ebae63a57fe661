package fr.sesame.admin;

/**
 * Whether one part Sésame depends on answers.
 *
 * @param component {@code directory}, {@code database} or {@code mail}
 * @param endpoint where it is looked for, without credentials
 * @param problem a short technical reason when it is down, for the administrators; empty when up
 */
public record ComponentStatus(String component, boolean up, String endpoint, String problem) {
}
