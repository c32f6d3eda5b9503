package io.sluice.stack.component;

import io.sluice.stack.process.ManagedProcess;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What {@code status} prints for one component.
 *
 * @param pid the process the stack owns, or 0 when it owns none
 * @param address where it answers (a URL or host:port)
 */
public record ComponentStatus(String name, State state, long pid, String address, String detail) {

    /**
     * The status of a component the stack runs as a process: stopped without one, else healthy or not as the
     * probe says.
     */
    public static ComponentStatus ofProcess(String name, ManagedProcess process, BooleanSupplier healthy, String address,
            String detail) {
        Optional<ProcessHandle> live = process.running();
        if (live.isEmpty()) {
            return new ComponentStatus(name, State.STOPPED, 0, address, "");
        }
        return new ComponentStatus(name, healthy.getAsBoolean() ? State.HEALTHY : State.UNHEALTHY, live.get().pid(), address,
                detail);
    }

    public enum State {
        /** Started by this stack and answering its health check. */
        HEALTHY,
        /** Started by this stack, running, but not answering its health check. */
        UNHEALTHY,
        /** Not started by this stack but reachable and used (a PostgreSQL already on the machine). */
        EXTERNAL,
        STOPPED
    }
}
