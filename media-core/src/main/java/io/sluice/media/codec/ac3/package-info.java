/** AC-3 and E-AC-3: sync frame headers. */
package io.sluice.media.codec.ac3;
