/**
 * Models, built on DJL's engine-neutral API only (no MXNet classes): the teacher transformer that
 * exposes its attention, the student architectures and their cost estimates. Empty until the
 * teacher work lands.
 */
package org.tkdworkbench.models;
