package io.sluice.floor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** One endpoint, so that the HTTP stack starts as it does in the services. */
@Path("/hello")
public class Hello {

    @GET
    public String hello() {
        return "hello";
    }
}
