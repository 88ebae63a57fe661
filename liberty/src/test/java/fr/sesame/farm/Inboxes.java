package fr.sesame.farm;

import fr.sesame.it.Mailboxes;
import fr.sesame.it.TestAgents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many agents' academic mailboxes read over IMAP, several connections at once (one after the other,
 * each login waits on the network more than on the server).
 */
final class Inboxes {

    private static final int CONNECTIONS = 16;

    private Inboxes() {
    }

    /** Each agent's messages with this subject, by identifiant. */
    static Map<String, List<Mailboxes.Mail>> withSubject(List<String> identifiants, String subject)
            throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            Map<String, Future<List<Mailboxes.Mail>>> reading = new LinkedHashMap<>();
            for (String identifiant : identifiants) {
                reading.put(identifiant, pool.submit(() -> Mailboxes.read(TestAgents.academicAddress(identifiant)).stream()
                        .filter(mail -> subject.equals(mail.subject())).toList()));
            }
            Map<String, List<Mailboxes.Mail>> read = new LinkedHashMap<>();
            for (Map.Entry<String, Future<List<Mailboxes.Mail>>> entry : reading.entrySet()) {
                read.put(entry.getKey(), entry.getValue().get());
            }
            return read;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The agents whose mailbox does not hold exactly one such message, with how many it holds. */
    static List<String> notExactlyOnce(List<String> identifiants, String subject)
            throws InterruptedException, ExecutionException {
        return withSubject(identifiants, subject).entrySet().stream().filter(entry -> entry.getValue().size() != 1)
                .map(entry -> entry.getKey() + ": " + entry.getValue().size()).toList();
    }
}
