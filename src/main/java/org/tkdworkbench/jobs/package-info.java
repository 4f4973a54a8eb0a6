/**
 * The UI-neutral contract for long work: a {@link org.tkdworkbench.jobs.Job} reports progress and
 * checks a cancel flag at every file or batch boundary; a {@link org.tkdworkbench.jobs.JobRunner}
 * runs it (on an executor in the app, on the caller's thread in tests). Front ends observe a {@link
 * org.tkdworkbench.jobs.JobHandle} by polling; nothing here knows JavaFX. {@link
 * org.tkdworkbench.jobs.Parallel} is the one parallel loop inside a job; no other package keeps its
 * own thread pool for per-item work.
 */
package org.tkdworkbench.jobs;
