package fr.sesame.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * An HR assignments file for a test: agents with fresh NUMENs, names and mailboxes, so that tests
 * never collide, even against a directory that earlier runs filled.
 */
public final class HrFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** One line of the file. */
    public record Agent(String numen, String surname, String givenName, String uai, String recovery, String mobile) {

        String line() {
            return String.join(";", numen, surname, givenName, uai, recovery, mobile, "2026-09-01");
        }
    }

    private final List<String> lines = new ArrayList<>(List.of("NUMEN;Nom;Prénom;UAI;Courriel;Mobile;Date de début"));

    public static String randomLetters(int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return letters.toString();
    }

    public static String newNumen() {
        return "20E26" + String.format("%05d", RANDOM.nextInt(100_000)) + randomLetters(3).toUpperCase();
    }

    /** A new agent with a unique surname and recovery mailbox. */
    public Agent add(String givenName, String surnameStem, String uai, String mobile) {
        String tag = randomLetters(5);
        String surname = surnameStem + tag.substring(0, 1).toUpperCase() + tag.substring(1);
        return add(new Agent(newNumen(), surname, givenName, uai, "it." + tag + "@example.org", mobile));
    }

    public Agent add(Agent agent) {
        lines.add(agent.line());
        return agent;
    }

    public HrFile addRaw(String line) {
        lines.add(line);
        return this;
    }

    public Path write() throws IOException {
        Path file = Files.createTempFile("affectations-", ".csv");
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        return file;
    }
}
