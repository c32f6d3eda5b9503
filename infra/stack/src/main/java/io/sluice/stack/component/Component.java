package io.sluice.stack.component;

/** One part of the stack that {@code up} starts and {@code down} stops, in order. */
public interface Component {

    String name();

    /**
     * Fails with one clear line when a port this component would listen on is taken, checked for every
     * component before any starts, so that {@code up} does not leave half a stack running. A component
     * that already runs, or that uses a server it finds, claims nothing.
     */
    default void requirePortsFree() {
    }

    /** Starts the component unless it already runs, and returns once it is healthy. */
    void up();

    /** Stops what {@link #up()} started; a component it found running elsewhere is left alone. */
    void down();

    ComponentStatus status();
}
