package io.tickwatch.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scheduling priority of Tickwatch's own background threads: the writer, the receiver's IO and worker
 * threads, the live overview's and the dashboard's query threads, the alert rules, CSV export.
 *
 * <p>With a window open they run at {@link Thread#MIN_PRIORITY}, so that on a busy machine the FX thread
 * wins the CPU whenever it has a frame to draw, and the background gets everything the FX thread leaves
 * idle (the scheduler only weighs threads that are runnable at the same time). On Linux a Java priority
 * becomes a nice value only with {@code -XX:ThreadPriorityPolicy=1}, which the launch options of the
 * desktop application set (README, "The dashboard"); a thread may always lower its own priority, no root
 * needed. Without that option the priority is recorded and ignored, and nothing else changes. A headless
 * receiver keeps {@link #NORMAL}: it has no FX thread to yield to and should not lose CPU to other programs.
 */
public record ThreadPolicy(int priority) {

    public static final ThreadPolicy NORMAL = new ThreadPolicy(Thread.NORM_PRIORITY);
    public static final ThreadPolicy BELOW_UI = new ThreadPolicy(Thread.MIN_PRIORITY);

    public ThreadPolicy {
        if (priority < Thread.MIN_PRIORITY || priority > Thread.NORM_PRIORITY) {
            throw new IllegalArgumentException("background priority must be 1-5, got " + priority);
        }
    }

    /** A daemon thread at this priority, not started. */
    public Thread newThread(Runnable run, String name) {
        Thread t = new Thread(run, name);
        t.setDaemon(true);
        t.setPriority(priority);
        return t;
    }

    /** Daemon threads at this priority named {@code prefix-1}, {@code prefix-2}, … */
    public ThreadFactory factory(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return run -> newThread(run, prefix + "-" + count.incrementAndGet());
    }

    /** Daemon threads at this priority, each named {@code name}. */
    public ThreadFactory factoryNamed(String name) {
        return run -> newThread(run, name);
    }

    /**
     * A thread group whose threads can be no more urgent than this policy, for libraries that create their
     * own threads in a given group (the receiver's XNIO worker).
     */
    public ThreadGroup group(String name) {
        ThreadGroup group = new ThreadGroup(name);
        group.setMaxPriority(priority);
        group.setDaemon(false);
        return group;
    }
}
