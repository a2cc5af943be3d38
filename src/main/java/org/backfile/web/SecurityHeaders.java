package org.backfile.web;

import spark.Response;

/** Headers on every response: no inline script, no framing, no MIME sniffing. */
final class SecurityHeaders {

  private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self';"
      + " frame-ancestors 'none'";

  private SecurityHeaders() {}

  static void apply(Response res) {
    res.header("Content-Security-Policy", CSP);
    res.header("X-Content-Type-Options", "nosniff");
    res.header("X-Frame-Options", "DENY");
    res.header("Referrer-Policy", "same-origin");
  }
}
