package fr.sesame.farm;

import fr.sesame.it.PublicRequestForm;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two hundred help requests sent at once through the public form, half to each member, one member
 * killed ({@code kill -9}) when half have been answered: every request its sender was told was
 * recorded is in the database, under the reference the sender was given, each reference its own.
 */
class FarmTicketsIT {

    private static final int REQUESTS = 200;
    private static final String SCHOOL = "0801234A";
    private static final Pattern REFERENCE = Pattern.compile("id=\"reference\">(SES-\\d{4}-\\d{6})<");
    private static final Pattern ALERT = Pattern.compile("role=\"alert\"[^>]*>([^<]*)<");

    /** What a sender was told: the reference of the recorded request, or what the page said instead. */
    private record Answer(Optional<String> reference, String otherwise) {
    }

    /** One visitor's request: the member it goes to, its form, what it typed. */
    private record Request(FarmVisitor visitor, Farm.Member member, FarmVisitor.Form form, String contact) {
    }

    @Test
    void everyRequestItsSenderWasToldWasRecordedIsStoredWithItsOwnReference() throws Exception {
        Farm farm = Farm.running();
        farm.ensureSchool(SCHOOL, "Collège Jules Verne", "Amiens");
        String run = Long.toString(System.nanoTime(), 36);
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Farm.Member member = i % 2 == 0 ? farm.a() : farm.b();
            FarmVisitor visitor = new FarmVisitor("10.9." + (10 + i / 250) + "." + (1 + i % 250));
            requests.add(new Request(visitor, member, FarmVisitor.form(visitor.get(member, "/assistance"), "assistance"),
                    "ftick-" + run + "-" + i + "@perso.example.org"));
        }
        Farm.sleep(Duration.ofMillis(2500)); // the farm's no-script wait: 2 seconds

        AtomicInteger answered = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        Map<String, String> toldRecorded = new LinkedHashMap<>(); // contact → reference
        List<String> notRecorded = new ArrayList<>();
        try {
            List<CompletableFuture<Answer>> answers = new ArrayList<>();
            for (Request request : requests) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        HttpResponse<String> page = request.visitor().submit(request.member(), request.form(),
                                PublicRequestForm.fields(request.contact(), "PASSWORD", "Je n’arrive plus à me connecter"));
                        Matcher reference = REFERENCE.matcher(page.body());
                        if (page.statusCode() == 200 && reference.find()) {
                            return new Answer(Optional.of(reference.group(1)), null);
                        }
                        Matcher alert = ALERT.matcher(page.body());
                        return new Answer(Optional.empty(), page.statusCode() + " " + (alert.find() ? alert.group(1) : ""));
                    } catch (Exception e) {
                        // The member died under it: the sender is told nothing was recorded.
                        return new Answer(Optional.empty(), e.toString());
                    } finally {
                        if (answered.incrementAndGet() == REQUESTS / 2) {
                            farm.kill(farm.b());
                        }
                    }
                }, threads));
            }
            for (int i = 0; i < REQUESTS; i++) {
                Answer answer = answers.get(i).join();
                if (answer.reference().isPresent()) {
                    toldRecorded.put(requests.get(i).contact(), answer.reference().get());
                } else {
                    notRecorded.add(requests.get(i).member().name() + ": " + answer.otherwise());
                }
            }
        } finally {
            threads.shutdownNow();
        }

        System.out.printf("Farm tickets: %d requests, %d told recorded, %d not (member B killed after %d answers)%n",
                REQUESTS, toldRecorded.size(), notRecorded.size(), REQUESTS / 2);
        assertThat(toldRecorded.size()).as("at least the requests answered before the kill, and member A's; not: %s",
                        notRecorded.subList(0, Math.min(5, notRecorded.size())))
                .isGreaterThanOrEqualTo(REQUESTS / 2);
        assertThat(new java.util.HashSet<>(toldRecorded.values())).as("distinct references").hasSize(toldRecorded.size());
        Map<String, String> stored = storedReferences(farm, "ftick-" + run + "-%");
        assertThat(stored).as("every request its sender was told was recorded (%d not recorded)", notRecorded.size())
                .containsAllEntriesOf(toldRecorded);
        farm.ensureRunning(farm.b());
    }

    /** The stored requests whose contact address matches, by contact address. */
    private static Map<String, String> storedReferences(Farm farm, String contactPattern) throws Exception {
        try (Connection connection = farm.database();
             PreparedStatement statement = connection.prepareStatement(
                     "select contact_address, reference from ticket where contact_address like ?")) {
            statement.setString(1, contactPattern);
            Map<String, String> stored = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), rows.getString(2));
                }
            }
            return stored;
        }
    }
}
