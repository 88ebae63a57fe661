package fr.sesame.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
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

    /**
     * Behind the admission filter: a login still waiting for its code serves no page bean, and a staff
     * member who must enrol reaches only the enrolment page's.
     */
    private static boolean secondStepDone(RequiresRole rule) {
        HttpServletRequest request;
        try {
            request = CDI.current().select(HttpServletRequest.class).get();
            request.getRequestURI(); // outside a request, the proxy says so here
        } catch (RuntimeException e) {
            return true; // no request: nobody logged in through a page
        }
        if (AdmissionFilter.codePending(request)) {
            return false;
        }
        return rule.duringEnrolment() || !AdmissionFilter.enrolmentPending(request);
    }

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
        if (rule == null || Arrays.stream(rule.value()).noneMatch(security::isCallerInRole)
                || !secondStepDone(rule)) {
            throw new AccessRefusedException(invocation.getMethod().getDeclaringClass().getSimpleName());
        }
        return invocation.proceed();
    }
}
