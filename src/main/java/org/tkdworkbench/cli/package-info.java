/**
 * The picocli command line: each command is a thin shell over the core. Usage errors and invalid
 * settings exit with code 2 and a message naming the field; files that cannot be read exit 1.
 */
package org.tkdworkbench.cli;
