package fr.sesame.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.SecurityContext;

import java.io.Serializable;
import java.util.Arrays;

/** Refuses a call into a {@link RequiresRole} bean by someone who has none of its roles. */
@RequiresRole({})
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RoleCheck implements Serializable {

    private static final long serialVersionUID = 1L;

    /*
     * Looked up, not injected, and never serialized: this interceptor travels with the view-scoped
     * page it guards, and Liberty's SecurityContext proxy does not deserialize on another member of
     * the farm (WELD-001500), which lost the agent's session there.
     */
    transient SecurityContext security;

    @AroundInvoke
    public Object check(InvocationContext invocation) throws Exception {
        RequiresRole rule = invocation.getMethod().getAnnotation(RequiresRole.class);
        if (rule == null) {
            // The bean's class (the container's subclass of it inherits the annotation).
            rule = invocation.getTarget().getClass().getAnnotation(RequiresRole.class);
        }
        if (security == null) {
            security = CDI.current().select(SecurityContext.class).get();
        }
        if (rule == null || Arrays.stream(rule.value()).noneMatch(security::isCallerInRole)) {
            throw new AccessRefusedException(invocation.getMethod().getDeclaringClass().getSimpleName());
        }
        return invocation.proceed();
    }
}
