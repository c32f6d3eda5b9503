package io.sluice.stack.component;

/** One part of the stack that {@code up} starts and {@code down} stops, in order. */
public interface Component {

    String name();

    /** Starts the component unless it already runs, and returns once it is healthy. */
    void up();

    /** Stops what {@link #up()} started; a component it found running elsewhere is left alone. */
    void down();

    ComponentStatus status();
}
