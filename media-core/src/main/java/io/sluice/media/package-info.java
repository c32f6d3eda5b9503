/**
 * Sans-IO media protocol library: bytes in, messages out. Nothing here touches a socket, a thread pool,
 * a logger or a framework; every size read off the wire is bounded by a limit the caller passes in.
 */
package io.sluice.media;
