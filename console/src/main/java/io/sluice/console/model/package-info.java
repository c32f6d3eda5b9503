/**
 * The services' answers as the console reads them: only the fields it shows, unknown ones ignored, so that a
 * service adding a field never breaks a page. Field names are the APIs' snake_case JSON names.
 */
package io.sluice.console.model;
