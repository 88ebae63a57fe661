package fr.sesame.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * {@code /health/ready}: the load balancer sends no one to a server whose directory or database does
 * not answer. The mail relay is not part of it: the outbox keeps what is to be sent until the relay
 * is back, and every member shares the one relay, so its outage would leave the load balancer without
 * any member while nothing needs it at once ({@code /admin} shows it). The answer is public, so it
 * names the parts and nothing about them; it is at most {@code sesame.health.cache-seconds} old, so
 * that however often it is asked (a balancer, or someone hammering it), each part is asked once in
 * that time.
 */
@ApplicationScoped
public class ReadinessChecks {

    @Inject
    ServiceStatus status;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "sesame.health.cache-seconds")
    long cacheSeconds;

    private final Recent directory = new Recent();
    private final Recent database = new Recent();

    @Produces
    @Readiness
    HealthCheck directory() {
        return check(directory, () -> status.directory());
    }

    @Produces
    @Readiness
    HealthCheck database() {
        return check(database, () -> status.database());
    }

    private HealthCheck check(Recent recent, Supplier<ComponentStatus> probe) {
        return () -> {
            ComponentStatus component = recent.get(probe, clock.instant(), Duration.ofSeconds(cacheSeconds));
            return HealthCheckResponse.named(component.component()).status(component.up()).build();
        };
    }

    /** The last answer of one component, asked again once it is older than allowed. */
    static final class Recent {

        private record Answer(ComponentStatus status, Instant at) {
        }

        private final AtomicReference<Answer> last = new AtomicReference<>();

        ComponentStatus get(Supplier<ComponentStatus> probe, Instant now, Duration maxAge) {
            Answer answer = last.get();
            if (answer == null || !answer.at().plus(maxAge).isAfter(now)) {
                answer = new Answer(probe.get(), now);
                last.set(answer);
            }
            return answer.status();
        }
    }
}
