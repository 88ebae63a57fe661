package fr.sesame.mail;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The courier's rounds, over steps that stand for the database and the relay: a full round is
 * followed by another, and a failure that may pass ends the round.
 */
class OutboxCourierTest {

    /** The queue as the database would give it, and a relay that takes messages or not. */
    private static final class Steps extends OutboxSteps {
        final List<Long> queue = new ArrayList<>();
        final List<Long> tried = new ArrayList<>();
        boolean relayUp = true;

        Steps(int messages) {
            LongStream.rangeClosed(1, messages).forEach(queue::add);
        }

        @Override
        public List<Long> dueIds(int max) {
            return List.copyOf(queue.subList(0, Math.min(max, queue.size())));
        }

        @Override
        public Optional<OutboundMessage> claim(Long id) {
            return Optional.of(OutboundMessage.email("a" + id + "@example.org", "code", "Sujet", "Corps", null, Instant.EPOCH));
        }

        @Override
        public boolean deliver(OutboundMessage message) {
            Long id = queue.remove(0);
            tried.add(id);
            if (!relayUp) {
                queue.add(id); // rescheduled later: at the end of the queue
            }
            return relayUp;
        }
    }

    @Test
    void roundsGoOnWhileTheyAreFull() {
        OutboxCourier courier = new OutboxCourier();
        Steps steps = new Steps(250);
        courier.steps = steps;

        courier.deliverDue();

        assertThat(steps.tried).hasSize(250);
        assertThat(steps.queue).isEmpty();
    }

    @Test
    void aFailureThatMayPassEndsTheRound() {
        OutboxCourier courier = new OutboxCourier();
        Steps steps = new Steps(250);
        steps.relayUp = false;
        courier.steps = steps;

        courier.deliverDue();

        assertThat(steps.tried).as("one attempt finds the relay down").containsExactly(1L);
        assertThat(steps.queue).hasSize(250);
    }
}
