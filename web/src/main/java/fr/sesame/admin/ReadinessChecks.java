package fr.sesame.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.function.Supplier;

/**
 * {@code /health/ready}: the load balancer sends no one to a server whose directory, database or mail
 * server does not answer. The answer is public, so it names the parts and nothing about them.
 */
@ApplicationScoped
public class ReadinessChecks {

    @Inject
    ServiceStatus status;

    @Produces
    @Readiness
    HealthCheck directory() {
        return check(() -> status.directory());
    }

    @Produces
    @Readiness
    HealthCheck database() {
        return check(() -> status.database());
    }

    @Produces
    @Readiness
    HealthCheck mail() {
        return check(() -> status.mail());
    }

    private static HealthCheck check(Supplier<ComponentStatus> probe) {
        return () -> {
            ComponentStatus component = probe.get();
            return HealthCheckResponse.named(component.component()).status(component.up()).build();
        };
    }
}
