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
 * {@code /health/ready}: the load balancer sends no one to a server whose directory, database or mail
 * server does not answer. The answer is public, so it names the parts and nothing about them; it is at
 * most {@code sesame.health.cache-seconds} old, so that however often it is asked (a balancer, or
 * someone hammering it), the directory, the database and the mail server are asked once in that time.
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
    private final Recent mail = new Recent();

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

    @Produces
    @Readiness
    HealthCheck mail() {
        return check(mail, () -> status.mail());
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
